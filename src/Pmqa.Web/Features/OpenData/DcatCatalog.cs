using System.Globalization;
using System.Text.Json;
using Pmqa.Domain.OpenData;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

/// <summary>
/// The DCAT catalogue (W3C DCAT 2) of the open data as JSON-LD, for the government data catalogue (GD Catalog, a
/// CKAN site whose DCAT harvester reads dct:title, dct:description, dcat:keyword, dct:publisher,
/// dcat:contactPoint, dct:license, dct:accrualPeriodicity, dct:temporal, dct:spatial, dct:issued, dct:modified and,
/// per dcat:Distribution, dcat:accessURL, dcat:downloadURL, dcat:mediaType and dct:format). One dcat:Dataset per
/// fiscal year and one for all years; a CSV and a JSON distribution each. Titles and descriptions in Thai and English.
/// </summary>
public static class DcatCatalog
{
    public const string ContentType = "application/ld+json";
    /// <summary>The catalogue's contact when <c>OpenData:ContactEmail</c> is not set. The contact is the open-data desk
    /// people write to, not the application's mail sender (<c>Smtp:From</c>), so the two are configured apart.</summary>
    public const string DefaultContactEmail = "pmqa@opdc.go.th";

    public static string ContactEmailOf(IConfiguration config) =>
        config["OpenData:ContactEmail"] is { Length: > 0 } email ? email.Trim() : DefaultContactEmail;

    public sealed record YearInfo(int? FiscalYear, DateTimeOffset Issued, DateTimeOffset Modified);

    /// <param name="digital">When any public service is registered: the first and last change of the digital registers,
    /// for the dataset of their aggregated progress (ADR 0028).</param>
    public static byte[] Build(IReadOnlyList<YearInfo> years, PublicUrl url, string contactEmail, (DateTimeOffset Issued, DateTimeOffset Modified)? digital = null)
    {
        var publisher = new Dictionary<string, object>
        {
            ["@id"] = "https://www.opdc.go.th/", ["@type"] = "foaf:Organization",
            ["foaf:name"] = Texts("สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)", "Office of the Public Sector Development Commission (OPDC)"),
            ["foaf:mbox"] = new Dictionary<string, string> { ["@id"] = $"mailto:{contactEmail}" },
        };
        var catalog = new Dictionary<string, object>
        {
            ["@context"] = new Dictionary<string, string>
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/", ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["vcard"] = "http://www.w3.org/2006/vcard/ns#", ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = url.To("/api/v1/open-data/catalog.jsonld"),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = Texts("ข้อมูลเปิด PMQA 4.0 Online", "PMQA 4.0 Online open data"),
            ["dct:description"] = Texts("ผลการประเมินสถานะการเป็นระบบราชการ 4.0 (PMQA 4.0) ที่ผ่านการตรวจสอบของสำนักงาน ก.พ.ร.",
                "Verified results of the Government 4.0 (PMQA 4.0) assessment, published by OPDC"),
            ["dct:publisher"] = publisher,
            ["dct:language"] = new[] { Ref("http://id.loc.gov/vocabulary/iso639-1/th"), Ref("http://id.loc.gov/vocabulary/iso639-1/en") },
            ["dct:license"] = Ref(DataDictionary.LicenceUrl),
            ["foaf:homepage"] = Ref(url.To("/open-data")),
            ["dcat:dataset"] = years.Select(y => Dataset(y, url, publisher, contactEmail))
                .Concat(digital is { } d ? [DigitalDataset(d.Issued, d.Modified, url, publisher, contactEmail)] : []).ToList(),
        };
        var modified = years.Select(y => y.Modified).Concat(digital is { } dm ? [dm.Modified] : []).ToList();
        if (modified.Count > 0) catalog["dct:modified"] = Date(modified.Max());
        return JsonSerializer.SerializeToUtf8Bytes(catalog, OpenDataFiles.Json);
    }

