namespace Pmqa.Domain.OpenData;

/// <summary>One column of the published results: its API (JSON and English CSV header) name, its Thai and
/// English names, type, unit and the values it may take.</summary>
public sealed record DataField(string Name, string NameTh, string NameEn, string Type, string Unit, string DescriptionTh, string DescriptionEn,
    IReadOnlyList<string> AllowedValues);

/// <summary>
/// What the open data holds, and nothing else (issue 11): organisation, fiscal year, verified total and
/// category scores, status band, site-visit outcome and certification. No answers, explanations, evidence or
/// people ever. The CSV headers, the JSON fields and the published dictionary all come from this one list.
/// </summary>
public static class DataDictionary
{
    public const string LicenceUrl = "https://opendefinition.org/licenses/odc-by/";
    public const string LicenceNameTh = "Open Data Commons Attribution License (ODC-BY) แสดงที่มา สำนักงาน ก.พ.ร.";
    public const string LicenceNameEn = "Open Data Commons Attribution License (ODC-BY), attribution to OPDC";

    public static readonly string[] Bands = ["None", "Basic", "Advance", "Significance"];
    public static readonly string[] SiteVisitOutcomes = ["none", "offered", "scheduled", "declined", "visited"];
    public static readonly string[] Types = ["department", "publicOrganization", "province"];

    public static readonly IReadOnlyList<DataField> Fields =
    [
        new("fiscalYear", "ปีงบประมาณ", "Fiscal year", "integer", "พ.ศ. (BE)", "ปีงบประมาณของรอบการประเมิน (พุทธศักราช)", "Fiscal year of the round, Buddhist Era", []),
        new("organizationCode", "รหัสหน่วยงาน", "Organisation code", "string", "", "รหัสหน่วยงานในระบบ PMQA 4.0 Online", "The organisation's code in PMQA 4.0 Online", []),
        new("organizationNameTh", "ชื่อหน่วยงาน (ภาษาไทย)", "Organisation name (Thai)", "string", "", "", "", []),
        new("organizationNameEn", "ชื่อหน่วยงาน (ภาษาอังกฤษ)", "Organisation name (English)", "string", "", "", "", []),
        new("organizationType", "ประเภทหน่วยงาน", "Organisation type", "string", "", "ส่วนราชการระดับกรม องค์การมหาชน หรือจังหวัด", "Department, public organisation or province", Types),
        new("groupCode", "รหัสกระทรวงหรือกลุ่มจังหวัด", "Ministry or province cluster code", "string", "", "", "", []),
        new("groupNameTh", "กระทรวงหรือกลุ่มจังหวัด (ภาษาไทย)", "Ministry or province cluster (Thai)", "string", "", "", "", []),
        new("groupNameEn", "กระทรวงหรือกลุ่มจังหวัด (ภาษาอังกฤษ)", "Ministry or province cluster (English)", "string", "", "", "", []),
        new("verifiedTotal", "คะแนนรวมที่ผ่านการตรวจสอบ", "Verified total", "decimal", "คะแนน (0–500) (points)",
            "คะแนนรวมที่คณะผู้ตรวจยืนยัน หลังปรับจากการตรวจ ณ พื้นที่ถ้ามี", "The total the review team verified, after site-visit adjustments when there was a visit", []),
        .. Enumerable.Range(1, 7).Select(i => new DataField($"category{i}", $"คะแนนหมวด {i}", $"Category {i} score", "decimal", "คะแนน (0–500) (points)",
            $"คะแนนที่ผ่านการตรวจสอบของหมวด {i}", $"Verified score of category {i}", [])),
        new("statusBand", "ระดับสถานะ", "Status band", "string", "", "ระดับตามคะแนนรวม", "The band the total reaches", Bands),
        new("siteVisitOutcome", "ผลการตรวจ ณ พื้นที่", "Site-visit outcome", "string", "",
            "none = ไม่ได้รับการเสนอ, offered = เสนอแล้ว, scheduled = ตอบรับ, declined = ปฏิเสธ, visited = ตรวจแล้ว",
            "none = not offered, offered, scheduled = accepted, declined, visited", SiteVisitOutcomes),
        new("certified", "ได้รับการรับรอง", "Certified", "boolean", "", "", "", ["true", "false"]),
        new("certificateNumber", "เลขที่ประกาศนียบัตร", "Certificate number", "string", "", "", "", []),
        new("certificateValidUntil", "ประกาศนียบัตรใช้ได้ถึง", "Certificate valid until", "date", "ISO 8601 (เวลาประเทศไทย) (Bangkok date)", "", "", []),
        new("certificateVerifyUrl", "ลิงก์ตรวจสอบประกาศนียบัตร", "Certificate verification link", "url", "", "", "", []),
        new("publishedVersion", "ฉบับที่เผยแพร่", "Published version", "integer", "", "1 = ฉบับแรก ฉบับใหม่เกิดเมื่อมีการแก้ไขหลังเผยแพร่", "1 = first; a correction after publication is a new version", []),
        new("publishedAt", "วันที่เผยแพร่", "Published", "datetime", "ISO 8601", "", "", []),
        new("correctionNote", "หมายเหตุการแก้ไข", "Correction note", "string", "", "", "", []),
        new("licence", "สัญญาอนุญาต", "Licence", "url", "", "สัญญาอนุญาตของข้อมูล (ระบุในทุกแถว ทุกไฟล์)", "The data's licence (stated on every row of every file)", [LicenceUrl]),
    ];

    /// <summary>The CSV's header cells: the Thai name with the English field name in brackets.</summary>
    public static IEnumerable<string> CsvHeader => Fields.Select(f => $"{f.NameTh} ({f.Name})");
}
