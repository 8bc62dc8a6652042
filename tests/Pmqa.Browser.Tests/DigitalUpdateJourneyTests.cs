using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Domain.Time;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// A digital progress update (issue 12, ADR 0027): OPDC has an open follow-up period; the agency's coordinator sends the
/// update with a note from "บริการดิจิทัล", the executive tries to return it without a reason (named at the field), then
/// approves it, and the section shows it on time with the year's trend; axe-clean at 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DigitalUpdateJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    /// <summary>An open period (from ten days ago, due in twenty), straight in the database as OPDC's page would save it.</summary>
    public static async Task<DigitalPeriod> PeriodAsync(AppServer app, string name)
    {
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(DateTimeOffset.UtcNow));
        var period = new DigitalPeriod { NameTh = name, StartsOn = today.AddDays(-10), Deadline = today.AddDays(20), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        db.DigitalPeriods.Add(period);
        await db.SaveChangesAsync();
        return period;
    }

    [Fact]
    public async Task The_coordinator_sends_an_update_and_the_executive_approves_it()
    {
        var (_, coordinator, executive) = await new AgencySetup(app).CreateAsync("DGU-J1");
        await PeriodAsync(app, "รอบที่ 1 ทดสอบการส่งรายงาน");

        await using var s = await SignIn.BrowserAsync(browser.Browser, app, coordinator);
        await s.Page.Locator("main a", new() { HasTextString = "บริการดิจิทัล" }).First.ClickAsync();
        await Expect(s.Page.Locator("#current-period")).ToContainTextAsync("รอบที่ 1 ทดสอบการส่งรายงาน");
        await Expect(s.Page.Locator("#current-lateness")).ToHaveTextAsync("ยังไม่ถึงกำหนด");
        await s.Page.Locator("#update-note").FillAsync("ย้ายบริการขออนุญาตขึ้น Biz Portal แล้ว");
        await s.Page.Locator("#send-update").ClickAsync();
        await Expect(s.Page.Locator("#current-status")).ToHaveTextAsync("รอผู้บริหารอนุมัติ");
        await Expect(s.Page.Locator("#current-period")).ToContainTextAsync("ย้ายบริการขออนุญาตขึ้น Biz Portal แล้ว");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "progress update sent", output);
        await s.ScreenshotAsync("digital-update-01-sent-1366");
        var page = s.Page.Url;

        await using var boss = await SignIn.BrowserAsync(browser.Browser, app, executive, 390, 844);
        await boss.GotoAsync(new Uri(page).PathAndQuery);
        // Returning needs a reason: the refusal is at the field.
        await boss.Page.Locator("#return").ClickAsync();
        await Expect(boss.Page.Locator("#return-reason-error")).Not.ToBeEmptyAsync();
        await Expect(boss.Page.Locator("#return-reason-input")).ToHaveAttributeAsync("aria-invalid", "true");
        await AxeCheck.AssertNoSeriousViolationsAsync(boss.Page, "return without a reason at 390 px", output);
        await boss.ScreenshotAsync("digital-update-02-return-refused-phone");

        await boss.Page.Locator("#approve").ClickAsync();
        await Expect(boss.Page.Locator("#current-status")).ToHaveTextAsync("ส่งแล้ว");
        await Expect(boss.Page.Locator("#current-lateness")).ToHaveTextAsync("ส่งตรงเวลา");
        await Expect(boss.Page.Locator("#trend-table tbody tr")).ToHaveCountAsync(1);
        Assert.True(await boss.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await AxeCheck.AssertNoSeriousViolationsAsync(boss.Page, "update approved at 390 px", output);
        await boss.ScreenshotAsync("digital-update-03-approved-phone");

        // The period opens the update as it was sent, with the register it froze.
        await boss.Page.Locator("#updates-table a").First.ClickAsync();
        await Expect(boss.Page.Locator("#update-figures")).ToBeVisibleAsync();
        await Expect(boss.Page.Locator("#frozen-heading")).ToBeVisibleAsync();
        Assert.True(await boss.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the sent update scrolls sideways at 390 px");
        await AxeCheck.AssertNoSeriousViolationsAsync(boss.Page, "the update as sent at 390 px", output);
        await boss.ScreenshotAsync("digital-update-04-as-sent-phone");
        s.AssertNoProblems();
        boss.AssertNoProblems();
    }
}
