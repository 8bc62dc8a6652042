using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>An officer creating a round in Thai types Buddhist Era years, as every label shows them; a date
/// picker would have taken 2570 as a Gregorian year (saving "1 ต.ค. 3113"). A date far from the fiscal year is
/// refused at its field, keeping everything typed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RoundDatesJourneyTests(BrowserFixture browser, AppServer app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task An_officer_types_Buddhist_Era_dates_and_the_round_keeps_them()
    {
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, null, 1366, 900);
        var page = s.Page;
        await s.SignInAsAdministratorAsync();
        await s.GotoAsync("/rounds/create");
        await Expect(page.Locator("#Input_OpensAt")).ToHaveAttributeAsync("type", "text");

        await page.Locator("#Input_FiscalYear").FillAsync("2571");
        await page.Locator("#aud-department").UncheckAsync();
        await page.Locator("#aud-publicOrganization").UncheckAsync();
        await page.Locator("#aud-province").CheckAsync();
        await page.Locator("#Input_OpensAt").FillAsync("1/10/2570 09:00");
        await page.Locator("#Input_SubmissionDeadline").FillAsync("31/3/2026 16:30"); // a Gregorian year, two years before the fiscal year
        await s.SaveAsync();
        await Expect(page.Locator("#Input_SubmissionDeadline-error")).ToContainTextAsync("ปีงบประมาณ 2571");
        await Expect(page.Locator("#Input_OpensAt")).ToHaveValueAsync("1/10/2570 09:00");
        await s.ScreenshotAsync("round-dates-01-refused");

        await page.Locator("#Input_SubmissionDeadline").FillAsync("31/3/2571 16:30");
        await s.SaveAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/rounds/[0-9a-f-]{36}$"));
        await Expect(page.Locator("main dl")).ToContainTextAsync("1 ต.ค. 2570 09:00");
        await Expect(page.Locator("main dl")).ToContainTextAsync("31 มี.ค. 2571 16:30");
        await s.ScreenshotAsync("round-dates-02-saved");

        await page.Locator("a[href$='/edit']").ClickAsync();
        await Expect(page.Locator("#Input_SubmissionDeadline")).ToHaveValueAsync("31/3/2571 16:30");

        // Opened, the round offers to close verification, which publishes the verified results (ADR 0024).
        await page.GoBackAsync();
        await page.Locator("main form[action*='handler=Open'] button").ClickAsync();
        await Expect(page.Locator("#close-verification")).ToBeVisibleAsync();
        await s.ScreenshotAsync("round-close-verification");
        await AxeCheck.AssertNoSeriousViolationsAsync(page, "round page with close verification", output);
        await page.SetViewportSizeAsync(390, 844);
        await s.ScreenshotAsync("round-close-verification-phone");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the round page scrolls sideways at 390 px");
        await page.Locator("#close-verification button").ClickAsync();
        await Expect(page.Locator("#verification-closed")).ToBeVisibleAsync();
        s.AssertNoProblems();
    }
}
