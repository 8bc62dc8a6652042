using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Users;

public abstract class UserApiTests(PmqaApp app)
{
    [Fact]
    public async Task An_invited_person_sets_a_password_through_the_link_and_signs_in()
    {
        var admin = await app.AdminApiAsync();
        var email = $"{Seed.Unique("invitee")}@agency.go.th";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "ผู้ได้รับเชิญ" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var link = new Uri((await created.JsonAsync()).GetProperty("setPasswordLink").GetString()!);

        var browser = app.Anonymous();
        var tooShort = await browser.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "short1", ["Input.Confirm"] = "short1" });
        Assert.Contains("10", (await tooShort.HtmlAsync()).QuerySelector("#Input_Password-error")!.TextContent);

        var set = await browser.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "Chosen-pass-2026", ["Input.Confirm"] = "Chosen-pass-2026" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await app.ApiAsync(email, "Chosen-pass-2026");

        var reused = await browser.PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "Another-pass-2026", ["Input.Confirm"] = "Another-pass-2026" });
        Assert.NotNull((await reused.HtmlAsync()).QuerySelector(".alert-danger"));
    }

    [Fact]
    public async Task A_disabled_person_loses_their_tokens_and_cannot_sign_in_until_enabled()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync();
        var client = await app.ApiAsync(person.Email, Seed.Password);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{person.Id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/frameworks")).StatusCode);
        var refused = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = Seed.Password });
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync().ContinueWith(t => t.Result.Replace("ระงับ", "disabled")));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{person.Id}/enable", null)).StatusCode);
        await app.ApiAsync(person.Email, Seed.Password);
    }

    [Fact]
    public async Task A_password_reset_link_replaces_the_old_password()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync();
        var link = new Uri((await (await admin.PostAsync($"/api/v1/users/{person.Id}/password-reset", null)).JsonAsync()).GetProperty("link").GetString()!);
        await app.Anonymous().PostFormAsync(link.PathAndQuery, new() { ["Input.Password"] = "Reset-pass-2026", ["Input.Confirm"] = "Reset-pass-2026" });
        var old = await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email = person.Email, password = Seed.Password });
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        await app.ApiAsync(person.Email, "Reset-pass-2026");
    }

    [Fact]
    public async Task Weak_passwords_and_bad_emails_are_named_fields()
    {
        var admin = await app.AdminApiAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { email = "not-an-email", password = "x", displayName = "" });
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = $"{Seed.Unique("weak")}@agency.go.th", password = "abc", displayName = "อ่อน" });
        Assert.True((await weak.JsonAsync()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Users_can_be_searched_by_name_or_email()
    {
        var admin = await app.AdminApiAsync();
        var person = await admin.PersonAsync();
        var page = await (await admin.GetAsync($"/api/v1/users?search={person.Email[..12]}")).JsonAsync();
        Assert.Equal(person.Email, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("email").GetString());
    }
}

public sealed class UserApiTests_Sqlite(SqliteApp app) : UserApiTests(app), IClassFixture<SqliteApp>;
public sealed class UserApiTests_Postgres(PostgresApp app) : UserApiTests(app), IClassFixture<PostgresApp>;
