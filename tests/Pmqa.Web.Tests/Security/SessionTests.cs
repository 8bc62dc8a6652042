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
}

public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>;
