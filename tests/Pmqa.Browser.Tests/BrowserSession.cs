using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pmqa.Browser.Tests;

/// <summary>
/// One person's browser (a fresh context: no cookies) on the app, with the steps the tests share. It notes
/// every console error and every failed request, so a missing stylesheet, font or script, or a script the
/// Content-Security-Policy blocks, fails the test that caused it.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly AppServer _app;
    private readonly List<string> _problems = [];

    private BrowserSession(AppServer app, IBrowserContext context, IPage page)
    {
        _app = app;
        Context = context;
        Page = page;
        page.Console += (_, m) => { if (m.Type == "error" && !IsFavicon(m.Location)) _problems.Add($"console: {m.Text} ({m.Location})"); };
        page.PageError += (_, e) => _problems.Add($"script error: {e}");
        page.RequestFailed += (_, r) => _problems.Add($"request failed: {r.Method} {r.Url} {r.Failure}");
        page.Response += (_, r) =>
        {
            // The validation round trip answers 200; only a broken link or asset answers 4xx/5xx here.
            if (r.Status >= 400 && !IsFavicon(r.Url)) _problems.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url}");
        };
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public IReadOnlyList<string> Problems => _problems;

    /// <param name="language">"th" or "en" to start with that language cookie, as a returning browser would;
    /// null for a browser that never chose (then the app shows Thai, or the account's preferred language after sign-in).</param>
    public static async Task<BrowserSession> StartAsync(IBrowser browser, AppServer app, string? language = null, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            IgnoreHTTPSErrors = true, // the test server's certificate is self-signed
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB", // the app must show Thai anyway: pages ignore the browser's Accept-Language
            TimezoneId = "Asia/Bangkok",
        });
        context.SetDefaultTimeout(15_000);
        if (language is not null)
        {
            var culture = language == "en" ? "en-GB" : "th-TH";
            await context.AddCookiesAsync([new() { Name = ".pmqa.language", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.ToString(), Secure = true }]);
        }
        return new BrowserSession(app, context, await context.NewPageAsync());
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
    }

    public async Task SignInAsAdministratorAsync()
    {
        await GotoAsync("/account/login");
        await Page.Locator("#Input_Email").FillAsync(AppServer.AdminEmail);
        await Page.Locator("#Input_Password").FillAsync(AppServer.AdminPassword);
        await Page.Locator("main form button[type=submit]").ClickAsync();
        await Page.WaitForURLAsync(_app.Url("/"));
    }

    /// <summary>Fills the add-an-organisation form (already open) and saves it.</summary>
    public async Task FillOrganizationAsync(string code, string nameTh, string nameEn, string type = "department")
    {
        await Page.Locator("#Input_Code").FillAsync(code);
        await Page.Locator("#Input_Type").SelectOptionAsync(type);
        await Page.Locator("#Input_NameTh").FillAsync(nameTh);
        await Page.Locator("#Input_NameEn").FillAsync(nameEn);
        await Page.Locator("#Input_ParentCode").SelectOptionAsync("");
    }

    public Task SaveAsync() => Page.Locator("main form button[type=submit]").ClickAsync();

    /// <summary>Creates an organisation through the form and returns its page's path.</summary>
    public async Task<string> CreateOrganizationAsync(string code, string nameTh, string nameEn)
    {
        await GotoAsync("/admin/organizations/create");
        await FillOrganizationAsync(code, nameTh, nameEn);
        await SaveAsync();
        await Page.WaitForURLAsync(OrganizationPage());
        return new Uri(Page.Url).AbsolutePath;
    }

    /// <summary>Presses the language button in the menu and waits for the page to come back in that language.</summary>
    public async Task SwitchLanguageAsync(string buttonText, string expectedLang)
    {
        var pathBefore = new Uri(Page.Url).PathAndQuery;
        await Page.Locator("form[action='/account/language'] button", new() { HasTextString = buttonText }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        AssertNoProblems();
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", expectedLang);
        Assert.Equal(pathBefore, new Uri(Page.Url).PathAndQuery);
    }

    /// <summary>A full-page PNG under artifacts/screenshots/, once the web fonts have loaded.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.EvaluateAsync("() => document.fonts.ready");
        await Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot(name), FullPage = true });
    }

    /// <summary>True once the page has drawn Thai text with the Sarabun web font (not a fallback).</summary>
    public Task<bool> ThaiWebFontLoadedAsync() => Page.EvaluateAsync<bool>("""
        async () => {
          await document.fonts.ready;
          const coversThai = range => range.split(',').some(part => {
            const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
            return parseInt(from.replaceAll('?', '0'), 16) <= 0x0E01 && 0x0E01 <= parseInt((to ?? from).replaceAll('?', 'F'), 16);
          });
          return [...document.fonts].some(f => f.family.replaceAll('"', '') === 'Sarabun'
            && f.status === 'loaded' && coversThai(f.unicodeRange));
        }
        """);

    public void AssertNoProblems() =>
        Assert.True(_problems.Count == 0, "The browser saw problems:\n" + string.Join("\n", _problems));

    // The app has no favicon; browsers ask for one on every page. Noted in the report, not a page defect.
    private static bool IsFavicon(string url) => url.Contains("/favicon.ico", StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    [GeneratedRegex(@"/organizations/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex OrganizationPage();
}
