using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Gaps;

public abstract class GapApiTests(PmqaApp app)
{
    private static string Url(AgencyTeam team, string path) => $"/api/v1/assessments/{team.AssessmentId}/{path}";

    private static HttpRequestMessage PutGap(AgencyTeam team, string issue, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(team, $"gaps/{issue}")) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return request;
    }

    private static async Task<JsonElement> GapOf(HttpClient client, AgencyTeam team, string issue, string view = "self") =>
        (await (await client.GetAsync(Url(team, $"gaps?view={view}"))).JsonAsync()).EnumerateArray()
            .Single(g => g.GetProperty("issueCode").GetString() == issue);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task The_gap_list_follows_the_answers_naming_missing_items_uncounted_ticks_and_missing_explanations()
    {
        var team = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1",
            new { @checked = new[] { "1.1.B1", "1.1.B2", "1.1.B3", "1.1.S1" }, explanations = new { Basic = "มีการถ่ายทอดวิสัยทัศน์" } }, "\"0\""))).StatusCode);

        var gap = await GapOf(team.Coordinator, team, "1.1");
        Assert.Equal("Basic", gap.GetProperty("level").GetString());
        Assert.Equal(300m, gap.GetProperty("score").GetDecimal());
        Assert.Equal("Advance", gap.GetProperty("targetLevel").GetString());
        Assert.Equal(400m, gap.GetProperty("scoreAtTarget").GetDecimal());
        Assert.Equal(["1.1.A1", "1.1.A2", "1.1.A3"], Strings(gap.GetProperty("missingItems")));
        Assert.Equal(["1.1.S1"], Strings(gap.GetProperty("uncountedItems")));
        Assert.Equal(["Advance"], Strings(gap.GetProperty("missingExplanations")));
        Assert.Equal(JsonValueKind.Null, gap.GetProperty("impact").ValueKind);
        Assert.False(gap.GetProperty("selected").GetBoolean());

        // An unanswered issue is below Basic: every Basic item is missing; a results issue without indicators targets Basic.
        var empty = await GapOf(team.Coordinator, team, "1.2");
        Assert.Equal("None", empty.GetProperty("level").GetString());
        Assert.Equal(["1.2.B1", "1.2.B2", "1.2.B3"], Strings(empty.GetProperty("missingItems")));
        var results = await GapOf(team.Coordinator, team, "7.1");
        Assert.Equal("Basic", results.GetProperty("targetLevel").GetString());
        Assert.Empty(results.GetProperty("missingItems").EnumerateArray());
    }

    [Fact]
    public async Task Priorities_are_saved_with_If_Match_audited_validated_and_a_stale_save_gets_the_current_settings()
    {
        var team = await app.AgencyAsync();
        var saved = await team.Coordinator.SendAsync(PutGap(team, "1.1",
            new { targetLevel = "Significance", impact = 4, urgency = 5, selected = true, rationale = "ผู้บริหารให้ความสำคัญ" }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);
        var gap = await GapOf(team.Coordinator, team, "1.1");
        Assert.Equal("Significance", gap.GetProperty("targetLevel").GetString());
        Assert.Equal(500m, gap.GetProperty("scoreAtTarget").GetDecimal());
        Assert.Equal(9, gap.GetProperty("missingItems").GetArrayLength());
        Assert.Equal(4, gap.GetProperty("impact").GetInt32());
        Assert.Equal(5, gap.GetProperty("urgency").GetInt32());
        Assert.True(gap.GetProperty("selected").GetBoolean());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "GapSetting" && e.AssessmentId == team.AssessmentId)));

        var stale = await team.Coordinator.SendAsync(PutGap(team, "1.1", new { impact = 1 }, "\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(4, (await stale.JsonAsync()).GetProperty("current").GetProperty("impact").GetInt32());
        Assert.Equal((HttpStatusCode)428, (await team.Coordinator.SendAsync(PutGap(team, "1.1", new { impact = 1 }, null))).StatusCode);

        var invalid = await team.Coordinator.SendAsync(PutGap(team, "1.1", new { targetLevel = "Expert", impact = 0, urgency = 6, selected = true }, "\"1\""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "targetLevel", "impact", "urgency", "rationale" }) Assert.True(errors.TryGetProperty(field, out _), field);

        // A target below the level the answers reach is refused.
        await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.2",
            new { @checked = new[] { "1.2.B1", "1.2.B2", "1.2.B3", "1.2.A1", "1.2.A2", "1.2.A3" } }, "\"0\""));
        var below = await team.Coordinator.SendAsync(PutGap(team, "1.2", new { targetLevel = "Basic" }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, below.StatusCode);
        Assert.True((await below.JsonAsync()).GetProperty("errors").TryGetProperty("targetLevel", out _));
    }

    [Fact]
    public async Task The_executive_reads_but_does_not_edit_and_another_agency_sees_nothing()
    {
        var team = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Executive.GetAsync(Url(team, "gaps"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Executive.SendAsync(PutGap(team, "1.1", new { impact = 3 }, "\"0\""))).StatusCode);

        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync(Url(team, "gaps"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync(Url(team, "path?target=350"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.PostAsJsonAsync(Url(team, "what-if"), new { @checked = new { } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.SendAsync(PutGap(team, "1.1", new { impact = 3 }, "\"0\""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Coordinator.GetAsync(Url(team, "gaps?view=verified"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Coordinator.GetAsync(Url(team, "gaps?view=other"))).StatusCode);
    }

    [Fact]
    public async Task The_path_ticks_applied_for_real_reach_the_target_and_an_unreachable_target_says_by_how_much()
    {
        var team = await app.AgencyAsync();
        var path = await (await team.Coordinator.GetAsync(Url(team, "path?target=350"))).JsonAsync();
        Assert.True(path.GetProperty("reachable").GetBoolean());
        Assert.Equal(0m, path.GetProperty("current").GetDecimal());
        var ticks = Strings(path.GetProperty("ticks"));
        Assert.NotEmpty(ticks);
        Assert.True(path.GetProperty("totalAfter").GetDecimal() >= 350m);
        Assert.Equal(ticks.Length, path.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("items").GetArrayLength()));

        // Ticking exactly those items on the issues gives a total of at least 350, and the path is then empty.
        foreach (var step in path.GetProperty("steps").EnumerateArray())
        {
            var issue = step.GetProperty("issueCode").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, issue,
                new { @checked = Strings(step.GetProperty("items")) }, await team.Coordinator.IssueETagAsync(team.AssessmentId, issue)))).StatusCode);
        }
        var score = await (await team.Coordinator.GetAsync(Url(team, "score"))).JsonAsync();
        Assert.Equal(path.GetProperty("totalAfter").GetDecimal(), score.GetProperty("total").GetDecimal());
        var after = await (await team.Coordinator.GetAsync(Url(team, "path?target=350"))).JsonAsync();
        Assert.Empty(after.GetProperty("ticks").EnumerateArray());

        // Category 7 has no indicators, so ticks alone give at most 6 × 500 / 7 = 428.57.
        var unreachable = await (await team.Coordinator.GetAsync(Url(team, "path?target=450"))).JsonAsync();
        Assert.False(unreachable.GetProperty("reachable").GetBoolean());
        Assert.Equal(428.57m, unreachable.GetProperty("totalAfter").GetDecimal());
        Assert.Equal(21.43m, unreachable.GetProperty("shortfall").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Coordinator.GetAsync(Url(team, "path?target=600"))).StatusCode);

        // No target: the round's site-visit threshold.
        Assert.Equal(350m, (await (await team.Coordinator.GetAsync(Url(team, "path"))).JsonAsync()).GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task What_if_scores_hypothetical_ticks_and_stores_nothing()
    {
        var team = await app.AgencyAsync();
        int answers = 0, audit = 0;
        async Task CountAsync() => (answers, audit) = (
            await app.WithDbAsync(db => db.IssueAnswers.CountAsync(a => a.AssessmentId == team.AssessmentId)),
            await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.AssessmentId == team.AssessmentId)));
        await CountAsync();
        var (answersBefore, auditBefore) = (answers, audit);

        var card = await (await team.Coordinator.PostAsJsonAsync(Url(team, "what-if"),
            new { @checked = new Dictionary<string, string[]> { ["1.1"] = ["1.1.B1", "1.1.B2", "1.1.B3"] } })).JsonAsync();
        Assert.Equal(10.71m, card.GetProperty("total").GetDecimal()); // 300 / 4 / 7
        Assert.Equal(75m, card.GetProperty("categories")[0].GetProperty("score").GetDecimal());
        Assert.False(card.GetProperty("siteVisitEligible").GetBoolean());

        var unknown = await team.Coordinator.PostAsJsonAsync(Url(team, "what-if"),
            new { @checked = new Dictionary<string, string[]> { ["1.1"] = ["1.1.B9"], ["7.1"] = ["x"], ["9.9"] = [] } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("checked.1.1", out _));
        Assert.True(errors.TryGetProperty("checked.7.1", out _));
        Assert.True(errors.TryGetProperty("checked.9.9", out _));

        await CountAsync();
        Assert.Equal((answersBefore, auditBefore), (answers, audit));
        Assert.Equal(0m, (await (await team.Coordinator.GetAsync(Url(team, "score"))).JsonAsync()).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task Once_verified_the_verified_view_measures_the_gap_against_the_consensus_with_its_opportunities()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        await s.ReviewAllAsync(s.LeadApi, levels: 2, strengths: "ดี");
        await s.ReviewAllAsync(s.SecondApi, levels: 2, strengths: "ดี");
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.SecondApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        foreach (var (code, kind, items) in await s.LeadApi.IssuesAsync())
        {
            object body = kind == "process"
                ? new { @checked = items.Take(2).SelectMany(x => x).ToArray(), rationale = "ตกลงร่วมกัน", strengths = "ดี", opportunities = "ขยายผลให้ครอบคลุม\nวัดผลลัพธ์" }
                : new { judgements = Array.Empty<object>(), rationale = "ยอมรับ", strengths = "ดี", opportunities = "" };
            Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url($"consensus/issues/{code}"), body)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("confirm"), null)).StatusCode);

        var self = await GapOf(s.Team.Coordinator, s.Team, "1.1");
        Assert.Equal("Basic", self.GetProperty("level").GetString());
        var verified = await GapOf(s.Team.Coordinator, s.Team, "1.1", "verified");
        Assert.Equal("Advance", verified.GetProperty("level").GetString());
        Assert.Equal("Significance", verified.GetProperty("targetLevel").GetString());
        Assert.Equal(["1.1.S1", "1.1.S2", "1.1.S3"], Strings(verified.GetProperty("missingItems")));
        Assert.Equal(["ขยายผลให้ครอบคลุม", "วัดผลลัพธ์"], Strings(verified.GetProperty("opportunities")));
        // The review team reads the gaps too.
        Assert.Equal(HttpStatusCode.OK, (await s.SecondApi.GetAsync(s.Url("gaps?view=verified"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.GetAsync(s.Url("gaps"))).StatusCode);
    }
}

public sealed class GapApiTests_Sqlite(SqliteApp app) : GapApiTests(app), IClassFixture<SqliteApp>;
public sealed class GapApiTests_Postgres(PostgresApp app) : GapApiTests(app), IClassFixture<PostgresApp>;
