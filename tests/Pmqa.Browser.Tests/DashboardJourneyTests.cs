using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// OPDC's national dashboard in the browser (issue 10), on a phone and in English: the officer opens it from the
/// menu, filters by type, reads the heat map, drills down from it to the organisation's assessment, follows a most
/// missed item to the organisations behind it and downloads the workbook; axe finds nothing serious or critical.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DashboardJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task OPDC_filters_the_dashboard_drills_down_from_the_heat_map_and_exports_on_a_phone_in_English()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("DASH-1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        var roundId = (await agency.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessment}")).GetProperty("roundId").GetGuid();
        var setup = new ReviewSetup(app);
        await setup.SubmitAndApproveAsync(assessment, coordinator, executive);
        var officer = await setup.OpdcPersonAsync("officer-dashboard@opdc.go.th", "นางเจ้าหน้าที่ แดชบอร์ด", "opdcOfficer");

        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "en", 390, 844);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(officer);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });

        // From the menu (collapsed on a phone) to the round's dashboard.
        await s.Page.Locator(".navbar-toggler").ClickAsync();
        await s.Page.Locator("#nav a", new() { HasTextString = "Dashboard" }).ClickAsync();
        await s.Page.Locator($"#dashboard-rounds a[href='/rounds/{roundId}/dashboard']").ClickAsync();
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("National dashboard");

        // Filtered to departments: the agency is in the heat map.
        await s.Page.Locator("#type").SelectOptionAsync("department");
        await s.Page.Locator("#apply-filter").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("type=department"));
        var row = s.Page.Locator("#heatmap-table tr[data-organization='DASH-1']");
        await Expect(row).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "dashboard-phone-en", output);
        await s.ScreenshotAsync("dashboard-390-en");

        // The export keeps the filter: a workbook with every table.
        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("#export-xlsx").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = SpreadsheetDocument.Open(file, false))
        {
            var sheets = workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Select(x => x.Name!.Value).ToList();
            Assert.Contains("Heat map", sheets);
            Assert.Contains("Missed items", sheets);
        }
        File.Delete(file);

        // A most-missed item leads to the organisations behind it; the list is checked by axe too.
        await s.Page.Locator("#missed-table a").First.ClickAsync();
        await Expect(s.Page.Locator("#drill-table")).ToContainTextAsync("DASH-1");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "dashboard-drill-down-phone-en", output);
        await s.Page.GoBackAsync();

        // From the heat map to the organisation's assessment.
        await s.Page.Locator("#heatmap-table tr[data-organization='DASH-1'] a").ClickAsync();
        await s.Page.WaitForURLAsync($"**/assessments/{assessment}");
        await Expect(s.Page.Locator("main")).ToContainTextAsync("Assessment Test Department DASH-1");
        s.AssertNoProblems();
    }
}
