using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Infrastructure.CertificationSeed;

namespace Pmqa.Web.Tests.Features.Dashboard;

/// <summary>
/// OPDC's national dashboard against figures worked out by hand. Five departments of one new ministry in a fresh round:
/// A ticks the three Basic items of 1.1 (1.1 = 300, category 1 = 300/4 = 75, total 75/7 = 10.71) and is submitted;
/// B ticks 1.1.B1 (1.1 = 100, category 1 = 25, total 3.57), submitted; C ticks the Basic items of 1.1 and 2.1 (categories 1
/// and 2 at 75, total 21.43) and is verified at 15 with categories 1 and 2 at 50; D has not started; E ticked 1.1.B1 but is a draft.
/// </summary>
public abstract class DashboardTests(PmqaApp app)
{
    private sealed record Scenario(Guid RoundId, Seed.Org Ministry, Dictionary<string, (Seed.Org Org, Guid Assessment, HttpClient Coordinator)> Agencies);

    private async Task<Scenario> ScenarioAsync(params (string Name, string[] Ticks, AssessmentState State)[] extra)
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var plan = new List<(string Name, string[] Ticks, AssessmentState State)>
        {
            ("A", ["1.1.B1", "1.1.B2", "1.1.B3"], AssessmentState.Submitted),
            ("B", ["1.1.B1"], AssessmentState.Submitted),
            ("C", ["1.1.B1", "1.1.B2", "1.1.B3", "2.1.B1", "2.1.B2", "2.1.B3"], AssessmentState.Verified),
            ("D", [], AssessmentState.Draft),
            ("E", ["1.1.B1"], AssessmentState.Draft),
        };
        plan.AddRange(extra);
        var orgs = new List<(string Name, Seed.Org Org, HttpClient Coordinator)>();
        foreach (var (name, _, _) in plan)
        {
            var org = await admin.OrganizationAsync("department", ministry.Code);
            var coordinator = await admin.PersonAsync(org, "coordinator");
            orgs.Add((name, org, await app.ApiAsync(coordinator.Email, Seed.Password)));
        }
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var agencies = new Dictionary<string, (Seed.Org, Guid, HttpClient)>();
        foreach (var ((name, ticks, state), (_, org, coordinator)) in plan.Zip(orgs))
        {
            var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
            var assessment = list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
            foreach (var issue in ticks.GroupBy(t => string.Join('.', t.Split('.')[..2])))
            {
                var put = await coordinator.SendAsync(AssessmentSeed.PutIssue(assessment, issue.Key, new { @checked = issue.ToArray() },
                    await coordinator.IssueETagAsync(assessment, issue.Key)));
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            }
            if (state == AssessmentState.Verified) await app.ScoreAsync(assessment, state, ScoreJson(15, "None", 50, 50, 0, 0, 0, 0, 0));
            else if (state != AssessmentState.Draft)
                await app.WithDbAsync(async db => { (await db.Assessments.SingleAsync(a => a.Id == assessment)).State = state; return await db.SaveChangesAsync(); });
            agencies[name] = (org, assessment, coordinator);
        }
        return new Scenario(round, ministry, agencies);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    [Fact]
    public async Task The_figures_equal_those_worked_out_by_hand()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        var d = await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/dashboard?ministry={s.Ministry.Code}");

        Assert.Equal(5, d.GetProperty("organizations").GetInt32());
        var progress = d.GetProperty("progress").GetProperty("total");
        Assert.Equal((1, 1, 2, 1, 0), (progress.GetProperty("notStarted").GetInt32(), progress.GetProperty("draft").GetInt32(),
            progress.GetProperty("submitted").GetInt32(), progress.GetProperty("verified").GetInt32(), progress.GetProperty("certified").GetInt32()));
        Assert.Equal(s.Ministry.Code, d.GetProperty("progress").GetProperty("byGroup")[0].GetProperty("key").GetString());

