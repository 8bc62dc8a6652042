using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// OPDC's view of every organisation's path to fully digital services by 2570 (issue 12, ADR 0025): from the dashboard,
/// filter by ministry, see the at-risk row marked, follow it to the organisation's register; axe-clean at 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DigitalProgressJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task OPDC_filters_by_ministry_and_follows_an_at_risk_row_to_its_register()
    {
        var ministry = await DigitalProgressSetup.CreateAsync(app, "DPJ");
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await s.SignInAsAdministratorAsync();
        await s.GotoAsync("/dashboard");
        await s.Page.Locator("#digital-progress-link").ClickAsync();
        await Expect(s.Page.Locator("main h1")).ToContainTextAsync("2570");

        await s.Page.Locator("#ministry").SelectOptionAsync(ministry.Code);
        await s.Page.Locator("#apply-filter").ClickAsync();
        await Expect(s.Page.Locator("#progress-table tbody tr")).ToHaveCountAsync(2);
        await Expect(s.Page.Locator("#total-digital")).ToHaveTextAsync("40%");
        var risky = s.Page.Locator($"#progress-table tbody tr[data-code='{ministry.AtRiskCode}']");
        await Expect(risky).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("table-warning"));
        await Expect(risky).ToContainTextAsync("เสี่ยง");
        await Expect(s.Page.Locator("#national-path-chart")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "digital progress filtered", output);
        await s.ScreenshotAsync("digital-progress-01-1366");
        var filtered = s.Page.Url;

        await risky.Locator("th a").ClickAsync();
        await Expect(s.Page.Locator("main h1")).ToHaveTextAsync("บริการดิจิทัล");
        Assert.EndsWith($"/organizations/{ministry.AtRiskId}/digital", new Uri(s.Page.Url).AbsolutePath);
        await Expect(s.Page.Locator("#services-table tbody tr")).ToHaveCountAsync(3);

        await using var phone = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await phone.SignInAsAdministratorAsync();
        await phone.GotoAsync(new Uri(filtered).PathAndQuery);
        await Expect(phone.Page.Locator("#progress-table")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "digital progress at 390 px", output);
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await phone.ScreenshotAsync("digital-progress-02-phone");
        s.AssertNoProblems();
        phone.AssertNoProblems();
    }
}
