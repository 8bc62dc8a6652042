using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

public abstract class SiteVisitFlowTests(PmqaApp app)
{
    /// <summary>Review to a verified 400 (offered a site visit): both reviewers tick Basic and Advance everywhere.</summary>
    private async Task<ReviewSetup> OfferedAsync()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        await s.ReviewAllAsync(s.LeadApi, 2, "จุดแข็ง");
        await s.ReviewAllAsync(s.SecondApi, 2, "จุดแข็ง");
        await s.LeadApi.PostAsync(s.Url("review/submit"), null);
        await s.SecondApi.PostAsync(s.Url("review/submit"), null);
        foreach (var (code, kind, items) in await s.LeadApi.IssuesAsync())
            Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url($"consensus/issues/{code}"), kind == "process"
                ? new { @checked = items.Take(2).SelectMany(x => x).ToArray(), rationale = "ตรงกัน" }
                : (object)new { judgements = Array.Empty<object>(), rationale = "ตรงกัน" })).StatusCode);
        Assert.Equal("SiteVisitOffered", (await s.LeadApi.PostAsync(s.Url("confirm"), null).JsonOf()).GetProperty("state").GetString());
        return s;
    }

    [Fact]
    public async Task Declining_the_offer_needs_a_reason_and_closes_at_verified()
    {
        var s = await OfferedAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Team.Executive.PostAsJsonAsync(s.Url("site-visit/decline"), new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Team.Coordinator.PostAsync(s.Url("site-visit/accept"), null)).StatusCode);
        var declined = await s.Team.Executive.PostAsJsonAsync(s.Url("site-visit/decline"), new { reason = "อยู่ระหว่างปรับโครงสร้างองค์การ" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var view = await declined.JsonAsync();
        Assert.Equal("Verified", view.GetProperty("state").GetString());
        Assert.Equal("อยู่ระหว่างปรับโครงสร้างองค์การ", view.GetProperty("declineReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await s.Team.Executive.PostAsync(s.Url("site-visit/accept"), null)).StatusCode);
    }

    [Fact]
    public async Task An_accepted_visit_is_scheduled_its_findings_adjust_the_score_and_certification_issues_a_certificate()
    {
        var s = await OfferedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Executive.PostAsync(s.Url("site-visit/accept"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.OfficerApi.PostAsync(s.Url("site-visit/complete"), null)).StatusCode);

        var version = (await s.OfficerApi.GetAsync(s.Url("site-visit")).JsonOf()).GetProperty("version").GetInt32();
        var invalid = await s.OfficerApi.PutAsJsonAsync(s.Url("site-visit"), new { mode = "elsewhere", teamIds = Array.Empty<Guid>(), version });
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scheduledAt", out _) && errors.TryGetProperty("mode", out _) && errors.TryGetProperty("teamIds", out _));
        var scheduled = await s.OfficerApi.PutAsJsonAsync(s.Url("site-visit"), new
        {
            scheduledAt = DateTimeOffset.UtcNow.AddDays(20).ToOffset(TimeSpan.FromHours(7)), mode = "onSite", location = "ห้องประชุม 1 ชั้น 3", teamIds = new[] { s.Lead.Id },
            agenda = "09.00 ผู้บริหารนำเสนอ", version,
        });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.SecondApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "พบหลักฐานเพิ่ม", adjustedScore = 500 })).StatusCode);
        var finding = await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"),
            new { text = "พบหลักฐานการขยายผลทั้งองค์การ", adjustedScore = 500, reason = "เห็นผลลัพธ์จริงในพื้นที่" });
        Assert.Equal(HttpStatusCode.OK, finding.StatusCode);
        // 1.1 moves from 400 to 500: category 1 = 425, total = (425 + 6 × 400) / 7 = 403.57.
        Assert.Equal(403.57m, (await finding.JsonAsync()).GetProperty("finalScore").GetProperty("total").GetDecimal());

        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.PostAsync(s.Url("site-visit/complete"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Team.Coordinator.PostAsJsonAsync(s.Url("certification"), new { certified = true })).StatusCode);
        var decided = await s.OfficerApi.PostAsJsonAsync(s.Url("certification"), new { certified = true });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var view = await decided.JsonAsync();
        Assert.Equal("Certified", view.GetProperty("state").GetString());
        var certificate = await app.WithDbAsync(db => db.Certificates.SingleAsync(c => c.AssessmentId == s.Team.AssessmentId));
        Assert.Equal("Advance", certificate.Status);
        Assert.Equal(403.57m, certificate.FinalScore);
        // Valid to the end of the next fiscal year (2571 BE ends on 30 September 2028, Bangkok).
        Assert.Equal(new DateTime(2028, 9, 30, 23, 59, 59), Pmqa.Domain.Time.ThaiTime.ToBangkok(certificate.ValidUntil));
        Assert.Equal(view.GetProperty("certificateId").GetGuid(), certificate.Id);
    }
}

public sealed class SiteVisitFlowTests_Sqlite(SqliteApp app) : SiteVisitFlowTests(app), IClassFixture<SqliteApp>;
public sealed class SiteVisitFlowTests_Postgres(PostgresApp app) : SiteVisitFlowTests(app), IClassFixture<PostgresApp>;
