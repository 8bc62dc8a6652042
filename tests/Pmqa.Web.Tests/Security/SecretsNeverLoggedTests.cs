using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>Keeps every formatted log line, with its exception and the values of its scopes, at any level.</summary>
public sealed class AllLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    public ConcurrentQueue<string> Lines { get; } = new();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(AllLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((s, list) => list.Add(s?.ToString() ?? ""), scopes);
            // The structured values too: a provider writing JSON prints them even when the message does not.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} | {values} | {string.Join(" ; ", scopes)}");
        }
    }
}

/// <summary>
/// Issue 13, "secrets never logged": the application runs with secrets in its configuration (SMTP password; the
/// database password on PostgreSQL) and logs at Information for every category, the most an operator can turn on
/// (a provider's own setting overrides the application's quieter defaults), and at Debug for EF Core and Npgsql.
/// Requests then touch every other secret: a sign-in form's password and its CSRF token, the session cookie, an API
/// bearer token, a failed sign-in, a password-reset link's token, and an exception (the e-mail server refuses the
/// SMTP credentials). No log line, exception or scope value may contain any of them.
/// </summary>
public abstract class SecretsNeverLoggedTests(PmqaApp app, ISecretsApp setup)
{
    [Fact]
    public async Task No_log_line_contains_a_secret()
    {
        var secrets = new Dictionary<string, string> { ["SMTP password"] = SecretsSetup.SmtpPassword };
        if (setup.DatabasePassword is { } dbPassword) secrets["database password"] = dbPassword;

        // A person whose password is a secret of its own.
        const string password = "Secret-sign-in-7Qx2";
        var admin = await app.AdminApiAsync();
        var email = $"{Seed.Unique("secret")}@agency.go.th";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { email, password, displayName = "Secret keeper" })).StatusCode);
        secrets["sign-in password"] = password;
        secrets["administrator password"] = PmqaApp.AdminPassword;

        // The sign-in form: the password and the CSRF token posted, the session cookie answered.
        var browser = app.Anonymous();
        var login = await browser.GetHtmlAsync("/account/login");
        var csrf = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = csrf,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        secrets["CSRF token"] = csrf;
        foreach (var cookie in signedIn.Headers.GetValues("Set-Cookie"))
        {
            var value = cookie.Split(';')[0].Split('=', 2)[1];
            if (value.Length >= 16) secrets["cookie " + cookie.Split('=')[0]] = value;
        }
        Assert.Contains("cookie pmqa.auth", secrets.Keys); // the session cookie
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // A failed sign-in, on the form and for a token.
        const string wrong = "Wrong-guess-9Kp4";
        secrets["wrong password"] = wrong;
        await app.Anonymous().PostFormAsync("/account/login", new() { ["Input.Email"] = email, ["Input.Password"] = wrong });
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { email, password = wrong })).StatusCode);

        // An API call with a bearer token, and one with a made-up token.
        var api = await app.ApiAsync(email, password);
        secrets["bearer token"] = api.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/practices")).StatusCode);
        var forged = app.Anonymous();
        const string forgedToken = "forged-token-5bd1c0e7a9";
        secrets["forged bearer token"] = forgedToken;
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forgedToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/practices")).StatusCode);

        // A password reset: the link's token travels in a query string; following it sets a new password.
        Assert.Equal(HttpStatusCode.Accepted, (await app.Anonymous().PostAsJsonAsync("/api/v1/auth/password-reset", new { email })).StatusCode);
        var body = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == email).Select(m => m.Body).SingleAsync());
        var link = Regex.Match(body, @"https?://[^/\s]+(?<path>/account/set-password\?\S+)").Groups["path"].Value;
        var token = Regex.Match(link, @"token=(?<t>[^&\s]+)").Groups["t"].Value;
        Assert.NotEmpty(token);
        secrets["reset token"] = token;
        secrets["reset token (decoded)"] = Uri.UnescapeDataString(token);
        const string newPassword = "Secret-reset-3Wm8";
        secrets["new password"] = newPassword;
        var reset = await app.Anonymous().PostFormAsync(link, new() { ["Input.Password"] = newPassword, ["Input.Confirm"] = newPassword });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        // The exception path: the outbox tries to send through a server that does not accept the credentials.
        setup.Mail.Server.Start();
        await WaitForAsync(() => setup.Logs.Lines.Any(l => l.Contains("Outbox", StringComparison.Ordinal)
            && (l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal))), TimeSpan.FromSeconds(30));
        Assert.Contains(setup.Logs.Lines, l => l.Contains("Outbox", StringComparison.Ordinal) && l.Contains("Exception", StringComparison.Ordinal));

        var leaks = (from line in setup.Logs.Lines
                     from secret in secrets
                     where line.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Key} in: {line}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        // The set-password requests were logged, their token masked (Observability/SecretRedaction.cs).
        Assert.Contains(setup.Logs.Lines, l => l.Contains("/account/set-password?user=", StringComparison.Ordinal) && l.Contains("token=***", StringComparison.Ordinal));
        Assert.True(setup.Logs.Lines.Count > 50, $"only {setup.Logs.Lines.Count} log lines were captured");
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (!condition() && DateTime.UtcNow < until) await Task.Delay(100);
    }
}

