using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The library of good practice (ADR 0022): a certified agency's coordinator shares issue 1.1 from its issue page with
/// a file, OPDC approves it from the queue, and another agency's coordinator, working on its gaps, follows "see how
/// others did it", finds the example by a Thai word inside a sentence and opens it. axe-clean at 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PracticeJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    private const string Explanation = "ผู้บริหารถ่ายทอดวิสัยทัศน์ผ่านเวทีประชุมประจำเดือนและติดตามผลด้วยระบบสารสนเทศทุกไตรมาส";

    [Fact]
    public async Task An_agency_shares_OPDC_approves_and_another_agency_finds_it_by_a_Thai_search_from_its_gap_list()
    {
        var setup = new AgencySetup(app);
        var (sharer, sharerCoordinator, _) = await setup.CreateAsync("PRC-J1");
        using (var api = await ApiAsync(sharerCoordinator))
        {
            var url = $"/api/v1/assessments/{sharer}/issues/1.1";
            var put = new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = JsonContent.Create(new { @checked = new[] { "1.1.B1" }, explanations = new Dictionary<string, string> { ["Advance"] = Explanation } }),
            };
            put.Headers.IfMatch.Add((await api.GetAsync(url)).Headers.ETag!);
            (await api.SendAsync(put)).EnsureSuccessStatusCode();
            var file = new MultipartFormDataContent
            {
                { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "แผนการสื่อสารวิสัยทัศน์.pdf" },
                { new StringContent("1.1"), "issueCodes" },
            };
            (await api.PostAsync($"/api/v1/assessments/{sharer}/evidence", file)).EnsureSuccessStatusCode();
        }
        await CertifyAsync(sharer);
        var (reader, readerCoordinator, _) = await setup.CreateAsync("PRC-J2");

        // The coordinator shares from the issue page.
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await SignInAsync(s, sharerCoordinator);
        await s.GotoAsync($"/assessments/{sharer}/issues/1.1");
        await s.Page.Locator("[data-practices-link] a", new() { HasTextString = "แบ่งปันเป็นตัวอย่าง" }).ClickAsync();
        await s.Page.WaitForURLAsync($"**/assessments/{sharer}/practices/1.1");
        await Expect(s.Page.Locator(".practice-text")).ToContainTextAsync("วิสัยทัศน์");
        await s.Page.Locator("#share-form input[type=checkbox]").First.CheckAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, "share form", output);
        await s.Page.Locator("#share-practice").ClickAsync();
        await Expect(s.Page.Locator("#share-status")).ToContainTextAsync("รอสำนักงาน ก.พ.ร. พิจารณา");
        await s.ScreenshotAsync("practices-01-shared-1366");

        // OPDC approves from its queue.
        await using var opdc = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await opdc.SignInAsAdministratorAsync();
        await opdc.GotoAsync("/practices/pending");
        await AxeCheck.AssertNoSeriousViolationsAsync(opdc.Page, "approval queue", output);
        await opdc.Page.Locator("#practice-queue a", new() { HasTextString = "1.1" }).First.ClickAsync();
        await Expect(opdc.Page.Locator("#practice-source")).ToContainTextAsync("PRC-J1");
        await AxeCheck.AssertNoSeriousViolationsAsync(opdc.Page, "example awaiting a decision", output);
        await opdc.Page.Locator("#approve-practice").ClickAsync();
        await Expect(opdc.Page.Locator(".alert-success")).ToContainTextAsync("อนุมัติแล้ว");

        // Another agency, on its gap list, follows the link and searches for a word inside the sentence.
        await using var other = await BrowserSession.StartAsync(browser.Browser, app, "th", 1366, 900);
        await SignInAsync(other, readerCoordinator);
        await other.GotoAsync($"/assessments/{reader}/gaps");
        await other.Page.Locator("#gap-1-1 [data-practices-link] a").ClickAsync();
        await other.Page.WaitForURLAsync(new Regex(@"/practices\?issue=1\.1$"));
        await other.Page.Locator("#q").FillAsync("สารสนเทศ");
        await other.Page.Locator("#practice-search button[type=submit]").ClickAsync();
        var result = other.Page.Locator("#practice-results li", new() { HasTextString = "PRC-J1" });
        await Expect(result.Locator("mark").First).ToHaveTextAsync("สารสนเทศ");
        await AxeCheck.AssertNoSeriousViolationsAsync(other.Page, "library search", output);
        await other.ScreenshotAsync("practices-02-search-1366");
        await result.Locator("h2 a").ClickAsync();
        await Expect(other.Page.Locator("main h1")).ToContainTextAsync("1.1");
        await Expect(other.Page.Locator("#practice-files a")).ToContainTextAsync("แผนการสื่อสารวิสัยทัศน์.pdf");
        await Expect(other.Page.Locator("#approve-practice")).ToHaveCountAsync(0);
        await AxeCheck.AssertNoSeriousViolationsAsync(other.Page, "example", output);
        await other.SwitchLanguageAsync("English", "en");
        await Expect(other.Page.Locator("#practice-source")).ToContainTextAsync("Verified level");

        // A phone: the library and the example fit 390 px.
        await using var phone = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        await SignInAsync(phone, readerCoordinator);
        foreach (var path in new[] { "/practices?issue=1.1&q=" + Uri.EscapeDataString("วิสัยทัศน์"), other.Page.Url[other.Page.Url.IndexOf("/practices/", StringComparison.Ordinal)..] })
        {
            await phone.GotoAsync(path);
            var wide = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(wide <= 390, $"{path} is {wide} px wide at 390 px");
            await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, $"{path} at 390 px", output);
        }
        await phone.ScreenshotAsync("practices-03-example-390");
        s.AssertNoProblems();
        opdc.AssertNoProblems();
        other.AssertNoProblems();
        phone.AssertNoProblems();
    }

    /// <summary>The end of a review written straight to the database: certified, issue 1.1 verified at Advance.</summary>
    private async Task CertifyAsync(Guid assessmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
        var score = JsonSerializer.Serialize(new
        {
            total = 420m, status = "Advance", siteVisitEligible = true, categories = Array.Empty<object>(),
            issues = new[] { new { code = "1.1", score = 420m, level = "Advance" } }, dimensions = Array.Empty<object>(),
        });
        assessment.State = Pmqa.Domain.Assessments.AssessmentState.Certified;
        assessment.VerifiedScoreJson = assessment.FinalScoreJson = score;
        assessment.VerifiedTotal = assessment.FinalTotal = 420m;
        await db.SaveChangesAsync();
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = app.BaseAddress };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = AgencySetup.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }

    private static async Task SignInAsync(BrowserSession s, string email)
    {
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
    }
}
