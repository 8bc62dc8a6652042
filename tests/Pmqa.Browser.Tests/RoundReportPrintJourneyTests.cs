using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pmqa.Web.Features.Certificates;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// ADR 0038: OPDC prints every agency's report of a round as one job from the round's page: starts it, sees the progress
/// turn into a download link without reloading, downloads the ZIP (one PDF per agency, named by code and Thai name).
/// axe-clean at 1366 px and at 390 px, where the page does not scroll sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RoundReportPrintJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task OPDC_starts_printing_every_report_of_the_round_sees_it_finish_and_downloads_the_ZIP()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("RPRINT-J1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        await new ReviewSetup(app).SubmitAndApproveAsync(assessment, coordinator, executive);
        using var opdc = await SignIn.ApiAsync(app, AppServer.AdminEmail, AppServer.AdminPassword);
        var rounds = await opdc.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        var round = rounds.EnumerateArray().Single(r => r.GetProperty("fiscalYear").GetInt32() == 2570).GetProperty("id").GetGuid();

        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await SignInAsync(s);
        await s.GotoAsync($"/rounds/{round}");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "round with the report printing section", output);
        // Every print slot held (as if people's own downloads took them all): the job waits, and the page shows it waiting.
        var slots = app.Services.GetRequiredService<PrintSlots>();
        var held = new List<IDisposable>();
        for (var i = 0; i < slots.Count; i++) held.Add(await slots.EnterAsync());
        try
        {
            await s.Page.Locator("#report-prints-start").ClickAsync();
            await s.Page.WaitForURLAsync($"**/rounds/{round}");
            await Expect(s.Page.Locator("main [role=status]").First).ToContainTextAsync("เริ่มพิมพ์รายงานทุกหน่วยงานแล้ว");
            await Expect(s.Page.Locator("#report-prints-progress")).ToContainTextAsync("0 จาก 1 หน่วยงาน");
            await Expect(s.Page.Locator("#report-prints progress")).ToHaveAttributeAsync("max", "1");
            await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "round while its reports print", output);
            await s.ScreenshotAsync("round-prints-00-progress-1366");
        }
        finally
        {
            foreach (var slot in held) slot.Dispose();
        }
        // The section turns into the download link without the page being reloaded.
        await Expect(s.Page.Locator("#report-prints-download")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(s.Page.Locator("#report-prints-done")).ToContainTextAsync("1 ไฟล์");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "round with the ZIP ready", output);
        await s.ScreenshotAsync("round-prints-01-done-1366");

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("#report-prints-download").ClickAsync(), new() { Timeout = 60_000 });
        Assert.Equal("pmqa-reports-2570.zip", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        using (var zip = ZipFile.OpenRead(path))
        {
            var entry = Assert.Single(zip.Entries);
            Assert.Equal("RPRINT-J1 กรมทดสอบการประเมิน RPRINT-J1.pdf", entry.FullName);
            using var pdf = entry.Open();
            var start = new byte[5];
            pdf.ReadExactly(start);
            Assert.Equal("%PDF-"u8.ToArray(), start);
        }
        File.Delete(path);

        await s.SwitchLanguageAsync("English", "en");
        await Expect(s.Page.Locator("#report-prints-title")).ToHaveTextAsync("Every agency's report (PDF)");
        await Expect(s.Page.Locator("#report-prints-download")).ToHaveTextAsync("Download the ZIP");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "round in English", output);

        await using var phone = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await SignInAsync(phone);
        await phone.GotoAsync($"/rounds/{round}");
        await Expect(phone.Page.Locator("#report-prints-download")).ToBeVisibleAsync();
        var wide = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(wide <= 390, $"the round's page is {wide} px wide at 390 px");
        await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, "round at 390 px", output);
        await phone.Page.Locator("#report-prints").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync("round-prints-02-390");
        s.AssertNoProblems();
        phone.AssertNoProblems();
    }

    private static async Task SignInAsync(BrowserSession s)
    {
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(AppServer.AdminEmail);
        await s.Page.Locator("#Input_Password").FillAsync(AppServer.AdminPassword);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(HomePath(), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/$")]
    private static partial Regex HomePath();
}
