using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Infrastructure.CertificationSeed;

namespace Pmqa.Web.Tests.Features.Awards;

public abstract class AwardCandidateTests(PmqaApp app)
{
    private sealed record Scenario(Guid RoundId, Seed.Org Certified, Seed.Org JustBelow, Seed.Org FinalWins, Seed.Org VerifiedOnly);

    /// <summary>Four agencies in one round, category 1's threshold at 400 (the others at the default 400):
    /// certified with 399.995 (shown 400.00), verified with 399.99, 390 verified but 410 after the site visit, 405 verified only.</summary>
    private async Task<Scenario> ScenarioAsync()
    {
        var admin = await app.AdminApiAsync();
        var orgs = new List<Seed.Org>();
        for (var i = 0; i < 4; i++) orgs.Add(await admin.OrganizationAsync());
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear()); // a round with only this test's agencies
        var assessments = new List<Guid>();
        foreach (var org in orgs)
        {
            var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
            assessments.Add(list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid());
        }
        var put = await admin.PutAsJsonAsync($"/api/v1/rounds/{round}/award-thresholds", new { thresholds = new Dictionary<string, decimal> { ["1"] = 400 } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var certified = ScoreJson(420, "Advance", 399.995m, 300);
        await app.ScoreAsync(assessments[0], AssessmentState.Certified, certified, certified);
        await app.ScoreAsync(assessments[1], AssessmentState.Verified, ScoreJson(380, "Basic", 399.99m, 300));
        await app.ScoreAsync(assessments[2], AssessmentState.NotCertified, ScoreJson(370, "Basic", 390, 300), ScoreJson(390, "Basic", 410, 300));
        await app.ScoreAsync(assessments[3], AssessmentState.Verified, ScoreJson(400, "Advance", 405, 399.99m));
        return new Scenario(round, orgs[0], orgs[1], orgs[2], orgs[3]);
    }

    [Fact]
    public async Task Candidates_are_the_certified_and_those_reaching_each_category_threshold_as_shown()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();

        var json = await (await admin.GetAsync($"/api/v1/rounds/{s.RoundId}/award-candidates")).JsonAsync();

        var overall = json.GetProperty("overall").EnumerateArray().Select(c => c.GetProperty("organizationCode").GetString()).ToList();
        Assert.Equal([s.Certified.Code], overall);
        var categories = json.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        var first = categories[0].GetProperty("candidates").EnumerateArray().ToDictionary(c => c.GetProperty("organizationCode").GetString()!, c => c.GetProperty("score").GetDecimal());
        Assert.Equal(400.00m, first[s.Certified.Code]);   // 399.995 is shown as 400.00: it reaches 400
        Assert.Equal(410m, first[s.FinalWins.Code]);       // the score after the site visit counts
        Assert.Equal(405m, first[s.VerifiedOnly.Code]);
        Assert.False(first.ContainsKey(s.JustBelow.Code)); // 399.99 does not
        Assert.Empty(categories[1].GetProperty("candidates").EnumerateArray()); // 399.99 against the default 400
        Assert.Equal(400m, categories[1].GetProperty("threshold").GetDecimal());
    }

    [Fact]
    public async Task The_page_lists_candidates_and_the_CSV_is_UTF8_with_BOM_with_Thai_names()
    {
        var s = await ScenarioAsync();
        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);

        var page = await officer.GetHtmlAsync($"/rounds/{s.RoundId}/awards");
        Assert.Contains(s.Certified.Code, page.QuerySelector("#overall")!.TextContent);
        Assert.Contains(s.FinalWins.Code, page.QuerySelector("#category-1")!.TextContent);
        Assert.DoesNotContain(s.JustBelow.Code, page.QuerySelector("#category-1")!.TextContent);
        Assert.Equal("400", page.QuerySelector("#Input_Category1")!.GetAttribute("value"));

