using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The agency's report (issue 10): from the assessment's page to the report, which shows the score the assessment
/// page shows, and its three downloads (PDF, Excel, Word) as files with their names. axe-clean at 1366 px in Thai,
/// in English, and at 390 px, where the page does not scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task The_agency_opens_its_report_and_downloads_the_PDF_the_Excel_and_the_Word_files()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("REPORT-J1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        await new ReviewSetup(app).SubmitAndApproveAsync(assessment, coordinator, executive);

        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await SignInAsync(s, coordinator);
        await s.GotoAsync($"/assessments/{assessment}");
        var total = (await s.Page.Locator("#total-score").TextContentAsync())!.Trim();
        await s.Page.Locator("#report-link").ClickAsync();
        await s.Page.WaitForURLAsync($"**/assessments/{assessment}/report");
        await Expect(s.Page.Locator("#report-total-self")).ToHaveTextAsync(total);
        await Expect(s.Page.Locator("#report-title")).ToContainTextAsync("กรมทดสอบการประเมิน REPORT-J1");
        await Expect(s.Page.Locator("svg#radar-self-verified")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "report", output);
        await s.ScreenshotAsync("report-01-page-1366");

        var files = new Dictionary<string, (string Name, byte[] Start)>
        {
            ["#download-pdf"] = ($"pmqa-report-2570-REPORT-J1.pdf", "%PDF-"u8.ToArray()),
            ["#download-xlsx"] = ($"pmqa-report-2570-REPORT-J1.xlsx", "PK"u8.ToArray()),
            ["#download-docx"] = ($"pmqa-self-assessment-2570-REPORT-J1.docx", "PK"u8.ToArray()),
        };
        foreach (var (link, (name, start)) in files)
        {
            var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator(link).ClickAsync(), new() { Timeout = 60_000 });
            Assert.Equal(name, download.SuggestedFilename);
            var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}");
            await download.SaveAsAsync(path);
            var bytes = await File.ReadAllBytesAsync(path);
            File.Delete(path);
            Assert.True(bytes.Length > 1000 && bytes.AsSpan(0, start.Length).SequenceEqual(start), $"{name} is not a real file ({bytes.Length} bytes)");
        }

        await s.SwitchLanguageAsync("English", "en");
        await Expect(s.Page.Locator("#report-categories")).ToHaveTextAsync("Scores by category");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "report in English", output);
        await s.ScreenshotAsync("report-02-page-en");

        await using var phone = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await SignInAsync(phone, coordinator);
        await phone.GotoAsync($"/assessments/{assessment}/report");
        var wide = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(wide <= 390, $"the report is {wide} px wide at 390 px");
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "report at 390 px", output);
        await phone.ScreenshotAsync("report-03-page-390");
        s.AssertNoProblems();
        phone.AssertNoProblems();
    }

    private static async Task SignInAsync(BrowserSession s, string email)
    {
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(HomePath(), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/$")]
    private static partial Regex HomePath();
}
