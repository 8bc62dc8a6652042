using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The home work list gives each role its next step in one click, and every page a coordinator, an OPDC officer and
/// a reviewer can reach (found by following the links, from home) fits the screen at 390 px and 1366 px, with the
/// menu on one line at 1366 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PageTourTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Every_role_finds_its_next_step_at_home_and_every_reachable_page_fits_390_and_1366_px()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("TOUR");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        var setup = new ReviewSetup(app);
        var lead = await setup.OpdcPersonAsync("lead-tour@opdc.go.th", "นางสาวนำทีม ทัวร์", "reviewer");
        var second = await setup.OpdcPersonAsync("second-tour@opdc.go.th", "นายรอง ทัวร์", "reviewer");
        var officer = await setup.OpdcPersonAsync("officer-tour@opdc.go.th", "นางเจ้าหน้าที่ ทัวร์", "opdcOfficer");

        // The coordinator's home: the assessment with its deadline, one click away.
        await using (var c = await SignedInAsync(coordinator))
        {
            var link = c.Page.Locator("#my-assessments a", new() { HasTextString = "กรมทดสอบการประเมิน TOUR" });
            await Expect(c.Page.Locator("#my-assessments")).ToContainTextAsync("กำหนดส่ง");
            await link.ClickAsync();
            await c.Page.WaitForURLAsync($"**/assessments/{assessment}");
        }
        await setup.SubmitAndApproveAsync(assessment, coordinator, executive);

        // The officer's home: the assessment waiting for a review team, one click from the team page.
        await using (var o = await SignedInAsync(officer))
        {
            await o.Page.Locator("#opdc-queue a", new() { HasTextString = "กรมทดสอบการประเมิน TOUR" }).ClickAsync();
            await o.Page.WaitForURLAsync($"**/assessments/{assessment}/review-team");
            await o.Page.GetByLabel("หัวหน้าคณะ: นางสาวนำทีม ทัวร์").CheckAsync();
            await o.Page.GetByLabel("ผู้ตรวจ: นายรอง ทัวร์").CheckAsync();
            await o.Page.Locator("button", new() { HasTextString = "บันทึกคณะผู้ตรวจประเมิน" }).ClickAsync();
            await Expect(o.Page.Locator(".alert-success")).ToBeVisibleAsync();
        }

        // The reviewer's home: the review waiting; then the reviewer asks the agency a question.
        await using (var r = await SignedInAsync(second))
        {
            await Expect(r.Page.Locator("#reviews-waiting")).ToContainTextAsync("ยืนยันความเป็นกลาง");
            await r.Page.Locator("#reviews-waiting a").First.ClickAsync();
            await r.Page.WaitForURLAsync($"**/assessments/{assessment}/review");
        }
        await AskAsync(assessment, second);
        await setup.JudgeAllAsync(assessment, lead, levels: 1);

        // The coordinator's home now lists the question to answer, with its due date.
        await using (var c = await SignedInAsync(coordinator))
        {
            await Expect(c.Page.Locator("#clarifications-due")).ToContainTextAsync("ประเด็น 1.2");
            await Expect(c.Page.Locator("#unread-notifications")).ToBeVisibleAsync();
            await c.ScreenshotAsync("tour-home-coordinator-1366");
        }

        var failures = new List<string>();
        foreach (var (who, email) in new[] { ("coordinator", coordinator), ("officer", officer), ("reviewer", lead) })
        {
            await using var wide = await SignedInAsync(email, 1366, 768);
            await using var phone = await SignedInAsync(email, 390, 844);
            var pages = await CrawlAsync(wide, output);
            output.WriteLine($"{who}: {pages.Count} pages: {string.Join(" ", pages)}");
            Assert.True(pages.Count >= 5, $"{who} reached only {pages.Count} pages");
            foreach (var path in pages)
            {
                await wide.Page.GotoAsync(path);
                if (await OverflowAsync(wide.Page) is { } wideOverflow) failures.Add($"{who} 1366px {path}: {wideOverflow}");
                if (!await MenuOnOneLineAsync(wide.Page)) failures.Add($"{who} 1366px {path}: the menu wraps");
                await phone.Page.GotoAsync(path);
                if (await OverflowAsync(phone.Page) is { } phoneOverflow) failures.Add($"{who} 390px {path}: {phoneOverflow}");
                var name = Shot().Replace(path.Trim('/'), "-");
                if (name.Length == 0 || Keep().IsMatch(path)) { await phone.ScreenshotAsync($"tour-{who}-390-{(name.Length == 0 ? "home" : name)}"); }
            }
            await wide.ScreenshotAsync($"tour-{who}-1366-last");
        }
        Assert.True(failures.Count == 0, "Pages wider than the screen or a wrapped menu:\n" + string.Join("\n", failures));
    }

    /// <summary>Every page reachable by links from home (one of each kind: issue 1.1 stands for all issues).</summary>
    /// <remarks>A link that answers an error is written to the output and not followed (a notification may point at
    /// a page meant for another recipient, e.g. the review page in a message sent to the agency too).</remarks>
    private static async Task<List<string>> CrawlAsync(BrowserSession s, ITestOutputHelper output)
    {
        var seen = new HashSet<string>();
        var pages = new List<string>();
        var queue = new Queue<string>(["/"]);
        while (queue.Count > 0 && pages.Count < 60)
        {
            var path = queue.Dequeue();
            if (!seen.Add(Kind(path))) continue;
            var response = await s.Page.GotoAsync(path);
            if (response is not { Ok: true })
            {
                output.WriteLine($"link to {path} answered {response?.Status}: not followed");
                continue;
            }
            pages.Add(path);
            var hrefs = await s.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('header a[href], main a[href]')].map(a => a.href)");
            foreach (var href in hrefs)
            {
                if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Authority != new Uri(s.Page.Url).Authority) continue;
                var next = uri.AbsolutePath + uri.Query;
                if (Skip().IsMatch(next) || seen.Contains(Kind(next))) continue;
                queue.Enqueue(next);
            }
        }
        return pages;
    }

    /// <summary>The kind of page: ids and codes replaced, the query dropped.</summary>
    private static string Kind(string path) => Code().Replace(Guid().Replace(path.Split('?')[0], "{id}"), "/{code}");

    private static async Task<string?> OverflowAsync(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        if (scroll <= inner) return null;
        var culprit = await page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')).join(', ')
            """);
        return $"{scroll} px wide in a {inner} px window ({culprit})";
    }

    /// <summary>The brand, every menu link and the sign-out button sit on one line.</summary>
    private static Task<bool> MenuOnOneLineAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const items = [...document.querySelectorAll('.navbar-brand, #nav .nav-link, #nav button')].filter(e => e.offsetParent !== null);
          const tops = items.map(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; });
          return items.length > 2 && Math.max(...tops) - Math.min(...tops) < 12;
        }
        """);

    private async Task AskAsync(Guid assessment, string reviewer)
    {
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = app.BaseAddress };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = reviewer, password = AgencySetup.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        (await client.PostAsync($"/api/v1/assessments/{assessment}/review/declare-no-conflict", null)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/v1/assessments/{assessment}/clarifications", new
        {
            issueCode = "1.2", question = "ขอเอกสารแผนการสื่อสารองค์กรประกอบ", dueAt = DateTimeOffset.UtcNow.AddDays(7),
        })).EnsureSuccessStatusCode();
    }

    private async Task<BrowserSession> SignedInAsync(string email, int width = 1366, int height = 768)
    {
        var s = await BrowserSession.StartAsync(browser.Browser, app, "th", width, height);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
        return s;
    }

    [GeneratedRegex(@"/account/|handler=|\.(csv|xlsx|docx|pdf|ics|json)(\?|$)|/pdf$|/api/|/download|/logout|/openapi|/scalar", RegexOptions.IgnoreCase)]
    private static partial Regex Skip();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"/\d+(\.\d+)+")]
    private static partial Regex Code();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex Shot();

    [GeneratedRegex(@"^/$|^/assessments/[^/]+$|/evidence$|^/rounds/[^/]+$|/issues/|/review$|/clarifications$|/notifications$|/gaps$|/gaps/matrix$|/path$")]
    private static partial Regex Keep();
}
