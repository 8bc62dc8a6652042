using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The digital-government register (issue 12, ADR 0025): an agency's coordinator opens "บริการดิจิทัล" from the home
/// page, adds a service (a wrong field is named at the field and what was typed stays), imports a CSV file whose bad
/// row is reported with nothing imported, then the corrected file; axe-clean at 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DigitalJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    private const string Header = "ชื่อบริการ,ผู้รับบริการ,ช่องทางปัจจุบัน,ดิจิทัลตลอดกระบวนการ,บริการกลางที่ใช้,ปีเป้าหมาย,หน่วยงานที่รับผิดชอบ\n";

    [Fact]
    public async Task An_agency_adds_a_service_and_imports_a_CSV_file()
    {
        var (_, coordinator, _) = await new AgencySetup(app).CreateAsync("DGS-J1");
        await using var s = await SignIn.BrowserAsync(browser.Browser, app, coordinator);
        await s.Page.Locator("main a", new() { HasTextString = "บริการดิจิทัล" }).First.ClickAsync();
        await Expect(s.Page.Locator("main h1")).ToHaveTextAsync("บริการดิจิทัล");

        // A target after 2570 without a reason, and a link that is not a web address: named at the fields, nothing lost.
        await s.Page.Locator("#service-name").FillAsync("ขออนุญาตจัดตั้งสถานประกอบการ");
        await s.Page.Locator("#service-audience").SelectOptionAsync("businesses");
        await s.Page.Locator("#service-channel").SelectOptionAsync("ownEService");
        await s.Page.Locator("#common-eForm").CheckAsync();
        await s.Page.Locator("#service-year").FillAsync("2572");
        await s.Page.Locator("#service-unit").FillAsync("กองอนุญาต");
        await s.Page.Locator("#service-link").FillAsync("www.permit.example.go.th");
        await s.Page.Locator("#save-service").ClickAsync();
        await Expect(s.Page.Locator("#service-reason-error")).ToContainTextAsync("2570");
        await Expect(s.Page.Locator("#service-link-error")).ToContainTextAsync("https://");
        await Expect(s.Page.Locator("#service-name")).ToHaveValueAsync("ขออนุญาตจัดตั้งสถานประกอบการ");
        await Expect(s.Page.Locator("#common-eForm")).ToBeCheckedAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "digital services form with errors", output);
        await s.ScreenshotAsync("digital-01-form-errors-1366");

        await s.Page.Locator("#service-year").FillAsync("2570");
        await s.Page.Locator("#service-link").FillAsync("https://permit.example.go.th");
        await s.Page.Locator("#save-service").ClickAsync();
        await Expect(s.Page.Locator("#services-table")).ToContainTextAsync("ขออนุญาตจัดตั้งสถานประกอบการ");

        // A file with a bad row: the report names the row and the column, and nothing is imported.
        var bad = Header + "ขอรับเบี้ยยังชีพผู้สูงอายุ,ประชาชน,Citizen Portal,ใช่,e-Form;e-Payment,2569,กองสวัสดิการ\n" +
                  "ขอหนังสือรับรองการจดทะเบียน,ภาคธุรกิจ,โทรสาร,ไม่ใช่,,2569,กองทะเบียน\n";
        await s.Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "services.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await s.Page.Locator("#import-services").ClickAsync();
        await Expect(s.Page.Locator("#import-report")).ToContainTextAsync("ไม่ได้นำเข้า");
        await Expect(s.Page.Locator("#import-report tbody tr")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#import-report tbody td").First).ToHaveTextAsync("3");
        await Expect(s.Page.Locator("#services-table tbody tr")).ToHaveCountAsync(1);
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "digital services import report", output);
        await s.ScreenshotAsync("digital-02-import-report-1366");

        var good = bad.Replace("โทรสาร", "Biz Portal");
        await s.Page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "services.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await s.Page.Locator("#import-services").ClickAsync();
        await Expect(s.Page.Locator("main [role=status]")).ToContainTextAsync("นำเข้า 2 บริการแล้ว");
        await Expect(s.Page.Locator("#services-table tbody tr")).ToHaveCountAsync(3);
        await Expect(s.Page.Locator("#share-platform")).ToHaveTextAsync("67%");
        await s.ScreenshotAsync("digital-03-imported-1366");

        // At phone width the page stays readable and clean.
        var url = new Uri(s.Page.Url).AbsolutePath;
        await using var phone = await SignIn.BrowserAsync(browser.Browser, app, coordinator, 390, 844);
        await phone.GotoAsync(url);
        await Expect(phone.Page.Locator("#services-table")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "digital services at 390 px", output);
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        await phone.ScreenshotAsync("digital-04-phone");
        s.AssertNoProblems();
        phone.AssertNoProblems();
    }
}
