using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Pmqa.Data;
using Pmqa.Domain.Digital;
using Pmqa.Domain.OpenData;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.OpenData;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>One line of the open progress figures: a group (the nation, an organisation type, a ministry or a province
/// cluster) at the end of one BE year. Services are those registered now and not internal.</summary>
public sealed record OpenProgressRow(
    string Scope, string Key, string NameTh, string NameEn, int Year, int Organizations, int Services,
    int FullyDigital, int FullyDigitalPercent, int OnCentralPlatform, int OnCentralPlatformPercent);

/// <summary>
/// The digital registers' aggregated progress as open data (issue 12, ADR 0028): per year (the last five, this one
/// included) the nation, each organisation type and each ministry or province cluster — never a service list, never a
/// service marked internal, never one organisation. Anonymous like the rest of the open data, CSV (UTF-8 with BOM) and
/// JSON, with a DCAT dataset in the catalogue.
/// </summary>
public sealed class DigitalOpenData(PmqaDbContext db, TimeProvider clock)
{
    public const int Years = 5;
    public const string Path = "/api/v1/open-data/digital-progress";

    public static readonly (string Field, string Th, string En)[] Columns =
    [
        ("scope", "ระดับ", "national | type | ministry | cluster"), ("key", "รหัส", "key: 'all', the type's name or the ministry's/cluster's code"),
        ("nameTh", "ชื่อ (ไทย)", "name (Thai)"), ("nameEn", "ชื่อ (อังกฤษ)", "name (English)"), ("year", "ณ สิ้นปี พ.ศ.", "at the end of the BE year"),
        ("organizations", "จำนวนหน่วยงาน", "organisations"), ("services", "จำนวนบริการ", "services registered now (not internal)"),
        ("fullyDigital", "ดิจิทัลเต็มรูปแบบ", "fully digital by the end of the year"), ("fullyDigitalPercent", "ดิจิทัลเต็มรูปแบบ (ร้อยละ)", "fully digital (%)"),
        ("onCentralPlatform", "บนแพลตฟอร์มกลาง", "on a central platform by the end of the year"), ("onCentralPlatformPercent", "บนแพลตฟอร์มกลาง (ร้อยละ)", "on a central platform (%)"),
    ];

    public int CurrentYearBe => ThaiTime.ToBangkok(clock.GetUtcNow()).Year + ThaiTime.BuddhistEraOffset;

    public async Task<List<OpenProgressRow>> RowsAsync(CancellationToken ct = default)
    {
        var parents = await db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Ministry || o.Type == OrganizationType.ProvinceCluster)
            .Select(o => new { o.Id, o.Code, o.NameTh, o.NameEn, o.Type }).ToDictionaryAsync(o => o.Id, ct);
        var orgs = db.Organizations.AsNoTracking().Where(o => o.IsActive &&
            (o.Type == OrganizationType.Department || o.Type == OrganizationType.Province || o.Type == OrganizationType.PublicOrganization));
        var rows = await orgs.Select(o => new { o.Id, o.Type, o.ParentId }).ToListAsync(ct);
        // Internal services never leave the product (ADR 0025): they are filtered here, before any figure.
        var services = (await db.DigitalServices.AsNoTracking().Where(s => !s.Internal && orgs.Select(o => o.Id).Contains(s.OrganizationId))
                .Select(s => new { s.OrganizationId, s.FullyDigital, s.Channel, s.TargetYear, s.DigitisedYear }).ToListAsync(ct))
            .ToLookup(s => s.OrganizationId, s => new ServiceFacts(s.FullyDigital, s.Channel, s.TargetYear, false, s.DigitisedYear));

        var groups = new List<(string Scope, string Key, string Th, string En, List<Guid> Orgs)>
        {
            ("national", "all", "ทั้งประเทศ", "Nation", rows.Select(o => o.Id).ToList()),
        };
        groups.AddRange(rows.GroupBy(o => o.Type).OrderBy(g => g.Key)
            .Select(g => ("type", g.Key.ApiName(), g.Key.DisplayName().Th, g.Key.DisplayName().En, g.Select(o => o.Id).ToList())));
        groups.AddRange(rows.Where(o => o.ParentId is { } p && parents.ContainsKey(p)).GroupBy(o => parents[o.ParentId!.Value])
            .OrderBy(g => g.Key.Type).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => (g.Key.Type == OrganizationType.Ministry ? "ministry" : "cluster", g.Key.Code, g.Key.NameTh, g.Key.NameEn, g.Select(o => o.Id).ToList())));

        var thisYear = CurrentYearBe;
        var lines = new List<OpenProgressRow>();
        foreach (var (scope, key, th, en, members) in groups)
        {
            var facts = members.SelectMany(id => services[id]).ToList();
            for (var year = thisYear - Years + 1; year <= thisYear; year++)
            {
                var (digital, platform) = DigitalProgress.AsOf(facts, year, thisYear);
                lines.Add(new(scope, key, th, en, year, members.Count, facts.Count, digital, DigitalRules.Percent(digital, facts.Count),
                    platform, DigitalRules.Percent(platform, facts.Count)));
            }
        }
        return lines;
    }

    /// <summary>The last change of any public service (for Last-Modified and the catalogue's dct:modified); null when none.</summary>
    public async Task<(DateTimeOffset Issued, DateTimeOffset Modified)?> DatesAsync(CancellationToken ct = default)
    {
        // Aggregated in the database (one row), not every service's dates read (the catalogue asks on every read).
        var dates = await db.DigitalServices.Where(s => !s.Internal).GroupBy(_ => 1)
            .Select(g => new { Issued = g.Min(s => s.CreatedAt), Modified = g.Max(s => s.UpdatedAt) }).FirstOrDefaultAsync(ct);
        return dates is null ? null : (dates.Issued, dates.Modified);
    }

    public static byte[] Csv(IEnumerable<OpenProgressRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var c in Columns) csv.WriteField($"{c.Th} ({c.Field})");
            csv.NextRecord();
            foreach (var r in rows)
            {
                foreach (var cell in new object[] { r.Scope, r.Key, r.NameTh, r.NameEn, r.Year, r.Organizations, r.Services, r.FullyDigital, r.FullyDigitalPercent, r.OnCentralPlatform, r.OnCentralPlatformPercent })
                    csv.WriteField(cell is int i ? i.ToString(CultureInfo.InvariantCulture) : CsvCells.Safe(cell.ToString()));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Json(IEnumerable<OpenProgressRow> rows, PublicUrl url) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = "ความก้าวหน้าสู่บริการดิจิทัลภายในปี 2570 (ภาพรวม)", titleEn = "Progress to fully digital public services by 2570 (aggregated)",
            publisher = "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.) / Office of the Public Sector Development Commission (OPDC)",
            license = DataDictionary.LicenceUrl, licenseName = DataDictionary.LicenceNameEn,
            catalog = url.To("/api/v1/open-data/catalog.jsonld"),
            fields = Columns.Select(c => new { name = c.Field, nameTh = c.Th, descriptionEn = c.En }),
            rows,
        }, OpenDataFiles.Json);

    /// <summary>A file as the open data serves them: CORS for GET, the licence, an ETag of the content, Last-Modified.</summary>
    public static IResult File(HttpContext http, byte[] bytes, string contentType, string fileName, DateTimeOffset? modified)
    {
        var response = http.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.Append(HeaderNames.Link, $"<{DataDictionary.LicenceUrl}>; rel=\"license\"");
        response.Headers.CacheControl = "public, max-age=300";
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        var lastModified = modified is { } m ? new DateTimeOffset(m.Ticks - m.Ticks % TimeSpan.TicksPerSecond, m.Offset) : (DateTimeOffset?)null;
        return Results.File(bytes, contentType, fileName, lastModified: lastModified, entityTag: etag);
    }
}
