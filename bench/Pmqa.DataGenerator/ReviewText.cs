using System.Globalization;
using Pmqa.Domain.Frameworks;

namespace Pmqa.DataGenerator;

/// <summary>Thai wording of OPDC's side: reviewers' strengths and opportunities, reasons for adjusting or
/// rejecting an indicator, the consensus rationale, a declined visit, the visit's agenda and findings.
/// Composed from fragments like <see cref="ThaiText"/>; everything is invented.</summary>
public static class ReviewText
{
    private static readonly string[] ProcessStrengths =
    [
        "มีการดำเนินการเรื่อง{item} โดยมีหลักฐานเชิงประจักษ์ชัดเจน",
        "จุดเด่นคือ{item} ซึ่งมีการติดตามผลอย่างต่อเนื่องและผู้บริหารให้ความสำคัญ",
        "มีการบูรณาการเรื่อง{item}เข้ากับแผนปฏิบัติราชการ และสื่อสารให้บุคลากรรับทราบอย่างทั่วถึง",
        "แนวทางเรื่อง{item}ถูกนำไปใช้ครอบคลุมหน่วยงานภายใน และมีการทบทวนปรับปรุงเป็นระยะ",
    ];
    private static readonly string[] ResultsStrengths =
    [
        "ตัวชี้วัด{item}มีแนวโน้มดีขึ้นต่อเนื่อง 3 ปี และบรรลุค่าเป้าหมายที่กำหนด",
        "ผลลัพธ์ของตัวชี้วัด{item}ดีกว่าค่าเปรียบเทียบ แสดงถึงความสามารถในการแข่งขันของหน่วยงาน",
        "มีการรายงานผลตัวชี้วัด{item}ครบถ้วน พร้อมแหล่งที่มาของข้อมูลที่ตรวจสอบได้",
    ];
    private static readonly string[] Beginnings =
    [
        "หน่วยงานเริ่มวางแนวทางการดำเนินงานในประเด็น{issue}แล้ว และมีผู้รับผิดชอบที่ชัดเจน",
        "ผู้บริหารให้ความสำคัญกับประเด็น{issue} และได้แต่งตั้งคณะทำงานขับเคลื่อนแล้ว",
    ];
    private static readonly string[] ProcessOpportunities =
    [
        "ควรพัฒนาเรื่อง{item}ให้ครอบคลุมทุกหน่วยงานภายใน และกำหนดตัววัดผลที่ชัดเจน",
        "ยังไม่ปรากฏหลักฐานที่แสดงถึง{item} ควรดำเนินการและประเมินผลอย่างต่อเนื่อง",
        "ควรจัดเก็บหลักฐานเรื่อง{item}ให้เป็นระบบ เพื่อแสดงผลลัพธ์ที่เกิดขึ้นจริง",
        "ควรเรียนรู้จากหน่วยงานที่มีแนวปฏิบัติที่ดีในเรื่อง{item} แล้วนำมาปรับใช้ให้เหมาะกับบริบทของหน่วยงาน",
    ];
    private static readonly string[] ResultsOpportunities =
    [
        "ควรเลือกตัวชี้วัดที่สะท้อนผลลัพธ์ของประเด็น{issue}โดยตรง และมีค่าเปรียบเทียบกับหน่วยงานชั้นนำ",
        "ควรรายงานผลย้อนหลังให้ครบ 3 ปี เพื่อแสดงแนวโน้มของผลการดำเนินงาน",
        "ควรกำหนดค่าเป้าหมายที่ท้าทายขึ้น และวิเคราะห์สาเหตุเมื่อผลไม่บรรลุเป้าหมาย",
    ];
    private static readonly string[] Refinements =
    [
        "ควรถอดบทเรียนและขยายผลแนวปฏิบัติที่ดีในประเด็น{issue}ไปยังหน่วยงานอื่น",
        "ควรต่อยอดด้วยการใช้ข้อมูลและเทคโนโลยีดิจิทัลเพื่อยกระดับผลลัพธ์ในประเด็น{issue}",
    ];

    /// <summary>What the reviewer found strong: one or two of the items it kept, or a kind word when none.</summary>
    public static string Strengths(Random r, Issue issue, IReadOnlyList<string> kept)
    {
        if (kept.Count == 0) return Fill(Pick(r, Beginnings), issue, "");
        var templates = issue.Kind == IssueKind.Process ? ProcessStrengths : ResultsStrengths;
        return Compose(r, templates, issue, kept);
    }

    /// <summary>What the agency could improve: one or two of the items missing, or a next step when none is.</summary>
    public static string Opportunities(Random r, Issue issue, IReadOnlyList<string> missing)
    {
        if (issue.Kind == IssueKind.Results) return Fill(Pick(r, ResultsOpportunities), issue, "");
        if (missing.Count == 0) return Fill(Pick(r, Refinements), issue, "");
        return Compose(r, ProcessOpportunities, issue, missing);
    }

    /// <summary>One or two items, each in a different sentence pattern, so two sentences never start alike.</summary>
    private static string Compose(Random r, string[] templates, Issue issue, IReadOnlyList<string> items)
    {
        var patterns = templates.OrderBy(_ => r.Next()).ToList();
        return string.Join(" ", items.OrderBy(_ => r.Next()).Take(1 + r.Next(2)).Select((item, n) => Fill(patterns[n % patterns.Count], issue, item)));
    }

    public static string AdjustReason(Random r, string name, decimal reported, decimal verified, string unit) => Pick(r,
    [
        $"เอกสารหลักฐานแสดงผลการดำเนินงานปีปัจจุบันของตัวชี้วัด{name}เท่ากับ {Amount(verified, unit)} ไม่ใช่ {Amount(reported, unit)} ตามที่รายงาน",
        $"ข้อมูลในรายงานผลการดำเนินงานประจำปีไม่ตรงกับที่รายงาน จึงปรับผลปีปัจจุบันเป็น {Amount(verified, unit)}",
        $"ผลที่รายงานนับรวมข้อมูลนอกปีงบประมาณ เมื่อตัดออกแล้วผลปีปัจจุบันเท่ากับ {Amount(verified, unit)}",
    ]);

