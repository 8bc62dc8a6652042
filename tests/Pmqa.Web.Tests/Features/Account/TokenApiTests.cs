using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Account;

public abstract class TokenApiTests(PmqaApp app)
{
    [Fact]
    public async Task A_token_for_email_and_password_authorises_api_calls_and_is_stored_only_as_a_hash()
    {
        var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PmqaApp.AdminEmail, password = PmqaApp.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var token = body.GetProperty("token").GetString()!;
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        Assert.False(await app.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.TokenHash == token)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_problem_naming_the_password_field()
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = PmqaApp.AdminEmail, password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task A_revoked_token_no_longer_works()
    {
        var client = await app.AdminApiAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_unauthorised()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pmqa_made-up");
        var response = await client.GetAsync("/api/v1/frameworks");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync();
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = "not-the-password-1" });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = Seed.Password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("locked", (await response.Content.ReadAsStringAsync()).ToLowerInvariant().Replace("ล็อก", "locked"));
    }
}

public sealed class TokenApiTests_Sqlite(SqliteApp app) : TokenApiTests(app), IClassFixture<SqliteApp>;
public sealed class TokenApiTests_Postgres(PostgresApp app) : TokenApiTests(app), IClassFixture<PostgresApp>;