        var categories = d.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        // Category 1 of A, B, C: 75, 25, 75 → Q1 50, median 75, Q3 75; category 2: 0, 0, 75 → 0, 0, 37.5.
        Assert.Equal((50m, 75m, 75m), (categories[0].GetProperty("q1").GetDecimal(), categories[0].GetProperty("median").GetDecimal(), categories[0].GetProperty("q3").GetDecimal()));
        Assert.Equal((0m, 0m, 37.5m), (categories[1].GetProperty("q1").GetDecimal(), categories[1].GetProperty("median").GetDecimal(), categories[1].GetProperty("q3").GetDecimal()));
        // Calibration: C's self-assessed 75 against verified 50 in categories 1 and 2.
        Assert.Equal(25m, categories[0].GetProperty("overstatement").GetProperty("mean").GetDecimal());
        Assert.Equal(50m, categories[0].GetProperty("verified").GetProperty("median").GetDecimal());
        Assert.Equal(0m, categories[2].GetProperty("overstatement").GetProperty("mean").GetDecimal());

        var bins = d.GetProperty("distribution").EnumerateArray().ToList();
        Assert.Equal((3, 1), (bins[0].GetProperty("self").GetInt32(), bins[0].GetProperty("verified").GetInt32()));
        Assert.All(bins.Skip(1), b => Assert.Equal(0, b.GetProperty("self").GetInt32()));

        // Heat map, lowest total first: B (3.57), A (10.71), C (21.43); issue 1.1 is the first column.
        var heat = d.GetProperty("heatmap");
        Assert.Equal("1.1", heat.GetProperty("issues")[0].GetString());
        var rows = heat.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([s.Agencies["B"].Org.Code, s.Agencies["A"].Org.Code, s.Agencies["C"].Org.Code], rows.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal([3.57m, 10.71m, 21.43m], rows.Select(r => r.GetProperty("selfTotal").GetDecimal()));
        Assert.Equal([100m, 300m, 300m], rows.Select(r => r.GetProperty("scores")[0].GetDecimal()));

        // Dimensions come from the stored card too; the items nobody of A, B, C ticked are missed by all three.
        Assert.Equal(3, d.GetProperty("dimensions").GetArrayLength());
        var missed = d.GetProperty("mostMissedItems").EnumerateArray().ToList();
        Assert.Equal(20, missed.Count);
        Assert.All(missed, m => Assert.Equal(1m, m.GetProperty("missedShare").GetDecimal()));
        Assert.DoesNotContain(missed, m => m.GetProperty("itemCode").GetString()!.StartsWith("1.1.B"));
        Assert.Equal(0, d.GetProperty("atThreshold").GetProperty("verifiedCount").GetInt32());
    }

    [Fact]
    public async Task The_heat_map_sorted_by_an_issue_orders_by_its_shown_score_then_code_and_pages()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        async Task<(List<string> Codes, List<decimal> Scores)> Heat(string query)
        {
            var rows = (await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/dashboard?ministry={s.Ministry.Code}&{query}"))
                .GetProperty("heatmap").GetProperty("rows").EnumerateArray().ToList();
            return ([.. rows.Select(r => r.GetProperty("code").GetString()!)], [.. rows.Select(r => r.GetProperty("scores")[0].GetDecimal())]);
        }
        string Code(string name) => s.Agencies[name].Org.Code;
        // Issue 1.1: A and C at 300 (tied: by code, ordinal, in both directions), B at 100.
        var tied = new[] { Code("A"), Code("C") }.Order(StringComparer.Ordinal).ToList();
        var down = await Heat("sort=1.1&desc=true");
        Assert.Equal([.. tied, Code("B")], down.Codes);
        Assert.Equal([300m, 300m, 100m], down.Scores);
        Assert.Equal([Code("B"), .. tied], (await Heat("sort=1.1")).Codes);
        // Issue 2.1: C alone at 300, A and B at 0; page 2 is empty.
        Assert.Equal([Code("C"), .. new[] { Code("A"), Code("B") }.Order(StringComparer.Ordinal)], (await Heat("sort=2.1&desc=true")).Codes);
        Assert.Empty((await Heat("sort=2.1&page=2")).Codes);
    }

