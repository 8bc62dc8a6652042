using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// OPDC's part of the year in the browser: the officer gives a submitted assessment two reviewers; they
/// score it differently and alone; a reviewer asks the agency a question and the coordinator answers in the
/// thread; the lead sees the differences side by side, records the consensus and confirms; the executive
/// accepts the site visit; the officer schedules it, records a finding, certifies; the public page verifies
/// the certificate.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Two_reviewers_differ_the_lead_reaches_consensus_the_agency_clarifies_and_the_certificate_verifies()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("RV-J1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        var setup = new ReviewSetup(app);
        await setup.SubmitAndApproveAsync(assessment, coordinator, executive);
        var lead = await setup.OpdcPersonAsync("lead-rv@opdc.go.th", "นางสาวนำทีม ตรวจดี", "reviewer");
        var second = await setup.OpdcPersonAsync("second-rv@opdc.go.th", "นายรอง ตรวจละเอียด", "reviewer");
        var officer = await setup.OpdcPersonAsync("officer-rv@opdc.go.th", "นางเจ้าหน้าที่ ก.พ.ร.", "opdcOfficer");
        var home = $"/assessments/{assessment}";

        // The officer gives the assessment its team.
        await using var opdc = await SignedInAsync(officer);
        await opdc.GotoAsync($"{home}/review-team");
        await opdc.Page.GetByLabel("หัวหน้าคณะ: นางสาวนำทีม ตรวจดี").CheckAsync();
        await opdc.Page.GetByLabel("ผู้ตรวจ: นายรอง ตรวจละเอียด").CheckAsync();
        await opdc.Page.Locator("button", new() { HasTextString = "บันทึกคณะผู้ตรวจประเมิน" }).ClickAsync();
        await Expect(opdc.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกคณะผู้ตรวจประเมินแล้ว");
        await AxeCheck.AssertNoSeriousViolationsAsync(opdc.Page, "review team", output);

        // The lead declares, judges issue 1.1 in the page (Basic and Advance complete: 400), the rest through the API.
        await using var leader = await SignedInAsync(lead);
        await leader.GotoAsync("/reviews");
        await leader.Page.Locator("a", new() { HasTextString = "กรมทดสอบการประเมิน RV-J1" }).ClickAsync();
        await leader.Page.Locator("button", new() { HasTextString = "ยืนยันและเริ่มตรวจ" }).ClickAsync();
        await setup.JudgeAllAsync(assessment, lead, levels: 2, skip: "1.1");
        await leader.GotoAsync($"{home}/review/issues/1.1");
        foreach (var box in await leader.Page.Locator("[id^='j-1-1-A']").AllAsync()) await box.CheckAsync();
        await leader.Page.Locator("#Strengths").FillAsync("ผู้บริหารถ่ายทอดวิสัยทัศน์อย่างเป็นระบบ");
        await leader.Page.Locator("button", new() { HasTextString = "บันทึกการตรวจประเด็นนี้" }).ClickAsync();
        await Expect(leader.Page.Locator("#review-score")).ToHaveTextAsync("400.00");
        await leader.ScreenshotAsync("review-01-reviewer-issue");
        await AxeCheck.AssertNoSeriousViolationsAsync(leader.Page, "reviewer's issue page", output);
        await leader.GotoAsync($"{home}/review");
        await leader.Page.Locator("button", new() { HasTextString = "ส่งผลการตรวจของฉัน" }).ClickAsync();
        await Expect(leader.Page.Locator(".alert-success")).ToContainTextAsync("ส่งผลการตรวจของคุณแล้ว");

        // The second reviewer only sees Basic met, and asks the agency about 1.2.
        await setup.JudgeAllAsync(assessment, second, levels: 1);
        await using var other = await SignedInAsync(second);
        await other.GotoAsync($"{home}/clarifications");
        await other.Page.Locator("#Input_IssueCode").SelectOptionAsync("1.2");
        await other.Page.Locator("#Input_Question").FillAsync("ขอเอกสารแสดงการติดตามผลการดำเนินงานตามแผนรายไตรมาส");
        await other.Page.Locator("button", new() { HasTextString = "ส่งคำขอชี้แจง" }).ClickAsync();
        await Expect(other.Page.Locator("#messages")).ToContainTextAsync("ขอเอกสารแสดงการติดตามผลการดำเนินงาน");

        // The agency sees that OPDC waits for it, and answers in the thread.
        await using var agencySide = await SignedInAsync(coordinator);
        await agencySide.GotoAsync(home);
        await agencySide.Page.Locator("a", new() { HasTextString = "ดูคำขอชี้แจง" }).ClickAsync();
        await agencySide.Page.Locator("#threads a").First.ClickAsync();
        await agencySide.Page.Locator("#Reply_Text").FillAsync("แนบรายงานการติดตามผลรายไตรมาสที่ผู้บริหารลงนามแล้ว");
        await agencySide.Page.Locator("button", new() { HasTextString = "ส่งข้อความ" }).ClickAsync();
        await Expect(agencySide.Page.Locator("#messages")).ToContainTextAsync("แนบรายงานการติดตามผลรายไตรมาส");
        await agencySide.ScreenshotAsync("review-02-clarification-answered");

        await other.GotoAsync($"{home}/clarifications");
        await other.Page.Locator("#threads a").First.ClickAsync();
        await other.Page.Locator("button", new() { HasTextString = "ปิดคำขอชี้แจง" }).ClickAsync();
        await setup.SubmitReviewAsync(assessment, second);

        // The lead compares: 1.1 is disputed (400 against 300), records the consensus; the rest through the API.
        await leader.GotoAsync($"{home}/consensus");
        await Expect(leader.Page.Locator("#consensus-table tr.table-warning").First).ToContainTextAsync("1.1");
        await leader.Page.Locator("#consensus-table a", new() { HasTextString = "1.1" }).ClickAsync();
        await Expect(leader.Page.Locator("#side-by-side-table tr.table-warning").First).ToContainTextAsync("1.1.A1");
        foreach (var box in await leader.Page.Locator("[id^='j-1-1-A']").AllAsync()) await box.CheckAsync();
        await leader.Page.Locator("#Rationale").FillAsync("หลักฐานแสดงการถ่ายทอดวิสัยทัศน์ครบทุกระดับ จึงผ่านระดับก้าวหน้า");
        await leader.ScreenshotAsync("review-03-consensus-side-by-side");
        await AxeCheck.AssertNoSeriousViolationsAsync(leader.Page, "consensus issue", output);
        await leader.Page.Locator("button", new() { HasTextString = "บันทึกฉันทามติ" }).ClickAsync();
        await Expect(leader.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกฉันทามติแล้ว");
        await setup.JudgeAllAsync(assessment, lead, levels: 2, consensus: true, skip: "1.1");
        await leader.GotoAsync($"{home}/consensus");
        await leader.Page.Locator("button", new() { HasTextString = "ยืนยันผลคะแนน" }).ClickAsync();
        await Expect(leader.Page.Locator(".alert-success")).ToContainTextAsync("ยืนยันผลคะแนนแล้ว");

        // The agency reads its feedback; the executive accepts the site visit.
        await agencySide.GotoAsync($"{home}/feedback");
        await Expect(agencySide.Page.Locator("#verified-total")).ToHaveTextAsync("400.00");
        await agencySide.ScreenshotAsync("review-04-feedback");
        await AxeCheck.AssertNoSeriousViolationsAsync(agencySide.Page, "feedback report", output);
        await using var boss = await SignedInAsync(executive);
        await boss.GotoAsync(home);
        await boss.Page.Locator("a", new() { HasTextString = "ผู้บริหารตอบรับหรือปฏิเสธได้ที่นี่" }).ClickAsync();
        await boss.Page.Locator("button", new() { HasTextString = "ตอบรับการตรวจ ณ พื้นที่" }).ClickAsync();
        await Expect(boss.Page.Locator(".alert-success")).ToContainTextAsync("ตอบรับการตรวจ ณ พื้นที่แล้ว");

        // The officer schedules, records a finding, marks the visit done and certifies.
        await opdc.GotoAsync($"{home}/site-visit");
        // Typed as the officer reads dates everywhere: day/month/Buddhist Era year (a Gregorian date picker took 2570 as 2570 CE).
        var visitAt = app.Clock.GetUtcNow().UtcDateTime.AddHours(7 + 1);
        await Expect(opdc.Page.Locator("#ScheduledAt")).ToHaveAttributeAsync("type", "text");
        await opdc.Page.Locator("#ScheduledAt").FillAsync($"{visitAt.Day}/{visitAt.Month}/{visitAt.Year + 543} {visitAt:HH:mm}");
        await opdc.Page.Locator("#Location").FillAsync("ห้องประชุมชั้น 5 อาคารกรมทดสอบ");
        await opdc.Page.GetByLabel("นางสาวนำทีม ตรวจดี").CheckAsync();
        await opdc.Page.Locator("button", new() { HasTextString = "บันทึกนัดหมาย" }).ClickAsync();
        await Expect(opdc.Page.Locator("#visit-details")).ToContainTextAsync("ห้องประชุมชั้น 5");
        await Expect(opdc.Page.Locator("#visit-details")).ToContainTextAsync((visitAt.Year + 543).ToString());
        // Findings and "done" wait for the visit's time: the server's clock moves past it.
        await Expect(opdc.Page.Locator("#findings-not-yet")).ToBeVisibleAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await opdc.Page.ReloadAsync();
        await opdc.Page.Locator("#IssueCode").SelectOptionAsync("1.1");
        await opdc.Page.Locator("#FindingText").FillAsync("พบการขยายผลทั่วทั้งองค์การ");
        await opdc.Page.Locator("button", new() { HasTextString = "บันทึกข้อค้นพบ" }).ClickAsync();
        await Expect(opdc.Page.Locator("#findings")).ToContainTextAsync("พบการขยายผลทั่วทั้งองค์การ");
        await opdc.Page.Locator("button", new() { HasTextString = "บันทึกว่าตรวจ ณ พื้นที่เสร็จแล้ว" }).ClickAsync();
        await opdc.Page.Locator("#ConfirmCertify").CheckAsync();
        await opdc.Page.Locator("button", new() { HasTextString = "รับรอง (ตามระดับของคะแนนสุดท้าย)" }).ClickAsync();
        await Expect(opdc.Page.Locator("#visit-state")).ToHaveTextAsync("ได้รับการรับรอง");
        await opdc.ScreenshotAsync("review-05-certified");
        await AxeCheck.AssertNoSeriousViolationsAsync(opdc.Page, "site visit", output);

        var pdf = await setup.GetAsync(await opdc.Page.Locator("a", new() { HasTextString = "ดาวน์โหลดใบรับรอง" }).GetAttributeAsync("href") is { } path
            ? "/api/v1" + path : throw new InvalidOperationException("no certificate link"), officer);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        await File.WriteAllBytesAsync(Path.Combine(Artifacts.ScreenshotsFolder, "review-certificate.pdf"), await pdf.Content.ReadAsByteArrayAsync());

        // The QR code's page: anyone, signed in or not, sees the organisation, the year and a valid certificate.
        var verify = await opdc.Page.Locator("a", new() { HasTextString = "หน้าตรวจสอบใบรับรองสาธารณะ" }).GetAttributeAsync("href");
        await using var publicVisitor = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await publicVisitor.GotoAsync(verify!);
        await Expect(publicVisitor.Page.Locator("main")).ToContainTextAsync("กรมทดสอบการประเมิน RV-J1");
        await Expect(publicVisitor.Page.Locator("main")).ToContainTextAsync("2570");
        await publicVisitor.ScreenshotAsync("review-06-verify");

        // On a phone: the lead's table of reviews and the agency's feedback fit the screen.
        await using var phone = await SignedInAsync(lead, 390, 844);
        foreach (var (page, name) in new[] { ($"{home}/consensus", "consensus"), ($"{home}/review", "review"), ($"{home}/site-visit", "site visit") })
        {
            await phone.GotoAsync(page);
            Assert.False(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"the {name} page scrolls sideways on a phone");
            await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, $"{name} on a phone", output);
        }
        await phone.ScreenshotAsync("review-07-site-visit-phone");

        foreach (var s in new[] { opdc, leader, other, agencySide, boss, publicVisitor, phone }) s.AssertNoProblems();
    }

    private async Task<BrowserSession> SignedInAsync(string email, int width = 1280, int height = 900)
    {
        var s = await BrowserSession.StartAsync(browser.Browser, app, "th", width, height);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        // The redirect is what proves the sign-in; waiting for "load" as well only adds a way to time out.
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
        return s;
    }
}
