using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Assessments;

public abstract class SelfAssessmentApiTests(PmqaApp app)
{
    private static HttpRequestMessage Put(Guid assessment, string issue, object body, string? etag) =>
        AssessmentSeed.PutIssue(assessment, issue, body, etag);

    private static Task<string> ETagAsync(HttpClient client, Guid assessment, string issue) => client.IssueETagAsync(assessment, issue);

    [Fact]
    public async Task Opening_a_round_gives_each_department_a_draft_and_locks_the_framework_version()
    {
        var team = await app.AgencyAsync();
        var assessment = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}")).JsonAsync();
        Assert.Equal("draft", assessment.GetProperty("state").GetString());
        Assert.Equal(2570, assessment.GetProperty("fiscalYear").GetInt32());
        Assert.True(await app.WithDbAsync(db => db.FrameworkVersions.AnyAsync(f => f.Code == "pmqa-4.0" && f.LockedAt != null)));
    }

    [Fact]
    public async Task Ticking_items_moves_the_issue_score_at_once_and_says_which_ticks_do_not_count_yet()
    {
        var team = await app.AgencyAsync();
        var etag = await ETagAsync(team.Coordinator, team.AssessmentId, "1.1");
        Assert.Equal("\"0\"", etag);
        var saved = await team.Coordinator.SendAsync(Put(team.AssessmentId, "1.1",
            new { @checked = new[] { "1.1.B1", "1.1.B2", "1.1.B3", "1.1.S1" }, explanations = new { Basic = "มีการถ่ายทอดวิสัยทัศน์" } }, etag));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var view = await saved.JsonAsync();
        Assert.Equal(300m, view.GetProperty("score").GetDecimal());
        Assert.Equal("Basic", view.GetProperty("level").GetString());
        Assert.Equal(["1.1.S1"], view.GetProperty("uncountedItems").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);

        var score = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/score")).JsonAsync();
        Assert.Equal(300m, score.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "1.1").GetProperty("score").GetDecimal());
        Assert.Equal(75m, score.GetProperty("categories")[0].GetProperty("score").GetDecimal());
        Assert.Equal(10.71m, score.GetProperty("total").GetDecimal()); // 75 / 7
        Assert.False(score.GetProperty("siteVisitEligible").GetBoolean());
        Assert.Equal(3, score.GetProperty("dimensions").GetArrayLength());
    }

    [Fact]
    public async Task A_stale_save_gets_412_with_the_current_state_and_a_missing_If_Match_428()
    {
        var team = await app.AgencyAsync();
        var first = await team.Coordinator.SendAsync(Put(team.AssessmentId, "2.1", new { @checked = new[] { "2.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await team.Coordinator.SendAsync(Put(team.AssessmentId, "2.1", new { @checked = new[] { "2.1.B2" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var current = (await second.JsonAsync()).GetProperty("current");
        Assert.Equal(["2.1.B1"], current.GetProperty("checked").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("\"1\"", second.Headers.ETag!.Tag);

        var missing = await team.Coordinator.SendAsync(Put(team.AssessmentId, "2.1", new { @checked = Array.Empty<string>() }, null));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
    }

    [Fact]
    public async Task Unknown_items_and_invalid_indicator_values_are_400_naming_the_field()
    {
        var team = await app.AgencyAsync();
        var unknown = await team.Coordinator.SendAsync(Put(team.AssessmentId, "1.2", new { @checked = new[] { "1.2.B9" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("checked", out _));

        var invalid = await team.Coordinator.SendAsync(Put(team.AssessmentId, "7.1", new
        {
            indicators = new object[]
            {
                new { name = "ร้อยละความสำเร็จ", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 80, comparison = 85 },
                new { name = "ค่าใช้จ่ายต่อหน่วย", unit = "บาท", direction = "lower", target = 0, r0 = -1 },
            },
        }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("indicators[1].target", out _));
        Assert.True(errors.TryGetProperty("indicators[1].r0", out _));
        Assert.False(errors.TryGetProperty("indicators[0].target", out _));
    }

    [Fact]
    public async Task Indicators_are_scored_as_scoring_md_says()
    {
        var team = await app.AgencyAsync();
        var saved = await team.Coordinator.SendAsync(Put(team.AssessmentId, "7.2", new
        {
            indicators = new object[]
            {
                new { name = "ความพึงพอใจ", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 80, comparison = 85 },
                new { name = "ความสำเร็จ", unit = "ร้อยละ", direction = "higher", target = 100, r1 = 95, r0 = 90 },
            },
        }, "\"0\""));
        var view = await saved.JsonAsync();
        Assert.Equal(320m, view.GetProperty("score").GetDecimal());
        Assert.Equal("Basic", view.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Submission_lists_what_is_incomplete_then_approval_freezes_it_under_a_provable_hash()
    {
        var team = await app.AgencyAsync();
        var refused = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var incomplete = (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(30 + 10, incomplete.Count); // every issue and every profile section
        Assert.Contains("profile.P1", incomplete);

        await team.CompleteAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Executive.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);
        var submitted = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("awaitingApproval", (await submitted.JsonAsync()).GetProperty("state").GetString());

        var noName = await team.Executive.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/approve", new { name = "", position = "อธิบดี" });
        Assert.True((await noName.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var approved = await team.Executive.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/approve", new { name = "นายสมชาย ใจดี", position = "อธิบดี" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var hash = (await approved.JsonAsync()).GetProperty("snapshotSha256").GetString()!;

        var snapshot = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == team.AssessmentId).Select(a => a.SnapshotJson).SingleAsync());
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot!))));
        Assert.Contains("นายสมชาย ใจดี", snapshot);

        var edit = await team.Coordinator.SendAsync(Put(team.AssessmentId, "1.1", new { @checked = Array.Empty<string>() },
            await ETagAsync(team.Coordinator, team.AssessmentId, "1.1")));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);

        var coordinatorReopen = await team.Coordinator.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/reopen", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorReopen.StatusCode);
        var reopened = await team.Admin.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/reopen", new { reason = "แก้ไขตัวชี้วัด 7.1" });
        Assert.Equal("draft", (await reopened.JsonAsync()).GetProperty("state").GetString());
        var audit = await (await team.Admin.GetAsync($"/api/v1/audit?entityType=Assessment&entityKey={team.AssessmentId}")).JsonAsync();
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("changes").EnumerateArray()
            .Any(c => c.GetProperty("field").GetString() == "State" && c.GetProperty("new").GetString() == "Submitted"));
    }

    [Fact]
    public async Task The_executive_may_send_it_back_with_a_reason()
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null);
        var noReason = await team.Executive.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var rejected = await team.Executive.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/reject", new { reason = "ตัวชี้วัดยังไม่ครบ" });
        Assert.Equal("draft", (await rejected.JsonAsync()).GetProperty("state").GetString());
        var details = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}")).JsonAsync();
        Assert.Equal("ตัวชี้วัดยังไม่ครบ", details.GetProperty("returnReason").GetString());
    }

    [Fact]
    public async Task Submitting_after_the_deadline_needs_an_extension()
    {
        var team = await app.AgencyAsync(deadline: DateTimeOffset.UtcNow.AddSeconds(2));
        await team.CompleteAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        var extension = await team.Admin.PostAsJsonAsync($"/api/v1/rounds/{team.RoundId}/extensions",
            new { organizationId = team.Org.Id, until = DateTimeOffset.UtcNow.AddDays(7), reason = "ระบบเครือข่ายของหน่วยงานขัดข้อง" });
        Assert.Equal(HttpStatusCode.Created, extension.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);

        var board = await (await team.Admin.GetAsync($"/api/v1/rounds/{team.RoundId}")).JsonAsync();
        var entry = board.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("organizationId").GetGuid() == team.Org.Id);
        Assert.Equal("ระบบเครือข่ายของหน่วยงานขัดข้อง", entry.GetProperty("extensionReason").GetString());
        Assert.False(entry.GetProperty("isLate").GetBoolean());
    }
}

public sealed class SelfAssessmentApiTests_Sqlite(SqliteApp app) : SelfAssessmentApiTests(app), IClassFixture<SqliteApp>;
public sealed class SelfAssessmentApiTests_Postgres(PostgresApp app) : SelfAssessmentApiTests(app), IClassFixture<PostgresApp>;
