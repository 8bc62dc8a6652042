using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>The administrator's first visit: sign in, add an organisation (after a refused attempt), and read
/// issue 1.1 in Thai, in English and on a phone. Each step leaves a screenshot in artifacts/screenshots/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdministratorJourneyTests(BrowserFixture browser, AppServer app) : IClassFixture<AppServer>
{
    private const string Code = "DGA-J1";
    private const string NameTh = "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)";
    private const string NameEn = "Digital Government Development Agency";

    [Fact]
    public async Task Administrator_signs_in_adds_an_organisation_and_reads_issue_1_1_in_Thai_and_English()
    {
        await using var s = await BrowserSession.StartAsync(browser.Browser, app);
        var page = s.Page;

        await s.GotoAsync("/account/login");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await s.ScreenshotAsync("journey-01-login");
        await s.SignInAsAdministratorAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "th");
        await Expect(page.Locator("h1")).ToContainTextAsync("สวัสดี");
        await s.ScreenshotAsync("journey-02-home");

        await s.GotoAsync("/admin/organizations/create");
        await s.FillOrganizationAsync(Code, "", NameEn);
        await s.SaveAsync();
        Assert.True(await page.Locator("#Input_NameTh").EvaluateAsync<bool>("e => e.validity.valueMissing"),
            "The browser should refuse an empty Thai name before sending the form.");
        await Expect(page).ToHaveURLAsync(app.Url("/admin/organizations/create"));

        await page.Locator("#Input_NameTh").FillAsync("   "); // passes the browser's check; the server must refuse it
        await s.SaveAsync();
        await Expect(page.Locator("#Input_NameTh-error")).ToHaveTextAsync("กรุณากรอกชื่อภาษาไทย");
        await Expect(page.Locator("#Input_NameTh")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Input_Code")).ToHaveValueAsync(Code);
        await Expect(page.Locator("#Input_NameEn")).ToHaveValueAsync(NameEn);
        await s.ScreenshotAsync("journey-03-organisation-form-errors");

        await page.Locator("#Input_NameTh").FillAsync(NameTh);
        await s.SaveAsync();
        await page.WaitForURLAsync(BrowserSession.OrganizationPage());
        await Expect(page.Locator("h1")).ToHaveTextAsync(NameTh);
        await Expect(page.Locator("main dl")).ToContainTextAsync(Code);
        await s.ScreenshotAsync("journey-04-organisation");

        await s.GotoAsync("/frameworks/pmqa-4.0");
        await Expect(page.Locator("main a[href='/frameworks/pmqa-4.0/issues/1.1']")).ToBeVisibleAsync();
        await s.ScreenshotAsync("journey-05-framework");

        await s.GotoAsync("/frameworks/pmqa-4.0/issues/1.1");
        await ExpectIssue11Async(page, lang: "th", basic: "ระดับพื้นฐาน");
        Assert.True(await s.ThaiWebFontLoadedAsync(), "Thai text should be drawn with the Sarabun web font.");
        await s.ScreenshotAsync("journey-06-issue-1.1-th");

        await page.SetViewportSizeAsync(390, 844);
        await ExpectIssue11Async(page, lang: "th", basic: "ระดับพื้นฐาน");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "On a phone the issue page should not scroll sideways.");
        await s.ScreenshotAsync("journey-07-issue-1.1-th-phone");
        await page.SetViewportSizeAsync(1280, 900);

        await s.SwitchLanguageAsync("English", "en");
        await ExpectIssue11Async(page, lang: "en", basic: "Basic");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("ระดับพื้นฐาน");
        await s.ScreenshotAsync("journey-08-issue-1.1-en");

        s.AssertNoProblems();
    }

    private static async Task ExpectIssue11Async(IPage page, string lang, string basic)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("h1")).ToContainTextAsync("1.1");
        await Expect(page.Locator("h2#level-Basic")).ToHaveTextAsync(basic);
        await Expect(page.Locator(".level-Basic .item-code").First).ToHaveTextAsync("1.1.B1");
    }
}
