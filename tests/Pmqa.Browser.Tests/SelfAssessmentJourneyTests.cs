using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The agency's year in the browser: the coordinator ticks issue 1.1 and the score moves as it autosaves;
/// a colleague in a second browser, working on a stale copy, meets the conflict screen with both versions
/// and merges; the coordinator submits; the executive approves; the receipt shows the snapshot's SHA-256.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SelfAssessmentJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Coordinator_fills_and_submits_executive_approves_and_a_stale_edit_meets_the_conflict_screen()
    {
        var setup = new AgencySetup(app);
        var (assessment, coordinator, executive) = await setup.CreateAsync("SA-J1");
        var issuePath = $"/assessments/{assessment}/issues/1.1";

        await using var first = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(first, coordinator);
        await using var second = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(second, coordinator);

        // The colleague opens the issue first and keeps the page open.
        await second.GotoAsync(issuePath);

        await first.GotoAsync($"/assessments/{assessment}");
        await first.Page.Locator("a", new() { HasTextString = "ระบบการนำองค์การ" }).First.ClickAsync();
        await Expect(first.Page.Locator("#live-score")).ToHaveTextAsync("0.00");
        foreach (var item in new[] { "1-1-B1", "1-1-B2", "1-1-B3", "1-1-S1" }) await first.Page.Locator($"#chk-{item}").CheckAsync();
        await first.Page.Locator("#exp-Basic").FillAsync("ผู้บริหารทบทวนวิสัยทัศน์ทุกปีและถ่ายทอดสู่บุคลากรทุกระดับผ่านการประชุมประจำเดือน");
        await Expect(first.Page.Locator("#autosave-status")).ToContainTextAsync("บันทึกอัตโนมัติแล้ว", new() { Timeout = 10_000 });
        await Expect(first.Page.Locator("#live-score")).ToHaveTextAsync("300.00");
        await Expect(first.Page.Locator("[data-uncounted='1.1.S1']")).ToBeVisibleAsync();
        await first.ScreenshotAsync("assessment-01-issue-autosaved");

        // Evidence for the issue: a real PDF with a Thai name, checked by its content, listed on the issue.
        await first.Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "แผนยุทธศาสตร์กรม 2570.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
        });
        await first.Page.Locator("button", new() { HasTextString = "อัปโหลด" }).ClickAsync();
        await first.Page.WaitForURLAsync(new Regex("/issues/1.1"));
        await Expect(first.Page.Locator("main")).ToContainTextAsync("แผนยุทธศาสตร์กรม 2570.pdf");
        await Expect(first.Page.Locator("#live-score")).ToHaveTextAsync("300.00");
        await first.ScreenshotAsync("assessment-01b-evidence");

        // The stale copy: its autosave is refused and the page shows both versions, keeping what was typed.
        await second.Page.Locator("#chk-1-1-A1").CheckAsync();
        await Expect(second.Page.Locator("#conflict")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(second.Page.Locator("#theirs")).ToContainTextAsync("1.1.B1");
        await Expect(second.Page.Locator("#chk-1-1-A1")).ToBeCheckedAsync();
        await Expect(second.Page.Locator("#chk-1-1-B1")).Not.ToBeCheckedAsync();
        await second.ScreenshotAsync("assessment-02-conflict");
        await AxeCheck.AssertNoSeriousViolationsAsync(second.Page, "conflict screen", output);
        // The colleague merges: takes the other's ticks and explanation as well as their own, and saves.
        foreach (var item in new[] { "1-1-B1", "1-1-B2", "1-1-B3" }) await second.Page.Locator($"#chk-{item}").CheckAsync();
        await second.Page.Locator("#exp-Basic").FillAsync("ผู้บริหารทบทวนวิสัยทัศน์ทุกปีและถ่ายทอดสู่บุคลากรทุกระดับผ่านการประชุมประจำเดือน");
        await second.Page.Locator("button.btn-primary", new() { HasTextString = "บันทึก" }).ClickAsync();
        await Expect(second.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกแล้ว");
        await Expect(second.Page.Locator("#live-score")).ToHaveTextAsync("333.33");

        await setup.AnswerEverythingAsync(assessment, coordinator, skip: "1.1");
        await first.GotoAsync($"/assessments/{assessment}");
        // Category 1: all four issues answered, one of them (1.1) with evidence.
        await Expect(first.Page.Locator("#progress-heading + div tbody tr").First.Locator("td").Nth(4)).ToHaveTextAsync("1/4");
        await AxeCheck.AssertNoSeriousViolationsAsync(first.Page, "assessment home", output);
        await first.Page.Locator("button", new() { HasTextString = "ส่งให้ผู้บริหารอนุมัติ" }).ClickAsync();
        await Expect(first.Page.Locator(".alert-success")).ToContainTextAsync("ส่งให้ผู้บริหารอนุมัติแล้ว");
        await first.ScreenshotAsync("assessment-03-submitted");

        await using var boss = await BrowserSession.StartAsync(browser.Browser, app, "th");
        await SignInAsync(boss, executive);
        await boss.GotoAsync($"/assessments/{assessment}");
        await boss.Page.Locator("#Approval_Name").FillAsync("นายบริหาร ใจกว้าง");
        await boss.Page.Locator("#Approval_Position").FillAsync("อธิบดีกรมทดสอบการประเมิน");
        await boss.Page.Locator("button", new() { HasTextString = "อนุมัติและส่ง" }).ClickAsync();
        await Expect(boss.Page.Locator(".alert-success")).ToContainTextAsync("อนุมัติ");
        await boss.Page.Locator("a", new() { HasTextString = "SHA-256" }).ClickAsync();
        var hash = await boss.Page.Locator("#snapshot-sha256").InnerTextAsync();
        Assert.Matches(Sha256(), hash);
        await boss.ScreenshotAsync("assessment-04-receipt");
        await AxeCheck.AssertNoSeriousViolationsAsync(boss.Page, "receipt", output);

        // Frozen: the issue page is read only now.
        await first.GotoAsync(issuePath);
        await Expect(first.Page.Locator("#chk-1-1-B1")).ToBeDisabledAsync();

        first.AssertNoProblems();
        boss.AssertNoProblems();
    }

    [Fact]
    public async Task The_issue_page_works_on_a_phone()
    {
        var setup = new AgencySetup(app);
        var (assessment, coordinator, _) = await setup.CreateAsync("SA-P1");
        await using var phone = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await SignInAsync(phone, coordinator);
        await phone.GotoAsync($"/assessments/{assessment}/issues/7.1");
        Assert.False(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the page scrolls sideways on a phone");
        await phone.ScreenshotAsync("assessment-05-results-issue-phone");
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "results issue on a phone", output);
        phone.AssertNoProblems();
    }

    private static async Task SignInAsync(BrowserSession s, string email)
    {
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        // The redirect is what proves the sign-in; waiting for "load" as well only adds a way to time out.
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
