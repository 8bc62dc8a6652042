using System.Net;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>Sign-in cookies end on the server: a copy taken before sign-out or before the account was
/// disabled opens nothing afterwards, and nothing breaks for the person or the sign-in page.</summary>
public abstract class SessionTests(PmqaApp app)
{
    private static string AuthCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pmqa.auth=")).Split(';')[0];

    /// <summary>A client without a cookie jar that sends exactly the given cookie, as a stolen copy would.</summary>
    private HttpClient Replaying(string cookie)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(string email, string password)
    {
        var browser = app.Anonymous();
        var response = await browser.PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (browser, AuthCookie(response));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_afterwards()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync(await admin.OrganizationAsync());
        var (browser, cookie) = await SignInAsync(person.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync("/notifications")).StatusCode);

        var signOut = await browser.PostFormAsync("/account/logout", [], "/");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await Replaying(cookie).GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/login", replay.Headers.Location!.PathAndQuery);
        // The person can sign in again, and the new session works.
        var (_, fresh) = await SignInAsync(person.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(fresh).GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_persons_cookie_is_refused_at_once_cleanly_and_works_again_after_enabling_and_signing_in()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync(await admin.OrganizationAsync());
        var (_, cookie) = await SignInAsync(person.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync("/notifications")).StatusCode);

        Assert.True((await admin.PostAsync($"/api/v1/users/{person.Id}/disable", null)).IsSuccessStatusCode);
        var refused = await Replaying(cookie).GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery);
        // The refused cookie is removed, and the sign-in page (with or without it) still works.
        Assert.Contains(refused.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pmqa.auth=;"));
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replaying(cookie).GetAsync("/api/v1/notifications")).StatusCode);

        Assert.True((await admin.PostAsync($"/api/v1/users/{person.Id}/enable", null)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Replaying(cookie).GetAsync("/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(cookie).GetAsync("/account/login")).StatusCode);
        var (_, fresh) = await SignInAsync(person.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await Replaying(fresh).GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task Cookies_a_visitor_had_before_signing_in_do_not_become_a_session()
    {
        // Session fixation: someone who planted or copied the cookies of the sign-in page (antiforgery, language)
        // must not be signed in when the victim signs in with them; the session cookie is minted at sign-in.
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync(await admin.OrganizationAsync());
        var victim = app.Anonymous();
        var loginPage = await victim.GetAsync("/account/login");
        var planted = string.Join("; ", loginPage.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
        Assert.DoesNotContain("pmqa.auth=", planted);

        var signIn = await victim.PostFormAsync("/account/login", new() { ["Input.Email"] = person.Email, ["Input.Password"] = Seed.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = AuthCookie(signIn);
        Assert.DoesNotContain(session, planted);

        var attacker = await Replaying(planted).GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, attacker.StatusCode);
        Assert.StartsWith("/account/login", attacker.Headers.Location!.PathAndQuery);
        // Each sign-in mints its own session: a second one does not reuse the first one's cookie.
        var (_, second) = await SignInAsync(person.Email, Seed.Password);
        Assert.NotEqual(session, second);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https:evil.example")]
    public async Task Sign_in_and_the_language_switch_never_redirect_to_another_site(string returnUrl)
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync(await admin.OrganizationAsync());
        var browser = app.Anonymous();
        var escaped = Uri.EscapeDataString(returnUrl);
        var signIn = await browser.PostFormAsync($"/account/login?ReturnUrl={escaped}",
            new() { ["Input.Email"] = person.Email, ["Input.Password"] = Seed.Password }, "/account/login");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);

        var language = await browser.PostFormAsync("/account/language", new() { ["language"] = "en", ["returnUrl"] = returnUrl }, "/");
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/", language.Headers.Location!.OriginalString);

        // A local address is still honoured.
        var local = await browser.PostFormAsync("/account/language", new() { ["language"] = "th", ["returnUrl"] = "/notifications" }, "/");
        Assert.Equal("/notifications", local.Headers.Location!.OriginalString);
    }
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
