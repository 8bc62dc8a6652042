using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Dashboard;

/// <summary>
/// The typed card scores the dashboard aggregates (ADR 0023) are the scored answers: every category, dimension and
/// issue row equals the assessment's score, and a changed answer moves the dashboard's figures with it. Ticking the
/// three Basic items of 1.1 scores 1.1 at 300 and category 1 at 75; ticking one of them, 100 and 25.
/// </summary>
public abstract class DashboardCardScoreTests(PmqaApp app)
{
    private async Task<(Guid Round, Seed.Org Ministry, Guid Assessment, HttpClient Coordinator)> OneDepartmentAsync()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var org = await admin.OrganizationAsync("department", ministry.Code);
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
        var assessment = list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
        return (round, ministry, assessment, coordinator);
    }

    private static async Task TickAsync(HttpClient coordinator, Guid assessment, string issue, params string[] items)
    {
        var put = await coordinator.SendAsync(AssessmentSeed.PutIssue(assessment, issue, new { @checked = items },
            await coordinator.IssueETagAsync(assessment, issue)));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    private Task SetStateAsync(Guid assessment, AssessmentState state) =>
        app.WithDbAsync(async db => { (await db.Assessments.SingleAsync(a => a.Id == assessment)).State = state; return await db.SaveChangesAsync(); });

    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    [Fact]
    public async Task A_card_s_typed_scores_equal_the_score_of_its_answers()
    {
        var (_, _, assessment, coordinator) = await OneDepartmentAsync();
        await TickAsync(coordinator, assessment, "1.1", "1.1.B1", "1.1.B2", "1.1.B3");
        await TickAsync(coordinator, assessment, "2.1", "2.1.B1");

        var rows = await app.WithDbAsync(db => db.AssessmentCardScores.AsNoTracking().Where(s => s.AssessmentId == assessment).ToListAsync());
        var score = await GetAsync(coordinator, $"/api/v1/assessments/{assessment}/score");
        void Same(short part, string property)
        {
            var expected = score.GetProperty(property).EnumerateArray().Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("score").GetDecimal())).ToList();
            var stored = rows.Where(r => r.Part == part).OrderBy(r => r.Position).Select(r => (r.Code, Scoring.Round(r.Score))).ToList();
            Assert.NotEmpty(stored);
            Assert.Equal(expected, stored);
        }
        Same(AssessmentCardScore.Category, "categories");
        Same(AssessmentCardScore.Dimension, "dimensions");
        Same(AssessmentCardScore.Issue, "issues");
        // Worked by hand: 1.1 at 300 and category 1 at 75 (4 issues), 2.1 at 100.
        Assert.Equal(300m, Scoring.Round(rows.Single(r => r.Part == AssessmentCardScore.Issue && r.Code == "1.1").Score));
        Assert.Equal(100m, Scoring.Round(rows.Single(r => r.Part == AssessmentCardScore.Issue && r.Code == "2.1").Score));
        Assert.Equal(75m, Scoring.Round(rows.Single(r => r.Part == AssessmentCardScore.Category && r.Code == "1").Score));
    }

    [Fact]
    public async Task A_changed_answer_moves_the_dashboard_figures()
    {
        var (round, ministry, assessment, coordinator) = await OneDepartmentAsync();
        await TickAsync(coordinator, assessment, "1.1", "1.1.B1");
        await SetStateAsync(assessment, AssessmentState.Submitted);
        var admin = await app.AdminApiAsync();
        var url = $"/api/v1/rounds/{round}/dashboard?ministry={ministry.Code}";

        var before = await GetAsync(admin, url);
        Assert.Equal(25m, before.GetProperty("categories")[0].GetProperty("median").GetDecimal());
        Assert.Equal(100m, before.GetProperty("heatmap").GetProperty("rows")[0].GetProperty("scores")[0].GetDecimal());

        // Back to draft, the agency ticks the other two Basic items, and submits again.
        await SetStateAsync(assessment, AssessmentState.Draft);
        await TickAsync(coordinator, assessment, "1.1", "1.1.B1", "1.1.B2", "1.1.B3");
        await SetStateAsync(assessment, AssessmentState.Submitted);

        var after = await GetAsync(admin, url);
        var category = after.GetProperty("categories")[0];
        Assert.Equal((75m, 75m, 75m), (category.GetProperty("q1").GetDecimal(), category.GetProperty("median").GetDecimal(), category.GetProperty("q3").GetDecimal()));
        Assert.Equal(300m, after.GetProperty("heatmap").GetProperty("rows")[0].GetProperty("scores")[0].GetDecimal());
        Assert.DoesNotContain(after.GetProperty("mostMissedItems").EnumerateArray(), m => m.GetProperty("itemCode").GetString() == "1.1.B2");
        var drill = await GetAsync(admin, $"/api/v1/rounds/{round}/organizations?ministry={ministry.Code}&category=1&scoreFrom=70");
        Assert.Equal(75m, drill.GetProperty("items")[0].GetProperty("score").GetDecimal());
    }
}

public sealed class DashboardCardScoreTests_Sqlite(SqliteApp app) : DashboardCardScoreTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardCardScoreTests_Postgres(PostgresApp app) : DashboardCardScoreTests(app), IClassFixture<PostgresApp>;