/// <summary>What the test needs of its app besides the app itself.</summary>
public interface ISecretsApp
{
    AllLogs Logs { get; }
    MailSetup Mail { get; }
    string? DatabasePassword { get; }
}

/// <summary>E-mail on with SMTP credentials the test server does not accept, and every log line captured.</summary>
public static class SecretsSetup
{
    public const string SmtpPassword = "Smtp-secret-Zr7Kq3";

    public static IDictionary<string, string?> With(IDictionary<string, string?> settings, MailSetup mail)
    {
        mail.With(settings);
        settings["Smtp:UserName"] = "pmqa-mailer";
        settings["Smtp:Password"] = SmtpPassword;
        return settings;
    }

    /// <summary>A provider's own filters win over the application's (Program.cs keeps Microsoft.* at Warning for
    /// every provider), as an operator's <c>Logging:Console:LogLevel</c> would.</summary>
    public static void Capture(IWebHostBuilder builder, AllLogs logs) =>
        builder.ConfigureLogging(l => l.AddProvider(logs)
            .AddFilter<AllLogs>(null, LogLevel.Information)
            .AddFilter<AllLogs>("Microsoft.EntityFrameworkCore", LogLevel.Debug)
            .AddFilter<AllLogs>("Npgsql", LogLevel.Debug));
}

public sealed class SecretsSqliteApp : SqliteApp, ISecretsApp
{
    public AllLogs Logs { get; } = new();
    public MailSetup Mail { get; } = new();
    public string? DatabasePassword => null; // Microsoft.Data.Sqlite takes a password only with SQLCipher
    protected override IDictionary<string, string?> Settings => SecretsSetup.With(base.Settings, Mail);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecretsSetup.Capture(builder, Logs);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class SecretsPostgresApp : PostgresApp, ISecretsApp
{
    public AllLogs Logs { get; } = new();
    public MailSetup Mail { get; } = new();
    // The test cluster trusts loopback, so the password is never checked, but it is in the connection string.
    public string? DatabasePassword => "Db-secret-Hn4Vw8";
    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(base.ConnectionString) { Password = DatabasePassword }.ConnectionString;
    protected override IDictionary<string, string?> Settings => SecretsSetup.With(base.Settings, Mail);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SecretsSetup.Capture(builder, Logs);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

public sealed class SecretsNeverLoggedTests_Sqlite(SecretsSqliteApp app) : SecretsNeverLoggedTests(app, app), IClassFixture<SecretsSqliteApp>;
public sealed class SecretsNeverLoggedTests_Postgres(SecretsPostgresApp app) : SecretsNeverLoggedTests(app, app), IClassFixture<SecretsPostgresApp>;