    private static Dictionary<string, object> Dataset(YearInfo y, PublicUrl url, object publisher, string contactEmail)
    {
        var (th, en, slug) = y.FiscalYear is { } fy
            ? ($"ผลการประเมิน PMQA 4.0 ที่ผ่านการตรวจสอบ ปีงบประมาณ พ.ศ. {fy}", $"Verified PMQA 4.0 results, fiscal year {fy} BE ({fy - ThaiTime.BuddhistEraOffset})", fy.ToString(CultureInfo.InvariantCulture))
            : ("ผลการประเมิน PMQA 4.0 ที่ผ่านการตรวจสอบ ทุกปีงบประมาณ", "Verified PMQA 4.0 results, all fiscal years", "all");
        var path = y.FiscalYear is { } year ? $"/api/v1/open-data/results/{year}" : "/api/v1/open-data/results";
        var dataset = new Dictionary<string, object>
        {
            ["@id"] = url.To($"/open-data#dataset-{slug}"),
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = $"pmqa-results-{slug}",
            ["dct:title"] = Texts(th, en),
            ["dct:description"] = Texts(
                "คะแนนรวมและคะแนนรายหมวดที่ผ่านการตรวจสอบ ระดับสถานะ ผลการตรวจ ณ พื้นที่ และการรับรอง ของส่วนราชการ องค์การมหาชน และจังหวัด ไม่มีคำตอบ คำอธิบาย หลักฐาน หรือข้อมูลบุคคล",
                "Verified totals and category scores, status band, site-visit outcome and certification of departments, public organisations and provinces. No answers, explanations, evidence or personal data."),
            ["dcat:keyword"] = new object[]
            {
                Text("PMQA 4.0", "th"), Text("ระบบราชการ 4.0", "th"), Text("เกณฑ์คุณภาพการบริหารจัดการภาครัฐ", "th"), Text("สำนักงาน ก.พ.ร.", "th"),
                Text("PMQA 4.0", "en"), Text("Government 4.0", "en"), Text("public sector management quality", "en"),
            },
            ["dcat:theme"] = Ref("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
            ["dct:publisher"] = publisher,
            ["dcat:contactPoint"] = new Dictionary<string, object>
            {
                ["@type"] = "vcard:Organization", ["vcard:fn"] = "สำนักงาน ก.พ.ร. (OPDC) PMQA 4.0",
                ["vcard:hasEmail"] = Ref($"mailto:{contactEmail}"),
            },
            ["dct:license"] = Ref(DataDictionary.LicenceUrl),
            ["dct:accrualPeriodicity"] = Ref("http://purl.org/cld/freq/annual"),
            ["dct:spatial"] = new Dictionary<string, object> { ["@id"] = "http://sws.geonames.org/1605651/", ["@type"] = "dct:Location", ["dct:title"] = Texts("ประเทศไทย", "Thailand") },
            ["dct:issued"] = Date(y.Issued),
            ["dct:modified"] = Date(y.Modified),
            ["dcat:landingPage"] = Ref(url.To(y.FiscalYear is { } f ? $"/open-data?year={f}" : "/open-data")),
            ["dct:conformsTo"] = Ref(url.To("/api/v1/open-data/dictionary")),
            ["dcat:distribution"] = new[] { Distribution(y, url, path, "csv", "text/csv", "CSV", slug), Distribution(y, url, path, "json", "application/json", "JSON", slug) },
        };
        if (y.FiscalYear is { } fiscal)
            dataset["dct:temporal"] = new Dictionary<string, object>
            {
                ["@type"] = "dct:PeriodOfTime",
                ["dcat:startDate"] = TypedDate(ThaiTime.FiscalYearStart(fiscal)),
                ["dcat:endDate"] = TypedDate(ThaiTime.FiscalYearStart(fiscal + 1).AddDays(-1)),
            };
        return dataset;
    }

    /// <summary>The digital registers' aggregated progress to 2570 (issue 12): per year, nation, type, ministry, cluster.</summary>
    private static Dictionary<string, object> DigitalDataset(DateTimeOffset issued, DateTimeOffset modified, PublicUrl url, object publisher, string contactEmail)
    {
        const string path = "/api/v1/open-data/digital-progress";
        var year = new YearInfo(null, issued, modified);
        Dictionary<string, object> Dist(string extension, string mediaType, string format)
        {
            var d = Distribution(year, url, path, extension, mediaType, format, "digital-progress");
            d["dct:identifier"] = $"pmqa-digital-progress-{extension}";
            d["dct:title"] = Texts($"ความก้าวหน้าบริการดิจิทัล ({format})", $"Digital progress ({format})");
            return d;
        }
        return new Dictionary<string, object>
        {
            ["@id"] = url.To("/open-data#dataset-digital-progress"),
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = "pmqa-digital-progress",
            ["dct:title"] = Texts("ความก้าวหน้าสู่บริการดิจิทัลภายในปี 2570 (ภาพรวม)", "Progress to fully digital public services by 2570 (aggregated)"),
            ["dct:description"] = Texts(
                "ร้อยละของงานบริการสาธารณะที่เป็นดิจิทัลเต็มรูปแบบและอยู่บนแพลตฟอร์มกลาง (Citizen Portal / Biz Portal) ณ สิ้นแต่ละปี ภาพรวมประเทศ รายประเภทหน่วยงาน รายกระทรวง และรายกลุ่มจังหวัด ตามมติคณะรัฐมนตรี 18 มิถุนายน 2567 ไม่มีรายชื่อบริการ และไม่รวมบริการที่หน่วยงานระบุว่าใช้ภายใน",
                "Share of public services fully digital and on a central platform (Citizen Portal / Biz Portal) at the end of each year: the nation, each organisation type, ministry and province cluster, after the cabinet resolution of 18 June 2024. No service lists; services an agency marked internal are left out."),
            ["dcat:keyword"] = new object[] { Text("รัฐบาลดิจิทัล", "th"), Text("บริการดิจิทัล", "th"), Text("digital government", "en"), Text("e-service", "en") },
            ["dcat:theme"] = Ref("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
            ["dct:publisher"] = publisher,
            ["dcat:contactPoint"] = new Dictionary<string, object>
            {
                ["@type"] = "vcard:Organization", ["vcard:fn"] = "สำนักงาน ก.พ.ร. (OPDC) PMQA 4.0", ["vcard:hasEmail"] = Ref($"mailto:{contactEmail}"),
            },
            ["dct:license"] = Ref(DataDictionary.LicenceUrl),
            ["dct:accrualPeriodicity"] = Ref("http://purl.org/cld/freq/continuous"),
            ["dct:spatial"] = new Dictionary<string, object> { ["@id"] = "http://sws.geonames.org/1605651/", ["@type"] = "dct:Location", ["dct:title"] = Texts("ประเทศไทย", "Thailand") },
            ["dct:issued"] = Date(issued),
            ["dct:modified"] = Date(modified),
            ["dcat:landingPage"] = Ref(url.To("/open-data")),
            ["dcat:distribution"] = new[] { Dist("csv", "text/csv", "CSV"), Dist("json", "application/json", "JSON") },
        };
    }

    private static Dictionary<string, object> Distribution(YearInfo y, PublicUrl url, string path, string extension, string mediaType, string format, string slug) => new()
    {
        ["@id"] = url.To($"{path}.{extension}"),
        ["@type"] = "dcat:Distribution",
        ["dct:identifier"] = $"pmqa-results-{slug}-{extension}",
        ["dct:title"] = Texts($"ผลการประเมิน ({format})", $"Results ({format})"),
        ["dct:description"] = Texts(extension == "csv" ? "CSV UTF-8 มี BOM หัวตารางภาษาไทยพร้อมชื่อฟิลด์ภาษาอังกฤษ" : "JSON ชื่อฟิลด์ภาษาอังกฤษตามพจนานุกรมข้อมูล",
            extension == "csv" ? "CSV, UTF-8 with BOM, Thai headers with the English field names" : "JSON with the dictionary's English field names"),
        ["dcat:accessURL"] = Ref(url.To($"{path}.{extension}")),
        ["dcat:downloadURL"] = Ref(url.To($"{path}.{extension}")),
        ["dcat:mediaType"] = mediaType,
        ["dct:format"] = format,
        ["dct:license"] = Ref(DataDictionary.LicenceUrl),
        ["dct:issued"] = Date(y.Issued),
        ["dct:modified"] = Date(y.Modified),
    };

    private static Dictionary<string, string> Ref(string iri) => new() { ["@id"] = iri };

    private static Dictionary<string, string> Text(string value, string language) => new() { ["@value"] = value, ["@language"] = language };

    private static object[] Texts(string th, string en) => [Text(th, "th"), Text(en, "en")];

    private static Dictionary<string, string> Date(DateTimeOffset at) => new()
    {
        ["@value"] = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["@type"] = "xsd:dateTime",
    };

    private static Dictionary<string, string> TypedDate(DateTimeOffset bangkokStart) => new()
    {
        ["@value"] = ThaiTime.ToBangkok(bangkokStart).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["@type"] = "xsd:date",
    };
}
