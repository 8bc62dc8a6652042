using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// OPDC's promotion calendar in the browser (issue 11): an officer creates a workshop with a Thai date (a wrong one is
/// refused at the field, nothing typed lost); an agency's coordinator, on a phone, registers two people for the one
/// seat (one gets it, one waits), cancels the first, and the second moves up; the feed has the workshop. The month view
/// shows the workshop on its day at 1366 px and as a list of days at 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CalendarJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task An_officer_creates_a_workshop_and_an_agency_registers_waits_and_moves_up()
    {
        var (_, coordinator, _) = await new AgencySetup(app).CreateAsync("CAL-J1");
        var year = DateTime.UtcNow.Year + 1 + 543; // next year, typed in the Buddhist Era as a Thai officer would

        await using var officer = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await officer.SignInAsAdministratorAsync();
        await officer.GotoAsync("/calendar");
        await officer.Page.Locator("#new-event").ClickAsync();
        await officer.Page.Locator("#Input_TitleTh").FillAsync("เทคนิคการพัฒนางานสู่ระบบราชการ 4.0");
        await officer.Page.Locator("#Input_TitleEn").FillAsync("Techniques for developing work towards Government 4.0");
        await officer.Page.Locator("#Input_Kind").SelectOptionAsync("workshop");
        await officer.Page.Locator("#Input_Audience").SelectOptionAsync("departments");
        await officer.Page.Locator("#Input_StartsAt").FillAsync($"31/2/{year} 09:00");
        await officer.Page.Locator("#Input_EndsAt").FillAsync($"3/2/{year} 12:00");
        await officer.Page.Locator("#Input_Place").FillAsync("ห้องประชุม สำนักงาน ก.พ.ร.");
        await officer.Page.Locator("#Input_Capacity").FillAsync("1");
        await officer.Page.Locator("#save-event").ClickAsync();
        await Expect(officer.Page.Locator("#Input_StartsAt-error")).ToContainTextAsync("วันที่ไม่ถูกต้อง");
        await Expect(officer.Page.Locator("#Input_TitleTh")).ToHaveValueAsync("เทคนิคการพัฒนางานสู่ระบบราชการ 4.0");
        await AxeCheck.AssertNoSeriousViolationsAsync(officer.Page, "event form with errors", output);
        await officer.Page.Locator("#Input_StartsAt").FillAsync($"3/2/{year} 09:00");
        await officer.Page.Locator("#save-event").ClickAsync();
        await officer.Page.WaitForURLAsync(EventPage());
        await Expect(officer.Page.Locator("#event-title")).ToContainTextAsync("เทคนิคการพัฒนางานสู่ระบบราชการ 4.0");
        await Expect(officer.Page.Locator("#when")).ToContainTextAsync($"3 ก.พ. {year} 09:00");
        var eventPath = new Uri(officer.Page.Url).AbsolutePath;

        // The month view: today's month from the switch, then the workshop's month, where it sits on its day.
        var month = $"{year - 543}-02";
        await officer.GotoAsync("/calendar?audience=departments");
        await officer.Page.Locator("#view-month").ClickAsync();
        await Expect(officer.Page.Locator("#month-grid td[aria-current=date]")).ToBeVisibleAsync();
        await officer.GotoAsync($"/calendar?view=month&month={month}&audience=departments");
        await Expect(officer.Page.Locator("#month-title")).ToHaveTextAsync($"กุมภาพันธ์ พ.ศ. {year}");
        await Expect(officer.Page.Locator($"#month-grid td[data-day='{month}-03'] a[href='{eventPath}']")).ToBeVisibleAsync();
        await Expect(officer.Page.Locator("#audience")).ToHaveValueAsync("departments"); // the filter is kept
        await officer.ScreenshotAsync("calendar-month");
        await AxeCheck.AssertNoSeriousViolationsAsync(officer.Page, "calendar month view", output);

        // The coordinator, on a phone, registers two people for the one seat.
        await using var agency = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await agency.GotoAsync("/account/login");
        await agency.Page.Locator("#Input_Email").FillAsync(coordinator);
        await agency.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await agency.Page.Locator("main form button[type=submit]").ClickAsync();
        await agency.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await agency.GotoAsync("/calendar");
        // The coordinator makes the organisation's private feed address, shown once with a copy box.
        await agency.Page.Locator("#private-feed form button").First.ClickAsync();
        await Expect(agency.Page.Locator("#feed-url")).ToHaveValueAsync(new Regex("/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics$"));
        await agency.ScreenshotAsync("calendar-private-feed-phone");
        await AxeCheck.AssertNoSeriousViolationsAsync(agency.Page, "calendar with the private feed address, phone", output);
        var privateFeed = await agency.Page.APIRequest.GetAsync(new Uri(await agency.Page.Locator("#feed-url").InputValueAsync()).AbsolutePath);
        Assert.Equal(200, privateFeed.Status);
        // On a phone the month view is the list of days that have entries.
        await agency.GotoAsync($"/calendar?view=month&month={month}");
        await Expect(agency.Page.Locator("#month-grid")).ToBeHiddenAsync();
        await Expect(agency.Page.Locator($"#month-days h3[data-day='{month}-03']")).ToContainTextAsync($"3 กุมภาพันธ์ พ.ศ. {year}");
        await agency.ScreenshotAsync("calendar-month-phone");
        await AxeCheck.AssertNoSeriousViolationsAsync(agency.Page, "calendar month view, phone", output);
        Assert.True(await agency.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the month view scrolls sideways at 390 px");
        await agency.Page.Locator($"#month-days a[href='{eventPath}']").ClickAsync(); // from the phone's list of days
        await agency.Page.Locator("#Participants_0__Name").FillAsync("นางสาวสมหญิง ใจดี");
        await agency.Page.Locator("#Participants_0__Email").FillAsync("somying@agency.go.th");
        await agency.Page.Locator("#Participants_0__Position").FillAsync("นักวิเคราะห์นโยบายและแผน");
        await agency.Page.Locator("#Participants_1__Name").FillAsync("นายสมชาย รักงาน");
        // The second's e-mail is forgotten: refused at the field, the first's name kept.
        await agency.Page.Locator("#register-form button[type=submit]").ClickAsync();
        await Expect(agency.Page.Locator("#Participants_1__Email-error")).ToContainTextAsync("อีเมล");
        await Expect(agency.Page.Locator("#Participants_0__Name")).ToHaveValueAsync("นางสาวสมหญิง ใจดี");
        await agency.Page.Locator("#Participants_1__Email").FillAsync("somchai@agency.go.th");
        await agency.Page.Locator("#register-form button[type=submit]").ClickAsync();
        await Expect(agency.Page.Locator("#message")).ToContainTextAsync("รายชื่อสำรอง");
        var rows = agency.Page.Locator("#registrations tbody tr");
        await Expect(rows.Filter(new() { HasTextString = "นายสมชาย รักงาน" })).ToContainTextAsync("สำรอง");
        await agency.ScreenshotAsync("calendar-event-phone");
        await AxeCheck.AssertNoSeriousViolationsAsync(agency.Page, "event page with registrations, phone", output);
        Assert.True(await agency.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the event page scrolls sideways at 390 px");

        // The first cancels: the second moves up to the seat.
        await rows.Filter(new() { HasTextString = "นางสาวสมหญิง ใจดี" }).Locator("button").ClickAsync();
        await Expect(agency.Page.Locator("#message")).ToContainTextAsync("ยกเลิกการลงทะเบียนแล้ว");
        await Expect(agency.Page.Locator("#registrations tbody tr").Filter(new() { HasTextString = "นายสมชาย รักงาน" })).ToContainTextAsync("ได้ที่นั่ง");

        // OPDC sees both in the list; the feed for departments has the workshop.
        await officer.GotoAsync(eventPath);
        await Expect(officer.Page.Locator("#registrations")).ToContainTextAsync("นายสมชาย รักงาน");
        await officer.ScreenshotAsync("calendar-event-officer");
        await AxeCheck.AssertNoSeriousViolationsAsync(officer.Page, "event page, officer", output);
        var xlsx = await officer.Page.APIRequest.GetAsync(await officer.Page.Locator("#participants-xlsx").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, xlsx.Status);
        Assert.Contains(".xlsx", xlsx.Headers["content-disposition"]);
        var feed = await officer.Page.APIRequest.GetAsync("/calendar/departments.ics");
        // RFC 5545 folds long lines (CRLF and a space): unfold before reading the title.
        Assert.Contains("เทคนิคการพัฒนางานสู่ระบบราชการ 4.0", (await feed.TextAsync()).Replace("\r\n ", ""));
        officer.AssertNoProblems();
    }

    [GeneratedRegex(@"/calendar/[0-9a-f-]{36}$")]
    private static partial Regex EventPage();
}
