using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>A person signed in, in a browser of their own or on the API: the first step of every journey.</summary>
public static partial class SignIn
{
    public static async Task<BrowserSession> BrowserAsync(IBrowser browser, AppServer app, string email, int width = 1366, int height = 900,
        string language = "th")
    {
        var s = await BrowserSession.StartAsync(browser, app, language, width, height);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(Home(), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
        return s;
    }

    /// <summary>An API client with the person's bearer token (dispose it).</summary>
    public static async Task<HttpClient> ApiAsync(AppServer app, string email, string password = AgencySetup.Password)
    {
        var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }) { BaseAddress = app.BaseAddress };
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password })).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        return client;
    }

    [GeneratedRegex("/$")]
    private static partial Regex Home();
}