        foreach (var url in new[] { $"/rounds/{s.RoundId}/awards.csv" })
        {
            var response = await officer.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
            Assert.Contains(s.Certified.NameTh, text);
            Assert.Contains("ชื่อหน่วยงาน", text.Split('\n')[0]);
        }
        var api = await (await app.AdminApiAsync()).GetAsync($"/api/v1/rounds/{s.RoundId}/award-candidates?format=csv");
        Assert.Equal("text/csv", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains(s.FinalWins.NameTh, Encoding.UTF8.GetString(await api.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_Excel_file_is_a_workbook_with_Thai_names_and_numeric_scores()
    {
        var s = await ScenarioAsync();
        foreach (var response in new[]
        {
            await (await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword)).GetAsync($"/rounds/{s.RoundId}/awards.xlsx"),
            await (await app.AdminApiAsync()).GetAsync($"/api/v1/rounds/{s.RoundId}/award-candidates?format=xlsx"),
        })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            using var workbook = SpreadsheetDocument.Open(stream, false);
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            var overall = rows[1].Elements<Cell>().ToList(); // row 1 is the header; the one certified agency comes first
            Assert.Equal(s.Certified.NameTh, overall[3].InnerText);
            Assert.Equal("420.00", overall[5].CellValue!.Text);
            Assert.Equal(1 + 1 + 3, rows.Count); // header, one overall candidate, three in category 1
        }
    }

    [Fact]
    public async Task Thresholds_out_of_range_are_refused_naming_the_field_and_a_stale_version_conflicts()
    {
        var admin = await app.AdminApiAsync();
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear()); // a round with only this test's agencies

        var tooHigh = await admin.PutAsJsonAsync($"/api/v1/rounds/{round}/award-thresholds", new { thresholds = new Dictionary<string, decimal> { ["1"] = 600 } });
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.True((await tooHigh.JsonAsync()).GetProperty("errors").TryGetProperty("thresholds.1", out _));

        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var url = $"/rounds/{round}/awards";
        var version = (await officer.GetHtmlAsync(url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var fields = Enumerable.Range(1, 7).ToDictionary(i => $"Input.Category{i}", _ => "350");
        fields["Input.Version"] = version;
        fields["Input.Category3"] = "600";
        var refused = await (await officer.PostFormAsync(url, new(fields))).HtmlAsync();
        Assert.Contains("0 ถึง 500", refused.QuerySelector("#Input_Category3-error")!.TextContent);
        Assert.Equal("600", refused.QuerySelector("#Input_Category3")!.GetAttribute("value"));

        fields["Input.Category3"] = "450";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(url, new(fields))).StatusCode);
        var saved = await (await admin.GetAsync($"/api/v1/rounds/{round}/award-candidates")).JsonAsync();
        Assert.Equal(450m, saved.GetProperty("categories")[2].GetProperty("threshold").GetDecimal());

        // The same form again, with the version read before the save: someone else's change is not overwritten.
        var stale = await (await officer.PostFormAsync(url, new(fields) { ["Input.Category3"] = "300" })).HtmlAsync();
        Assert.Contains("มีผู้อื่นบันทึก", stale.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("450", stale.QuerySelector("#Input_Category3")!.GetAttribute("value"));
        var staleApi = await admin.PutAsJsonAsync($"/api/v1/rounds/{round}/award-thresholds", new { thresholds = new Dictionary<string, decimal> { ["1"] = 300 }, version = int.Parse(version) });
        Assert.Equal(HttpStatusCode.Conflict, staleApi.StatusCode);
    }

    [Fact]
    public async Task Agencies_cannot_see_award_candidates()
    {
        var team = await app.AgencyAsync();
        var pages = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync($"/api/v1/rounds/{team.RoundId}/award-candidates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/rounds/{team.RoundId}/awards")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/rounds/{team.RoundId}/awards.csv")).StatusCode);
    }
}

public sealed class AwardCandidateTests_Sqlite(SqliteApp app) : AwardCandidateTests(app), IClassFixture<SqliteApp>;
public sealed class AwardCandidateTests_Postgres(PostgresApp app) : AwardCandidateTests(app), IClassFixture<PostgresApp>;