    [Fact]
    public async Task Drill_down_lists_the_organisations_behind_each_figure()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        async Task<List<string>> Codes(string query) =>
            (await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/organizations?ministry={s.Ministry.Code}&{query}")).GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        string Code(string name) => s.Agencies[name].Org.Code;

        Assert.Equal([Code("D")], await Codes("stage=notStarted"));
        Assert.Equal([Code("E")], await Codes("stage=draft"));
        // 1.1.B2 was left unticked by B alone of the submitted; item 1.1.B1 by nobody.
        Assert.Equal([Code("B")], await Codes("missedItem=1.1.B2"));
        Assert.Empty(await Codes("missedItem=1.1.B1"));
        // Category 1 below its first quartile (50): B at 25.
        Assert.Equal([Code("B")], await Codes("category=1&scoreTo=50"));
        var verified = await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/organizations?ministry={s.Ministry.Code}&basis=verified&category=1");
        Assert.Equal(50m, verified.GetProperty("items")[0].GetProperty("score").GetDecimal());
        Assert.Equal([Code("B"), Code("A"), Code("C")], await Codes("scoreFrom=0&scoreTo=50"));
        Assert.Equal([Code("C"), Code("A"), Code("B")], await Codes("issue=1.1&sort=total&desc=true"));

        var bad = await admin.GetAsync($"/api/v1/rounds/{s.RoundId}/organizations?stage=somewhere&type=village");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        var unknown = await admin.GetAsync($"/api/v1/rounds/{s.RoundId}/dashboard?ministry=NO-SUCH-MINISTRY");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("ministry", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/rounds/{Guid.NewGuid()}/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_every_figure_and_the_trend_counts_the_fiscal_year()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        var provinces = await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/dashboard?type=province&ministry={s.Ministry.Code}");
        Assert.Equal(0, provinces.GetProperty("organizations").GetInt32());
        Assert.Null(provinces.GetProperty("categories")[0].GetProperty("median").GetString());
        var basic = await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/dashboard?ministry={s.Ministry.Code}&band=none");
        Assert.Equal(5, basic.GetProperty("organizations").GetInt32());
        var advance = await GetAsync(admin, $"/api/v1/rounds/{s.RoundId}/dashboard?ministry={s.Ministry.Code}&band=advance");
        Assert.Equal(0, advance.GetProperty("organizations").GetInt32());

        var trend = await GetAsync(admin, $"/api/v1/dashboard/trend?ministry={s.Ministry.Code}");
        var year = Assert.Single(trend.GetProperty("years").EnumerateArray());
        Assert.Equal((5, 3, 1), (year.GetProperty("organizations").GetInt32(), year.GetProperty("submitted").GetInt32(), year.GetProperty("verifiedCount").GetInt32()));
        Assert.Equal(10.71m, year.GetProperty("self").GetProperty("median").GetDecimal());
    }

    [Fact]
    public async Task Exports_hold_every_table_with_numbers_as_numbers_and_Thai_names()
    {
        var s = await ScenarioAsync();
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        foreach (var response in new[]
        {
            await officer.GetAsync($"/rounds/{s.RoundId}/dashboard.xlsx?ministry={s.Ministry.Code}"),
            await (await app.AdminApiAsync()).GetAsync($"/api/v1/rounds/{s.RoundId}/dashboard.xlsx?ministry={s.Ministry.Code}"),
        })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var workbook = SpreadsheetDocument.Open(stream, false);
            var sheets = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().ToList();
            Assert.Equal(7, sheets.Count);
            var heat = (WorksheetPart)workbook.WorkbookPart.GetPartById(sheets.Single(x => x.Name == "Heat map").Id!);
            var rows = heat.Worksheet.Descendants<Row>().ToList();
            Assert.Equal(1 + 3, rows.Count);
            Cell At(string reference) => rows[1].Elements<Cell>().Single(c => c.CellReference == reference);
            Assert.Equal(s.Agencies["B"].Org.NameTh, At("B2").InnerText);
            Assert.Equal(CellValues.Number, At("F2").DataType!.Value);
            Assert.Equal("3.57", At("F2").CellValue!.Text);   // the total
            Assert.Equal("100", At("H2").CellValue!.Text);    // issue 1.1 (G, verified, is empty)
            Assert.Contains(heat.Worksheet.Descendants<Cell>(), c => c.CellReference == "AK1"); // 7 + 30 columns
        }
        var csv = await officer.GetAsync($"/rounds/{s.RoundId}/dashboard.csv?table=missed-items&ministry={s.Ministry.Code}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = new UTF8Encoding(false, true).GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("สัดส่วนที่ไม่ได้ทำ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("1.1.B2,1.1,Basic,") && l.Contains(",0.3333,1,3"));
        var api = await (await app.AdminApiAsync()).GetAsync($"/api/v1/rounds/{s.RoundId}/dashboard.csv?table=nothing");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_figures_filters_and_drills_down()
    {
        var s = await ScenarioAsync();
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = await officer.GetHtmlAsync($"/rounds/{s.RoundId}/dashboard?ministry={s.Ministry.Code}");
        var heat = page.QuerySelectorAll("#heatmap-table tbody tr").Select(r => r.GetAttribute("data-organization")).ToList();
        Assert.Equal([s.Agencies["B"].Org.Code, s.Agencies["A"].Org.Code, s.Agencies["C"].Org.Code], heat);
        Assert.Equal("25.00", page.QuerySelector("[data-overstatement='1']")!.TextContent.Trim());
        var drill = page.QuerySelector("#missed-table a")!.GetAttribute("href")!;
        var list = await officer.GetHtmlAsync(drill);
        Assert.Equal("3", list.QuerySelector("#drill-total")!.TextContent);

        var wrong = await officer.GetHtmlAsync($"/rounds/{s.RoundId}/dashboard?ministry=NO-SUCH");
        Assert.Contains("ไม่พบกระทรวงรหัสนี้", wrong.QuerySelector("#ministry-error")!.TextContent);
        Assert.NotNull(wrong.QuerySelector("#heatmap-table"));
        Assert.NotNull((await officer.GetHtmlAsync("/dashboard")).QuerySelector($"#dashboard-rounds a[href='/rounds/{s.RoundId}/dashboard']"));
    }

    [Fact]
    public async Task An_agency_sees_its_anonymous_percentiles_only_among_five_or_more_of_its_type()
    {
        var s = await ScenarioAsync();
        var a = s.Agencies["A"];
        var small = await GetAsync(a.Coordinator, $"/api/v1/assessments/{a.Assessment}/benchmark");
        Assert.False(small.GetProperty("shown").GetBoolean());
        Assert.Equal(3, small.GetProperty("groupSize").GetInt32());
        Assert.Empty(small.GetProperty("categories").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task With_five_submitted_the_percentiles_count_those_below_and_half_the_ties()
    {
        // F and G tick 3.1.B1: category 3 = 25, total 3.57, tied with B. A's 10.71 has three below and itself: (3 + ½) / 5 = 70.
        var s = await ScenarioAsync(("F", ["3.1.B1"], AssessmentState.Submitted), ("G", ["3.1.B1"], AssessmentState.Submitted));
        var a = s.Agencies["A"];
        var view = await GetAsync(a.Coordinator, $"/api/v1/assessments/{a.Assessment}/benchmark");
        Assert.True(view.GetProperty("shown").GetBoolean());
        Assert.Equal(5, view.GetProperty("groupSize").GetInt32());
        Assert.Equal((10.71m, 70, 3.57m), (view.GetProperty("total").GetProperty("score").GetDecimal(), view.GetProperty("total").GetProperty("percentile").GetInt32(),
            view.GetProperty("total").GetProperty("groupMedian").GetDecimal()));
        // Category 1: A 75, B 25, C 75, F 0, G 0 → one below... three below (25, 0, 0), one tie besides itself: (3 + 2/2) / 5 = 80.
        Assert.Equal(80, view.GetProperty("categories")[0].GetProperty("percentile").GetInt32());
        var b = s.Agencies["B"];
        Assert.Equal(30, (await GetAsync(b.Coordinator, $"/api/v1/assessments/{b.Assessment}/benchmark")).GetProperty("total").GetProperty("percentile").GetInt32());

        var home = await (await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword)).GetHtmlAsync($"/assessments/{a.Assessment}");
        Assert.Equal("70", home.QuerySelector("#benchmark-table tr[data-part='total'] td:last-child")!.TextContent);
        var text = home.QuerySelector("#benchmark")!.TextContent;
        Assert.DoesNotContain(s.Agencies["B"].Org.Code, text);
    }

    [Fact]
    public async Task Agencies_cannot_see_the_dashboard_nor_another_agency_s_benchmark()
    {
        var s = await ScenarioAsync();
        var a = s.Agencies["A"];
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync($"/api/v1/rounds/{s.RoundId}/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync($"/api/v1/rounds/{s.RoundId}/organizations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync("/api/v1/dashboard/trend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Coordinator.GetAsync($"/api/v1/assessments/{s.Agencies["B"].Assessment}/benchmark")).StatusCode);
    }
}

public sealed class DashboardTests_Sqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardTests_Postgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
