using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

public abstract class SiteVisitFlowTests(PmqaApp app)
{
    private TestClock Clock => ((IControlledApp)app).Clock;

    /// <summary>An hour from the app's now, in Bangkok time as a person enters it.</summary>
    private DateTimeOffset InAnHour => Clock.GetUtcNow().AddHours(1).ToOffset(TimeSpan.FromHours(7));

    private async Task<int> AcceptedAsync(ReviewSetup s)
    {
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Executive.PostAsync(s.Url("site-visit/accept"), null)).StatusCode);
        return (await s.OfficerApi.GetAsync(s.Url("site-visit")).JsonOf()).GetProperty("version").GetInt32();
    }

    /// <summary>Review to a verified 400 (offered a site visit): both reviewers tick Basic and Advance everywhere.</summary>
    private async Task<ReviewSetup> OfferedAsync()
    {
        var s = await ConsensusRecordedAsync();
        Assert.Equal("SiteVisitOffered", (await s.LeadApi.PostAsync(s.Url("confirm"), null).JsonOf()).GetProperty("state").GetString());
        return s;
    }

    /// <summary>Every issue's consensus recorded at 400, not yet confirmed.</summary>
    private async Task<ReviewSetup> ConsensusRecordedAsync()
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
        return s;
    }

    [Fact]
    public async Task A_failure_while_offering_the_site_visit_leaves_the_consensus_unconfirmed_and_confirming_again_offers_it()
    {
        var s = await ConsensusRecordedAsync();
        var faults = ((IControlledApp)app).Faults;
        faults.FailWhen = db => db.ChangeTracker.Entries<Pmqa.Data.Entities.AssessmentTransition>()
            .Any(e => e.State == EntityState.Added && e.Entity.Action == "OfferSiteVisit");
        try
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await s.LeadApi.PostAsync(s.Url("confirm"), null)).StatusCode);
        }
        finally
        {
            faults.FailWhen = null;
        }
        var (state, verified, steps) = await app.WithDbAsync(async db => (
            (await db.Assessments.SingleAsync(a => a.Id == s.Team.AssessmentId)).State.ToString(),
            (await db.Assessments.SingleAsync(a => a.Id == s.Team.AssessmentId)).VerifiedTotal,
            await db.AssessmentTransitions.CountAsync(t => t.AssessmentId == s.Team.AssessmentId && t.Action == "Confirm")));
        Assert.Equal(("UnderReview", null, 0), (state, verified, steps));

        Assert.Equal("SiteVisitOffered", (await s.LeadApi.PostAsync(s.Url("confirm"), null).JsonOf()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_visiting_team_member_outside_the_review_team_sees_the_visit_and_records_findings()
    {
        var s = await OfferedAsync();
        var visitor = await s.Team.Admin.PersonAsync(await app.OpdcAsync(), "reviewer");
        var visitorApi = await app.ApiAsync(visitor.Email, Seed.Password);
        var version = await AcceptedAsync(s);
        Assert.Equal(HttpStatusCode.NotFound, (await visitorApi.GetAsync(s.Url("site-visit"))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.PutAsJsonAsync(s.Url("site-visit"), new
        {
            scheduledAt = InAnHour, mode = "online", location = "https://meet.example.go.th/pmqa", teamIds = new[] { visitor.Id }, agenda = "", version,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitorApi.GetAsync(s.Url("site-visit"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitorApi.GetAsync($"/api/v1/assessments/{s.Team.AssessmentId}/issues/1.1")).StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == visitor.Id).Select(n => n.Link).ToListAsync()),
            link => link.EndsWith("/site-visit"));
        Clock.Advance(TimeSpan.FromHours(2));
        var finding = await visitorApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "ผู้บริหารนำเสนอแผนยุทธศาสตร์ชัดเจน" });
        Assert.Equal(HttpStatusCode.OK, finding.StatusCode);

        var page = await (await app.BrowserAsync(visitor.Email, Seed.Password)).GetHtmlAsync($"/assessments/{s.Team.AssessmentId}/site-visit");
        Assert.NotNull(page.QuerySelector("#FindingText"));
        Assert.Contains("ผู้บริหารนำเสนอแผนยุทธศาสตร์ชัดเจน", page.QuerySelector("#findings")!.TextContent);
    }

    [Fact]
    public async Task On_the_page_the_visit_date_is_typed_with_a_Buddhist_Era_year_and_refused_at_the_field_when_past_or_not_a_date()
    {
        var s = await OfferedAsync();
        var version = await AcceptedAsync(s);
        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var page = $"/assessments/{s.Team.AssessmentId}/site-visit";
        Dictionary<string, string> Form(string when) => new()
        {
            ["ScheduledAt"] = when, ["Mode"] = "OnSite", ["Location"] = "ห้องประชุม 3", ["TeamIds"] = s.Lead.Id.ToString(),
            ["VisitVersion"] = version.ToString(),
        };
        var field = (await officer.GetHtmlAsync(page)).QuerySelector("#ScheduledAt")!;
        Assert.Equal("text", field.GetAttribute("type"));

        var yesterday = Clock.GetUtcNow().AddDays(-1).ToOffset(TimeSpan.FromHours(7));
        var typedPast = $"{yesterday.Day}/{yesterday.Month}/{yesterday.Year + 543} 10:00";
        var past = await (await officer.PostFormAsync($"{page}?handler=Schedule", Form(typedPast), page)).HtmlAsync();
        Assert.Contains("อนาคต", past.QuerySelector("#ScheduledAt-error")?.TextContent ?? "(no message at the field)");
        Assert.Equal(typedPast, past.QuerySelector("#ScheduledAt")!.GetAttribute("value"));

        var notADate = await (await officer.PostFormAsync($"{page}?handler=Schedule", Form("31/2/2570 10:00"), page)).HtmlAsync();
        Assert.Contains("วัน/เดือน/ปี พ.ศ.", notADate.QuerySelector("#ScheduledAt-error")?.TextContent ?? "(no message at the field)");
        Assert.Equal("ห้องประชุม 3", notADate.QuerySelector("#Location")!.GetAttribute("value"));

        var nextWeek = Clock.GetUtcNow().AddDays(7).ToOffset(TimeSpan.FromHours(7));
        var typed = $"{nextWeek.Day}/{nextWeek.Month}/{nextWeek.Year + 543} 13:30";
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{page}?handler=Schedule", Form(typed), page)).StatusCode);
        var saved = (await s.OfficerApi.GetAsync(s.Url("site-visit")).JsonOf()).GetProperty("scheduledAt").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(nextWeek.Year, nextWeek.Month, nextWeek.Day, 13, 30, 0, TimeSpan.FromHours(7)), saved);
        Assert.Equal(typed, (await officer.GetHtmlAsync(page)).QuerySelector("#ScheduledAt")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_visit_cannot_be_scheduled_in_the_past_nor_recorded_or_marked_done_before_its_time()
    {
        var s = await OfferedAsync();
        var version = await AcceptedAsync(s);
        object Body(DateTimeOffset at, int v) => new { scheduledAt = at, mode = "onSite", location = "ห้องประชุม 2", teamIds = new[] { s.Lead.Id }, agenda = "", version = v };
        var past = await s.OfficerApi.PutAsJsonAsync(s.Url("site-visit"), Body(Clock.GetUtcNow().AddDays(-1), version));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.JsonAsync()).GetProperty("errors").TryGetProperty("scheduledAt", out _));

        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.PutAsJsonAsync(s.Url("site-visit"), Body(InAnHour, version))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "ยังไม่ได้ไป" })).StatusCode);
        var early = await s.OfficerApi.PostAsync(s.Url("site-visit/complete"), null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("ยังไม่ถึงเวลาตรวจ", (await early.JsonAsync()).GetProperty("detail").GetString());
        var officerPage = await (await app.BrowserAsync(s.Officer.Email, Seed.Password)).GetHtmlAsync($"/assessments/{s.Team.AssessmentId}/site-visit");
        Assert.Null(officerPage.QuerySelector("form[action*=Complete]"));
        Assert.NotNull(officerPage.QuerySelector("#findings-not-yet"));

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "ตรวจแล้ว" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.PostAsync(s.Url("site-visit/complete"), null)).StatusCode);

        // Certifying on the page asks for confirmation first.
        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var page = $"/assessments/{s.Team.AssessmentId}/site-visit";
        var unconfirmed = await officer.PostFormAsync($"{page}?handler=Certify", [], page);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("ยืนยัน", (await unconfirmed.HtmlAsync()).QuerySelector("#ConfirmCertify-error")!.TextContent);
        Assert.Equal("SiteVisited", (await s.OfficerApi.GetAsync(s.Url("site-visit")).JsonOf()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{page}?handler=Certify", new() { ["ConfirmCertify"] = "true" }, page)).StatusCode);
        Assert.Equal("Certified", (await s.OfficerApi.GetAsync(s.Url("site-visit")).JsonOf()).GetProperty("state").GetString());
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
            scheduledAt = InAnHour, mode = "onSite", location = "ห้องประชุม 1 ชั้น 3", teamIds = new[] { s.Lead.Id },
            agenda = "09.00 ผู้บริหารนำเสนอ", version,
        });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await s.SecondApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"), new { text = "พบหลักฐานเพิ่ม", adjustedScore = 500 })).StatusCode);
        var finding = await s.LeadApi.PutAsJsonAsync(s.Url("site-visit/findings/1.1"),
            new { text = "พบหลักฐานการขยายผลทั้งองค์การ", adjustedScore = 500, reason = "เห็นผลลัพธ์จริงในพื้นที่" });
        Assert.Equal(HttpStatusCode.OK, finding.StatusCode);
        // 1.1 moves from 400 to 500: category 1 = 425, total = (425 + 6 × 400) / 7 = 403.57.
        Assert.Equal(403.57m, (await finding.JsonAsync()).GetProperty("finalScore").GetProperty("total").GetDecimal());

        Assert.Equal(HttpStatusCode.OK, (await s.OfficerApi.PostAsync(s.Url("site-visit/complete"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Team.Coordinator.PostAsJsonAsync(s.Url("certification"), new { certified = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Team.Admin.PutAsJsonAsync($"/api/v1/rounds/{s.Team.RoundId}", new
        {
            submissionDeadline = DateTimeOffset.UtcNow.AddDays(30), signatoryName = "นางสาวอรวรรณ ตั้งใจ", signatoryPosition = "เลขาธิการ ก.พ.ร.",
        })).StatusCode);
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
        Assert.Matches(@"^PMQA-2570-\d{6}$", certificate.Number);
        Assert.Equal(("นางสาวอรวรรณ ตั้งใจ", "เลขาธิการ ก.พ.ร."), (certificate.SignatoryName, certificate.SignatoryPosition));
        var verify = await (await app.Anonymous().GetAsync($"/api/v1/public/certificates/{certificate.Id}")).JsonAsync();
        Assert.Equal(certificate.Number, verify.GetProperty("number").GetString());
    }
}

public sealed class SiteVisitFlowTests_Sqlite(ControlledSqliteApp app) : SiteVisitFlowTests(app), IClassFixture<ControlledSqliteApp>;
public sealed class SiteVisitFlowTests_Postgres(ControlledPostgresApp app) : SiteVisitFlowTests(app), IClassFixture<ControlledPostgresApp>;
