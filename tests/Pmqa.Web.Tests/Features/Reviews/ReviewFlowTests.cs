using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

public abstract class ReviewFlowTests(PmqaApp app)
{
    [Fact]
    public async Task A_member_of_the_agency_cannot_be_put_on_its_review_team()
    {
        var s = await app.SubmittedAsync();
        await s.Team.Admin.MemberAsync(s.Team.Org, s.Second, "coordinator");
        var refused = await s.AssignAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Contains("ผลประโยชน์ทับซ้อน", problem.GetProperty("errors").GetProperty("reviewerIds")[0].GetString());
        Assert.Equal(AssessmentState.Submitted, await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == s.Team.AssessmentId).Select(a => a.State).SingleAsync()));
    }

    [Fact]
    public async Task A_reviewer_sees_only_its_assessments_and_nothing_before_declaring_no_conflict()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await s.LeadApi.GetAsync(s.Url(""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.GetAsync(s.Url(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeadApi.GetAsync(s.Url("review/issues/1.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/declare-no-conflict"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.GetAsync(s.Url("review/issues/1.1"))).StatusCode);

        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await s.LeadApi.GetAsync($"/api/v1/assessments/{other.AssessmentId}")).StatusCode);
        var mine = await s.LeadApi.GetAsync("/api/v1/reviews").JsonOf();
        Assert.Equal([s.Team.AssessmentId], mine.EnumerateArray().Select(r => r.GetProperty("assessmentId").GetGuid()));
    }

    [Fact]
    public async Task Reviewers_work_alone_until_they_submit_then_the_lead_reaches_consensus_and_confirms()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        var workload = await s.OfficerApi.GetAsync("/api/v1/reviews/workload").JsonOf();
        Assert.Equal(1, workload.EnumerateArray().Single(w => w.GetProperty("userId").GetGuid() == s.Lead.Id).GetProperty("underReview").GetInt32());

        await s.ReviewAllAsync(s.LeadApi, levels: 3, strengths: "ผู้บริหารมุ่งมั่น");
        await s.ReviewAllAsync(s.SecondApi, levels: 1, strengths: "มีระบบติดตามผล");
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeadApi.GetAsync(s.Url("consensus/issues/1.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/submit"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.SecondApi.GetAsync(s.Url("consensus/issues/1.1"))).StatusCode);

        // The lead may look, but not record, while a reviewer is still working.
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeadApi.PutAsync(s.Url("consensus/issues/1.1"), new { @checked = Array.Empty<string>(), rationale = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.SecondApi.PostAsync(s.Url("review/submit"), null)).StatusCode);

        var compared = await s.LeadApi.GetAsync(s.Url("consensus/issues/1.1")).JsonOf();
        Assert.Equal(2, compared.GetProperty("reviewers").GetArrayLength());
        Assert.True(compared.GetProperty("disputedItems").GetArrayLength() > 0);
        Assert.Equal(200m, compared.GetProperty("scoreSpread").GetDecimal());

        var noRationale = await s.LeadApi.PutAsync(s.Url("consensus/issues/1.1"), new { @checked = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        Assert.True((await noRationale.JsonAsync()).GetProperty("errors").TryGetProperty("rationale", out _));
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeadApi.PostAsync(s.Url("confirm"), null)).StatusCode);

        foreach (var (code, kind, items) in await s.LeadApi.IssuesAsync())
        {
            object body = kind == "process"
                ? new { @checked = items.Take(2).SelectMany(x => x).ToArray(), rationale = "ตกลงร่วมกันที่ระดับก้าวหน้า", strengths = "ผู้บริหารมุ่งมั่น", opportunities = "ขยายผล" }
                : new { judgements = Array.Empty<object>(), rationale = "ยอมรับตามรายงาน", strengths = "แนวโน้มดีขึ้น", opportunities = "" };
            Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url($"consensus/issues/{code}"), body)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await s.SecondApi.PostAsync(s.Url("confirm"), null)).StatusCode);
        var confirmed = await s.LeadApi.PostAsync(s.Url("confirm"), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        // Every process issue at Advance complete (400) and results issues at 400: verified 400 ≥ 350 → offered.
        Assert.Equal("SiteVisitOffered", (await confirmed.JsonAsync()).GetProperty("state").GetString());

        var feedback = await s.Team.Coordinator.GetAsync(s.Url("feedback")).JsonOf();
        Assert.Equal(400m, feedback.GetProperty("verifiedTotal").GetDecimal());
        var issue = feedback.GetProperty("issues").EnumerateArray().First();
        Assert.Equal(300m, issue.GetProperty("selfScore").GetDecimal());
        Assert.Equal(400m, issue.GetProperty("verifiedScore").GetDecimal());
        Assert.Equal("ตกลงร่วมกันที่ระดับก้าวหน้า", issue.GetProperty("rationale").GetString());

        var history = await app.WithDbAsync(db => db.AssessmentTransitions.Where(t => t.AssessmentId == s.Team.AssessmentId)
            .OrderBy(t => t.At).Select(t => t.Action).ToListAsync());
        Assert.Equal(["Submit", "Approve", "StartReview", "Confirm", "OfferSiteVisit"], history);
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link.EndsWith("/site-visit") && n.Title.Contains("ตรวจ ณ พื้นที่"))));
    }

    [Fact]
    public async Task An_adjusted_indicator_needs_a_reason_and_a_rejected_one_scores_zero()
    {
        var s = await app.SubmittedAsync();
        await s.AssignAsync();
        await s.LeadApi.PostAsync(s.Url("review/declare-no-conflict"), null);
        var noReason = await s.LeadApi.PutAsync(s.Url("review/issues/7.1"), new { judgements = new[] { new { index = 0, decision = "adjust", r0 = 60 } } });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("judgements[0].reason", out _));

        var adjusted = await s.LeadApi.PutAsync(s.Url("review/issues/7.1"),
            new { judgements = new[] { new { index = 0, decision = "adjust", reason = "ข้อมูลปีปัจจุบันไม่ตรงกับหลักฐาน", target = 80, r2 = 70, r1 = 75, r0 = 60 } } });
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        // q = 60 / 80 = 0.75 → 300 × (0.75 − 0.5) / 0.5 = 150; not met, so no trend part.
        Assert.Equal(150m, (await adjusted.JsonAsync()).GetProperty("score").GetDecimal());

        var rejected = await s.LeadApi.PutAsync(s.Url("review/issues/7.1"),
            new { judgements = new[] { new { index = 0, decision = "reject", reason = "ตัวชี้วัดไม่สะท้อนผลลัพธ์ของประเด็น" } } });
        Assert.Equal(0m, (await rejected.JsonAsync()).GetProperty("score").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await s.LeadApi.PutAsync(s.Url("review/issues/7.1"),
            new { judgements = new[] { new { index = 5, decision = "accept" } } })).StatusCode);
    }
}

public sealed class ReviewFlowTests_Sqlite(SqliteApp app) : ReviewFlowTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewFlowTests_Postgres(PostgresApp app) : ReviewFlowTests(app), IClassFixture<PostgresApp>;
