using System.Net;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Dashboard;

/// <summary>
/// The verified score's typed rows (ADR 0023, amended 2026-12-07), which the dashboard's verified quartiles,
/// calibration and verified drill-downs read, are written by the confirmation itself and equal the verified score
/// the agency's report shows: every category, dimension and issue.
/// </summary>
public abstract class DashboardVerifiedScoreTests(PmqaApp app)
{
    [Fact]
    public async Task A_confirmation_writes_typed_verified_rows_equal_to_the_verified_score()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        await s.ReviewAllAsync(s.LeadApi, levels: 3, strengths: "ผู้บริหารมุ่งมั่น");
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        await s.ReviewAllAsync(s.SecondApi, levels: 1, strengths: "มีระบบติดตามผล");
        Assert.Equal(HttpStatusCode.OK, (await s.SecondApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        foreach (var (code, kind, items) in await s.LeadApi.IssuesAsync())
        {
            // Process issues agreed at Advance complete (400), above the agency's own 300; results accepted.
            object body = kind == "process"
                ? new { @checked = items.Take(2).SelectMany(x => x).ToArray(), rationale = "ตกลงร่วมกันที่ระดับก้าวหน้า", strengths = "", opportunities = "" }
                : new { judgements = Array.Empty<object>(), rationale = "ยอมรับตามรายงาน", strengths = "", opportunities = "" };
            Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url($"consensus/issues/{code}"), body)).StatusCode);
        }
        var assessment = s.Team.AssessmentId;
        Assert.Empty(await app.WithDbAsync(db => db.AssessmentVerifiedScores.Where(v => v.AssessmentId == assessment).ToListAsync()));
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("confirm"), null)).StatusCode);

        var rows = await app.WithDbAsync(db => db.AssessmentVerifiedScores.AsNoTracking().Where(v => v.AssessmentId == assessment).ToListAsync());
        var report = await s.Team.Coordinator.GetAsync(s.Url("report")).JsonOf();
        void Same(short part, string property)
        {
            var shown = report.GetProperty(property).EnumerateArray()
                .Select(e => (e.GetProperty("code").GetString()!, e.GetProperty("verified").GetDecimal())).ToList();
            var stored = rows.Where(r => r.Part == part).OrderBy(r => r.Position).Select(r => (r.Code, r.Score)).ToList();
            Assert.NotEmpty(stored);
            Assert.Equal(shown, stored);
        }
        Same(AssessmentCardScore.Category, "categories");
        Same(AssessmentCardScore.Dimension, "dimensions");
        Same(AssessmentCardScore.Issue, "issues");
        // The rows are the agreed scores (Advance complete, 400), not the agency's own (300).
        Assert.Equal(400m, rows.Single(r => r.Part == AssessmentCardScore.Issue && r.Code == "1.1").Score);
    }
}

public sealed class DashboardVerifiedScoreTests_Sqlite(SqliteApp app) : DashboardVerifiedScoreTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardVerifiedScoreTests_Postgres(PostgresApp app) : DashboardVerifiedScoreTests(app), IClassFixture<PostgresApp>;