    /// <summary>"ร้อยละ 80.13" but "1,250 คน": Thai puts ร้อยละ before the number and other units after it.</summary>
    private static string Amount(decimal value, string unit) =>
        unit.Trim() == "ร้อยละ" ? $"ร้อยละ {N(value)}" : $"{N(value)} {unit}".TrimEnd();

    public static string RejectReason(Random r, string name) => Pick(r,
    [
        $"ไม่มีเอกสารหลักฐานยืนยันผลการดำเนินงานของตัวชี้วัด{name}",
        $"ตัวชี้วัด{name}เป็นตัววัดกระบวนการ ไม่สะท้อนผลลัพธ์ตามประเด็นนี้",
        "ข้อมูลผลการดำเนินงานย้อนหลังไม่สามารถตรวจสอบแหล่งที่มาได้",
    ]);

    public static string Rationale(Random r, Issue issue, int disputed, bool leadPrevailed) => disputed == 0
        ? Pick(r,
        [
            "คณะผู้ตรวจประเมินมีความเห็นสอดคล้องกันทุกรายการ ตามหลักฐานที่หน่วยงานนำเสนอ",
            $"ผลการตรวจของผู้ตรวจทุกคนในประเด็น {issue.Code} ตรงกัน จึงใช้เป็นฉันทามติ",
        ])
        : $"คณะผู้ตรวจประเมินพิจารณาร่วมกันในรายการที่มีความเห็นต่างกัน {disputed} รายการ " +
          (leadPrevailed ? "โดยยึดหลักฐานเชิงประจักษ์ตามความเห็นของหัวหน้าคณะ" : "โดยพิจารณาหลักฐานเพิ่มเติมและคำอธิบายของหน่วยงานประกอบ") +
          " แล้วเห็นพ้องตามผลที่บันทึกนี้";

    public static readonly string[] DeclineReasons =
    [
        "หน่วยงานอยู่ระหว่างการปรับโครงสร้างองค์การ ไม่สะดวกรับการตรวจในช่วงเวลาดังกล่าว",
        "ผู้บริหารติดภารกิจเร่งด่วนตามนโยบายรัฐบาลตลอดช่วงการตรวจ ณ พื้นที่",
        "หน่วยงานขอเตรียมความพร้อมเพิ่มเติม และจะขอรับการตรวจในรอบปีงบประมาณถัดไป",
    ];

    public static string Agenda(string orgNameTh) => string.Join("\n",
    [
        "09.00 น. ผู้บริหารกล่าวต้อนรับและนำเสนอภาพรวมการพัฒนาองค์การ",
        "09.30 น. คณะผู้ตรวจสัมภาษณ์ผู้บริหารและผู้รับผิดชอบหมวด",
        $"11.00 น. เยี่ยมชมพื้นที่ปฏิบัติงานและตรวจเอกสารหลักฐานของ{orgNameTh}",
        "13.30 น. สัมภาษณ์บุคลากรและผู้รับบริการ",
        "15.30 น. คณะผู้ตรวจสรุปข้อค้นพบเบื้องต้น",
    ]);

    public static string Finding(Random r, Issue issue, int direction) =>
        $"คณะผู้ตรวจได้สัมภาษณ์ผู้บริหารและบุคลากรที่เกี่ยวข้องกับประเด็น {issue.Code} {issue.NameTh} " + (direction switch
        {
            > 0 => Pick(r, ["พบว่าการดำเนินงานจริงก้าวหน้ากว่าที่ปรากฏในเอกสาร และบุคลากรเข้าใจแนวทางอย่างทั่วถึง",
                "พบผลลัพธ์ที่ชัดเจนจากการเยี่ยมชมพื้นที่ ซึ่งยืนยันและเพิ่มเติมจากหลักฐานที่นำเสนอ"]),
            < 0 => Pick(r, ["พบว่าบางกิจกรรมยังอยู่ในขั้นเริ่มต้น และยังไม่ขยายผลครอบคลุมทุกหน่วยงานภายใน",
                "พบว่าหลักฐานบางส่วนจัดทำขึ้นเพื่อการประเมิน ยังไม่ปรากฏการใช้งานจริงอย่างต่อเนื่อง"]),
            _ => Pick(r, ["พบว่าการดำเนินงานสอดคล้องกับหลักฐานที่นำเสนอ", "ยืนยันได้ว่าการดำเนินงานเป็นไปตามที่หน่วยงานรายงาน"]),
        });

    public static string FindingAdjustReason(int direction) => direction > 0
        ? "ผลการตรวจ ณ พื้นที่ยืนยันการดำเนินงานที่มากกว่าที่ปรากฏในเอกสาร จึงปรับคะแนนเพิ่ม"
        : "ผลการตรวจ ณ พื้นที่ไม่ยืนยันการดำเนินงานบางส่วนตามเอกสาร จึงปรับคะแนนลด";

    public const string NotCertifiedReason = "คะแนนสุดท้ายหลังการตรวจ ณ พื้นที่ต่ำกว่าระดับพื้นฐาน จึงยังไม่รับรองในรอบนี้";

    private static string Fill(string template, Issue issue, string item) => template
        .Replace("{item}", item, StringComparison.Ordinal).Replace("{issue}", issue.NameTh, StringComparison.Ordinal);

    private static string N(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Pick(Random r, IReadOnlyList<string> items) => ThaiText.Pick(r, items);
}
