using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pmqa.Web.Tests.Features.Plans;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Comparison;

/// <summary>Measure results and impact (issue 9, step 5): next year's assessment against the year of the plan.</summary>
public abstract class ComparisonTests(PmqaApp app)
{
    [Fact]
    public async Task Next_year_shows_what_moved_which_gaps_closed_the_indicators_by_year_and_the_plan_s_projects()
    {
        // 2570: Basic everywhere (CompleteAsync); the agency aims 2.1 at Significance and selects it; a plan on 1.1 and 4.1, approved.
        var s = await app.DraftPlanAsync();
        var c = s.Team.Coordinator;
        var target = await c.SendVersionedAsync(HttpMethod.Put, $"/api/v1/assessments/{s.Team.AssessmentId}/gaps/2.1",
            new { targetLevel = "Significance", impact = 4, urgency = 4, selected = true, rationale = "ผู้รับบริการร้องเรียนมาก" }, "\"0\"");
        Assert.True(target.StatusCode == HttpStatusCode.OK, await target.Content.ReadAsStringAsync());
        var (project, _) = await s.AddProjectAsync();
        await s.ApproveAsync();

        // 2571: the round opens, the coordinator starts from last year and the project's work shows on 1.1 and 2.1.
        await s.Team.Admin.OpenRoundAsync(fiscalYear: 2571);
        var next = (await (await s.Team.Admin.GetAsync($"/api/v1/organizations/{s.Team.Org.Id}/assessments")).JsonAsync()).EnumerateArray()
            .Single(a => a.GetProperty("roundId").GetGuid() != s.Team.RoundId).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsync($"/api/v1/assessments/{next}/copy-forward", null)).StatusCode);
        var tree = await (await c.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        await TickThroughAdvanceAsync(c, next, tree, "1.1");
        await TickThroughAdvanceAsync(c, next, tree, "2.1");
        var indicator = await c.SendAsync(AssessmentSeed.PutIssue(next, "7.1", new
        {
            indicators = new[] { new { name = "ตัวชี้วัด 7.1", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 75, r1 = 80, r0 = 86 } },
        }, await c.IssueETagAsync(next, "7.1")));
        Assert.Equal(HttpStatusCode.OK, indicator.StatusCode);

        var compared = await (await c.GetAsync($"/api/v1/assessments/{next}/comparison")).JsonAsync();
        Assert.True(compared.GetProperty("hasPrevious").GetBoolean());
        Assert.Equal(s.Team.AssessmentId, compared.GetProperty("previousAssessmentId").GetGuid());
        Assert.Equal(2570, compared.GetProperty("previousFiscalYear").GetInt32());
        var issues = compared.GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("issueCode").GetString()!);
        // 1.1: Basic → Advance reaches the default target (the next level): closed.
        Assert.Equal("Basic", issues["1.1"].GetProperty("previousLevel").GetString());
        Assert.Equal("Advance", issues["1.1"].GetProperty("level").GetString());
        Assert.Equal(300m, issues["1.1"].GetProperty("previousScore").GetDecimal());
        Assert.True(issues["1.1"].GetProperty("score").GetDecimal() > 300m);
        Assert.True(issues["1.1"].GetProperty("gapClosed").GetBoolean());
        // 2.1: improved to Advance, but last year's own target was Significance: not closed yet.
        Assert.True(issues["2.1"].GetProperty("improved").GetBoolean());
        Assert.Equal("Significance", issues["2.1"].GetProperty("targetLevel").GetString());
        Assert.True(issues["2.1"].GetProperty("selected").GetBoolean());
        Assert.False(issues["2.1"].GetProperty("gapClosed").GetBoolean());
        // 4.1: untouched.
        Assert.False(issues["4.1"].GetProperty("improved").GetBoolean());
        Assert.False(issues["4.1"].GetProperty("gapClosed").GetBoolean());

        // The indicator across both assessments: 2568–2570 from last year's report, 2571 from this year's.
        var trend = compared.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "ตัวชี้วัด 7.1");
        Assert.Equal([(2568, 70m), (2569, 75m), (2570, 80m), (2571, 86m)],
            trend.GetProperty("values").EnumerateArray().Select(v => (v.GetProperty("fiscalYear").GetInt32(), v.GetProperty("value").GetDecimal())));
        Assert.Equal("improving", trend.GetProperty("trend").GetString());

        // The plan's project addressed 1.1 (improved) and 4.1 (not).
        var outcome = Assert.Single(compared.GetProperty("projects").EnumerateArray());
        Assert.Equal(project, outcome.GetProperty("projectId").GetGuid());
        Assert.Equal(s.PlanId, outcome.GetProperty("planId").GetGuid());
        Assert.Equal(["1.1"], outcome.GetProperty("issuesImproved").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["4.1"], outcome.GetProperty("issuesNotImproved").EnumerateArray().Select(e => e.GetString()));

        // The page, linked from the assessment's home and from the plan.
        var browser = await app.BrowserAsync(s.Team.CoordinatorEmail, Seed.Password);
        Assert.NotNull((await browser.GetHtmlAsync($"/assessments/{next}")).QuerySelector($"a#comparison-link[href='/assessments/{next}/comparison']"));
        Assert.NotNull((await browser.GetHtmlAsync($"/plans/{s.PlanId}")).QuerySelector($"a#comparison-link[href='/assessments/{next}/comparison']"));
        var page = await browser.GetHtmlAsync($"/assessments/{next}/comparison");
        Assert.Equal("true", page.QuerySelector("#issue-changes tr[data-issue='1.1']")!.GetAttribute("data-gap-closed"));
        Assert.Equal("false", page.QuerySelector("#issue-changes tr[data-issue='2.1']")!.GetAttribute("data-gap-closed"));
        Assert.Contains("+", page.QuerySelector("#issue-changes tr[data-issue='1.1']")!.TextContent);
        Assert.Equal("improving", page.QuerySelector("#indicator-trends tr[data-indicator='ตัวชี้วัด 7.1']")!.GetAttribute("data-trend"));
        Assert.Contains("1.1", page.QuerySelector($"#project-outcomes tr[data-project='{project}'] [data-improved]")!.TextContent);
        Assert.Contains("4.1", page.QuerySelector($"#project-outcomes tr[data-project='{project}'] [data-not-improved]")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg.comparison-chart[role=img] title"));
    }

    [Fact]
    public async Task Without_last_year_s_assessment_the_answer_says_so_and_still_shows_this_year()
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        var compared = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/comparison")).JsonAsync();
        Assert.False(compared.GetProperty("hasPrevious").GetBoolean());
        Assert.Equal(JsonValueKind.Null, compared.GetProperty("previousAssessmentId").ValueKind);
        Assert.Equal(JsonValueKind.Null, compared.GetProperty("previousTotal").ValueKind);
        Assert.Empty(compared.GetProperty("projects").EnumerateArray());
        var issue = compared.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("issueCode").GetString() == "1.1");
        Assert.Equal(300m, issue.GetProperty("score").GetDecimal());
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("previousScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("gapClosed").ValueKind);
        // This year's report alone carries three years of each indicator.
        var values = compared.GetProperty("indicators").EnumerateArray().First().GetProperty("values");
        Assert.Equal([2568, 2569, 2570], values.EnumerateArray().Select(v => v.GetProperty("fiscalYear").GetInt32()));

        var page = await (await app.BrowserAsync(team.CoordinatorEmail, Seed.Password)).GetHtmlAsync($"/assessments/{team.AssessmentId}/comparison");
        Assert.Contains("2569", page.QuerySelector("#no-previous")!.TextContent);

        // Another agency's coordinator is not told the assessment exists.
        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/comparison")).StatusCode);
    }

    private static async Task TickThroughAdvanceAsync(HttpClient client, Guid assessment, JsonElement tree, string code)
    {
        var issue = tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);
        var ticks = issue.GetProperty("levels").EnumerateArray().Take(2)
            .SelectMany(l => l.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString())).ToArray();
        var saved = await client.SendAsync(AssessmentSeed.PutIssue(assessment, code, new
        {
            @checked = ticks, explanations = new Dictionary<string, string> { ["Basic"] = "ดำเนินการครบ", ["Advance"] = "ขยายผลทั้งองค์การ" },
        }, await client.IssueETagAsync(assessment, code)));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }
}

public sealed class ComparisonTests_Sqlite(SqliteApp app) : ComparisonTests(app), IClassFixture<SqliteApp>;
public sealed class ComparisonTests_Postgres(PostgresApp app) : ComparisonTests(app), IClassFixture<PostgresApp>;
