using System.Net;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Practices;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Practices;

/// <summary>The library's pages as people use them: the coordinator shares from the issue page, OPDC decides on the
/// example's page (a decline needs its reason next to the field), another agency finds it from its gap list.</summary>
public abstract class PracticePageTests(PmqaApp app)
{
    [Fact]
    public async Task A_coordinator_shares_OPDC_decides_and_another_agency_finds_it_from_the_gap_list_with_the_word_marked()
    {
        var agency = await app.CertifiedAsync("องค์การนำระบบติดตามตัวชี้วัดแบบเรียลไทม์มาใช้ทั่วทั้งองค์การ");
        var coordinator = await app.BrowserAsync(agency.Team.CoordinatorEmail, Seed.Password);
        var issuePage = await coordinator.GetHtmlAsync($"/assessments/{agency.Team.AssessmentId}/issues/1.1");
        var share = $"/assessments/{agency.Team.AssessmentId}/practices/1.1";
        Assert.NotNull(issuePage.QuerySelector($"[data-practices-link] a[href='{share}']"));

        var form = await coordinator.GetHtmlAsync(share);
        Assert.Contains("เรียลไทม์", form.QuerySelector(".practice-text")!.TextContent);
        var posted = await coordinator.PostFormAsync(share, new() { ["Version"] = "0", ["EvidenceIds"] = agency.EvidenceId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = await app.WithDbAsync(db => db.SharedPractices.Where(p => p.AssessmentId == agency.Team.AssessmentId).Select(p => p.Id).SingleAsync());

        var admin = await app.AdminApiAsync();
        var officer = await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer");
        var opdc = await app.BrowserAsync(officer.Email, Seed.Password);
        Assert.NotNull((await opdc.GetHtmlAsync("/practices/pending")).QuerySelector($"#practice-queue a[href='/practices/{id}']"));
        var example = $"/practices/{id}";
        var noReason = await opdc.PostFormAsync(example + "?handler=Decline", new() { ["Version"] = "1", ["Reason"] = "" }, example);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await noReason.HtmlAsync()).QuerySelector("#Reason-error")!.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, (await opdc.PostFormAsync(example + "?handler=Approve", new() { ["Version"] = "1" }, example)).StatusCode);
        Assert.Equal(PracticeStatus.Approved, await app.WithDbAsync(db => db.SharedPractices.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));

        // Another agency, working on its gaps, follows the link and searches in Thai.
        var reader = await app.AgencyAsync();
        var browser = await app.BrowserAsync(reader.CoordinatorEmail, Seed.Password);
        var gaps = await browser.GetHtmlAsync($"/assessments/{reader.AssessmentId}/gaps");
        var link = gaps.QuerySelector("#gap-1-1 [data-practices-link] a")!.GetAttribute("href")!;
        Assert.Equal("/practices?issue=1.1", link);
        var found = await browser.GetHtmlAsync(link + "&q=" + Uri.EscapeDataString("ตัวชี้วัด"));
        var card = found.QuerySelector($"[data-practice='{id}']")!;
        Assert.Contains(agency.Team.Org.NameTh, card.TextContent);
        Assert.Contains("ตัวชี้วัด", string.Concat(card.QuerySelectorAll("mark").Select(m => m.TextContent)));
        var page = await browser.GetHtmlAsync(example);
        var file = page.QuerySelector("#practice-files a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(file)).StatusCode);
        Assert.Null(page.QuerySelector("#approve-practice"));
    }

    [Fact]
    public async Task A_pending_example_and_its_file_are_not_found_by_another_agency_and_the_share_form_waits_for_certification()
    {
        var agency = await app.CertifiedAsync("ยังไม่ได้รับรอง", certify: false);
        var coordinator = await app.BrowserAsync(agency.Team.CoordinatorEmail, Seed.Password);
        var form = await coordinator.GetHtmlAsync($"/assessments/{agency.Team.AssessmentId}/practices/1.1");
        Assert.Null(form.QuerySelector("#share-form"));
        await app.CertifyAsync(agency.Team.AssessmentId);
        Assert.NotNull((await coordinator.GetHtmlAsync($"/assessments/{agency.Team.AssessmentId}/practices/1.1")).QuerySelector("#share-form"));
        var id = (await (await agency.ShareAsync()).JsonAsync()).GetProperty("id").GetGuid();

        var stranger = await app.AgencyAsync();
        var browser = await app.BrowserAsync(stranger.CoordinatorEmail, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/practices/{id}?handler=File&evidenceId={agency.EvidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/practices/{id}")).StatusCode);
    }
}

public sealed class PracticePageTests_Sqlite(SqliteApp app) : PracticePageTests(app), IClassFixture<SqliteApp>;
public sealed class PracticePageTests_Postgres(PostgresApp app) : PracticePageTests(app), IClassFixture<PostgresApp>;
