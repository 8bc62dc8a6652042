using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>OPDC's page of every organisation's progress to fully digital services by 2570 (issue 12, ADR 0025): the
/// filtered table with at-risk rows marked and linked to each register, the chart with its table, the same table as CSV
/// and Excel, and an agency refused.</summary>
public abstract class DigitalProgressPageTests(PmqaApp app)
{
    private async Task<HttpClient> OfficerAsync() =>
        await app.BrowserAsync((await (await app.AdminApiAsync()).PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);

    [Fact]
    public async Task OPDC_sees_the_ministry_filtered_with_the_at_risk_row_marked_and_linked_to_its_register()
    {
        var (ministry, a, b) = await DigitalProgressApiTests.MinistryAsync(app);
        var pages = await OfficerAsync();
        var html = await pages.GetHtmlAsync($"/digital-progress?ministry={ministry.Code}&sort=digital&desc=true");

        var rows = html.QuerySelectorAll("#progress-table tbody tr");
        Assert.Equal([b.Code, a.Code], rows.Select(r => r.GetAttribute("data-code"))); // 50% before 33%
        var risky = rows.Single(r => r.GetAttribute("data-code") == a.Code);
        Assert.Contains("table-warning", risky.ClassName);
        Assert.Contains("เสี่ยง", risky.TextContent);
        Assert.Equal($"/organizations/{a.Id}/digital", risky.QuerySelector("th a")!.GetAttribute("href"));
        Assert.DoesNotContain("table-warning", rows.Single(r => r.GetAttribute("data-code") == b.Code).ClassName ?? "");
        Assert.Equal("40%", html.QuerySelector("#total-digital")!.TextContent.Trim());
        Assert.Equal("1", html.QuerySelector("#total-at-risk")!.TextContent.Trim());
        // The chart has its figures as a table: now 40%, by 2570 80%.
        Assert.NotNull(html.QuerySelector("svg#national-path-chart[role=img]"));
        var path = html.QuerySelectorAll("#national-path-table tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal("40%", path[0]);
        Assert.Equal("80%", path[^1]);

        // An unknown ministry is said at the field, and the page still opens.
        var bad = await pages.GetHtmlAsync("/digital-progress?ministry=NO-SUCH");
        Assert.Contains("ไม่พบกระทรวง", bad.QuerySelector("#ministry-error")!.TextContent);
    }

    [Fact]
    public async Task The_register_page_draws_the_organisations_path_with_its_table_and_warns_of_the_risk()
    {
        var (_, a, _) = await DigitalProgressApiTests.MinistryAsync(app);
        var member = await app.BrowserAsync((await (await app.AdminApiAsync()).PersonAsync(a, "executive")).Email, Seed.Password);
        var html = await member.GetHtmlAsync($"/organizations/{a.Id}/digital");
        Assert.NotNull(html.QuerySelector("svg#register-path-chart[role=img]"));
        var shares = html.QuerySelectorAll("#register-path-table tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal("33%", shares[0]);
        Assert.Equal("67%", shares[^1]);
        Assert.Contains("2570", html.QuerySelector("#register-at-risk")!.TextContent);
    }

    [Fact]
    public async Task The_table_downloads_as_CSV_with_a_BOM_and_as_Excel_with_the_same_filter()
    {
        var (ministry, a, b) = await DigitalProgressApiTests.MinistryAsync(app);
        var pages = await OfficerAsync();

        var csv = await pages.GetAsync($"/digital-progress?handler=csv&ministry={ministry.Code}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // header and the ministry's two departments only
        var lineA = lines.Single(l => l.StartsWith(a.Code));
        Assert.Contains(",3,1,33,1,33,2,2572,", lineA);
        Assert.Contains("เสี่ยง", lineA);

        var xlsx = await pages.GetAsync($"/digital-progress?handler=xlsx&ministry={ministry.Code}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(3, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
        Assert.Contains(b.Code, sheet.InnerText);
    }

    [Fact]
    public async Task An_agency_is_not_told_the_page_exists_and_OPDCs_dashboard_links_to_it()
    {
        var (_, a, _) = await DigitalProgressApiTests.MinistryAsync(app);
        var admin = await app.AdminApiAsync();
        var agency = await app.BrowserAsync((await admin.PersonAsync(a, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync("/digital-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync("/digital-progress?handler=csv")).StatusCode);

        var dashboard = await (await OfficerAsync()).GetHtmlAsync("/dashboard");
        Assert.Equal("/digital-progress", dashboard.QuerySelector("#digital-progress-link")!.GetAttribute("href"));
    }
}

public sealed class DigitalProgressPageTests_Sqlite(SqliteApp app) : DigitalProgressPageTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalProgressPageTests_Postgres(PostgresApp app) : DigitalProgressPageTests(app), IClassFixture<PostgresApp>;
