using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Account;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Account;

/// <summary>
/// "Forgot password" on the sign-in page and at <c>POST /api/v1/auth/password-reset</c>: an enabled account gets
/// an e-mail (through the outbox) with a one-time link to the set-password page; every requester gets the same
/// answer, whether the address has an account or not and whether or not the request was rate-limited.
/// Each test comes from its own client address, so the per-client limit of one test does not reach another.
/// </summary>
public abstract partial class ForgotPasswordTests(PmqaApp app, MailSetup mail)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_known_address_gets_one_mail_whose_link_sets_a_password_once()
    {
        mail.Server.Start();
        var person = await (await app.AdminApiAsync()).PersonAsync();
        var client = From("192.0.2.1");

        var answer = await AskOnPageAsync(client, person.Email);

        Assert.Equal(SameAnswer(person.Email), Normalised(answer, person.Email));
        var outbox = await OutboxAsync(person.Email);
        var message = Assert.Single(outbox);
        Assert.Equal("[PMQA 4.0] ตั้งรหัสผ่านใหม่", message.Subject);
        Assert.Contains("ภายใน 3 วัน", message.Body);
        var delivered = await mail.Server.WaitForAsync(person.Email, Patience);
        var link = LinkIn(delivered.Body);

        const string newPassword = "Forgot-pass-2027";
        var set = await client.PostFormAsync(link, SetPasswordFields(newPassword));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("ตั้งรหัสผ่านเรียบร้อยแล้ว", await set.Content.ReadAsStringAsync());
        await app.BrowserAsync(person.Email, newPassword);

        // The same link a second time is refused, and the password stays the one chosen.
        var again = await From("192.0.2.1").PostFormAsync(link, SetPasswordFields("Another-pass-2028"));
        var page = await again.HtmlAsync();
        Assert.Contains("ลิงก์", page.QuerySelector(".alert-danger")?.TextContent ?? "(no error shown)");
        Assert.Null(page.QuerySelector(".alert-success"));
        await app.BrowserAsync(person.Email, newPassword);

        var audit = await AuditAsync(person.Id.ToString());
        Assert.Contains(RequestPasswordReset.Outcomes.Mailed, Assert.Single(audit).ChangesJson);
    }

    [Fact]
    public async Task An_unknown_or_disabled_address_gets_the_same_answer_and_no_mail()
    {
        var admin = await app.AdminApiAsync();
        var disabled = await admin.PersonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{disabled.Id}/disable", null)).StatusCode);
        var unknown = $"{Seed.Unique("nobody")}@agency.go.th";
        var client = From("192.0.2.2");

        Assert.Equal(SameAnswer(unknown), Normalised(await AskOnPageAsync(client, unknown), unknown));
        Assert.Equal(SameAnswer(disabled.Email), Normalised(await AskOnPageAsync(client, disabled.Email), disabled.Email));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = unknown })).StatusCode);

        Assert.Empty(await OutboxAsync(unknown));
        Assert.Empty(await OutboxAsync(disabled.Email));
        // The administrators' record says what happened; the requester was never told.
        var unknownAudit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == RequestPasswordReset.AuditType && a.ChangesJson.Contains(unknown)).ToListAsync());
        Assert.Equal(2, unknownAudit.Count);
        Assert.All(unknownAudit, a => Assert.Contains(RequestPasswordReset.Outcomes.UnknownAddress, a.ChangesJson));
        Assert.Contains(RequestPasswordReset.Outcomes.Disabled, Assert.Single(await AuditAsync(disabled.Id.ToString())).ChangesJson);
        var trail = await (await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword)).GetHtmlAsync($"/audit?entityType={RequestPasswordReset.AuditType}");
        Assert.Contains($"ขอลิงก์ตั้งรหัสผ่านใหม่สำหรับ {unknown} จาก 192.0.2.2: ไม่มีบัญชีที่ใช้อีเมลนี้", trail.Body!.TextContent);
    }

    [Fact]
    public async Task The_api_answers_202_and_mails_in_the_person_s_language()
    {
        var email = $"{Seed.Unique("english")}@agency.go.th";
        var created = await (await app.AdminApiAsync()).PostAsJsonAsync("/api/v1/users",
            new { email, password = Seed.Password, displayName = "English reader", language = "en" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await From("192.0.2.3").PostAsJsonAsync("/api/v1/auth/password-reset", new { email = email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("หากอีเมลนี้เป็นของบัญชีผู้ใช้ในระบบ", (await response.JsonAsync()).GetProperty("message").GetString());
        var message = Assert.Single(await OutboxAsync(email));
        Assert.Equal("[PMQA 4.0] Set a new password", message.Subject);
        Assert.Contains("within 3 days", message.Body);
        Assert.Matches(@"https://pmqa\.example\.go\.th/account/set-password\?user=", message.Body);
    }

    [Fact]
    public async Task A_malformed_address_is_refused_at_the_field_and_as_a_problem()
    {
        var client = From("192.0.2.4");
        var page = await (await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = "not an address" })).HtmlAsync();
        Assert.Contains("อีเมล", page.QuerySelector("#Input_Email-error")?.TextContent ?? "(no message at the field)");
        Assert.Equal("not an address", page.QuerySelector("#Input_Email")?.GetAttribute("value"));

        var response = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Requests_are_limited_per_address_with_the_same_answer_and_no_more_mail()
    {
        var person = await (await app.AdminApiAsync()).PersonAsync();
        // Two per address per hour (ResetApp's setting), from any client.
        await AskOnPageAsync(From("192.0.2.10"), person.Email);
        await AskOnPageAsync(From("192.0.2.11"), person.Email);

        var limited = await AskOnPageAsync(From("192.0.2.12"), person.Email);

        Assert.Equal(SameAnswer(person.Email), Normalised(limited, person.Email));
        Assert.Equal(2, (await OutboxAsync(person.Email)).Count);
    }

    [Fact]
    public async Task Requests_are_limited_per_client_with_the_same_answer_and_no_mail()
    {
        var person = await (await app.AdminApiAsync()).PersonAsync();
        var client = From("192.0.2.20");
        // Four per client per hour (ResetApp's setting), whatever the addresses.
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Accepted,
                (await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = $"{Seed.Unique("probe")}@agency.go.th" })).StatusCode);

        Assert.Equal(SameAnswer(person.Email), Normalised(await AskOnPageAsync(client, person.Email), person.Email));
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { email = person.Email })).StatusCode);
        Assert.Empty(await OutboxAsync(person.Email));

        // Another client may still ask for the same address.
        await AskOnPageAsync(From("192.0.2.21"), person.Email);
        Assert.Single(await OutboxAsync(person.Email));
    }

    [Fact]
    public async Task The_sign_in_page_links_to_the_request_page()
    {
        var login = await app.Anonymous().GetHtmlAsync("/account/login");
        var link = login.QuerySelector("a#forgot-password");
        Assert.Equal("/account/forgot-password", link?.GetAttribute("href"));
        Assert.Equal("ลืมรหัสผ่าน?", link!.TextContent.Trim());
    }

    private HttpClient From(string address)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(PeerFromHeader.Header, address);
        return client;
    }

    /// <summary>Asks on the page and returns the answer shown.</summary>
    private static async Task<string> AskOnPageAsync(HttpClient client, string email)
    {
        var response = await client.PostFormAsync("/account/forgot-password", new() { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.HtmlAsync()).QuerySelector("#reset-requested")?.TextContent ?? "(no answer shown)";
    }

    /// <summary>The answer with the address typed taken out (it repeats the address back), spaces folded.</summary>
    private static string Normalised(string answer, string email) => Spaces().Replace(answer.Replace(email, "…"), " ").Trim();

    private static string SameAnswer(string email) => Normalised(
        $"หากอีเมล {email} เป็นของบัญชีผู้ใช้ในระบบ เราได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปที่อีเมลนั้นแล้ว ลิงก์ใช้ได้ครั้งเดียว ภายใน 3 วัน หากไม่พบอีเมล กรุณาดูในโฟลเดอร์อีเมลขยะ หรือติดต่อผู้ดูแลระบบของหน่วยงาน", email);

    private static Dictionary<string, string> SetPasswordFields(string password) =>
        new() { ["Input.Password"] = password, ["Input.Confirm"] = password };

    /// <summary>The set-password link in a mail, as a path on this test server.</summary>
    private static string LinkIn(string body)
    {
        var match = Regex.Match(body, @"https://pmqa\.example\.go\.th(?<path>/account/set-password\?\S+)");
        Assert.True(match.Success, "The mail has no set-password link:\n" + body);
        return match.Groups["path"].Value;
    }

    private Task<List<OutboxMessage>> OutboxAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).ToListAsync());

    private Task<List<AuditEntry>> AuditAsync(string key) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == RequestPasswordReset.AuditType && a.EntityKey == key).ToListAsync());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>Settings for the tests above: e-mail on, small limits, the client address from a header.</summary>
public static class ResetApp
{
    public static IDictionary<string, string?> With(IDictionary<string, string?> settings, MailSetup mail)
    {
        mail.With(settings);
        settings["RateLimiting:PasswordResetsPerAddressPerHour"] = "2";
        settings["RateLimiting:PasswordResetsPerClientPerHour"] = "4";
        return settings;
    }
}

public sealed class ResetSqliteApp : SqliteApp
{
    public MailSetup Mail { get; } = new();
    protected override IDictionary<string, string?> Settings => ResetApp.With(base.Settings, Mail);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerFromHeader.AddTo(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class ResetPostgresApp : PostgresApp
{
    public MailSetup Mail { get; } = new();
    protected override IDictionary<string, string?> Settings => ResetApp.With(base.Settings, Mail);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerFromHeader.AddTo(builder);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class ForgotPasswordTests_Sqlite(ResetSqliteApp app) : ForgotPasswordTests(app, app.Mail), IClassFixture<ResetSqliteApp>;
public sealed class ForgotPasswordTests_Postgres(ResetPostgresApp app) : ForgotPasswordTests(app, app.Mail), IClassFixture<ResetPostgresApp>;
