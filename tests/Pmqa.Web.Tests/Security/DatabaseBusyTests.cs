using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>SQLite waits one second (not 30) for a lock, so the test sees the busy answer quickly.</summary>
public sealed class ImpatientSqliteApp : SqliteApp
{
    protected override string ConnectionString => base.ConnectionString + ";Default Timeout=1";

    public string File => new SqliteConnectionStringBuilder(ConnectionString).DataSource;
}

/// <summary>While another write holds the SQLite file (a long import), a save answers 503 "busy, try
/// again" with Retry-After: a problem document on the API, a friendly page in the browser; never a 500.</summary>
public sealed class DatabaseBusyTests(ImpatientSqliteApp app) : IClassFixture<ImpatientSqliteApp>
{
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        // Unpooled: closing it must end its transaction (a pooled connection would keep the lock).
        var connection = new SqliteConnection($"Data Source={app.File};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact]
    public async Task A_save_while_the_database_is_locked_answers_503_problem_with_Retry_After()
    {
        var admin = await app.AdminApiAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        await using (await HoldWriteLockAsync())
        {
            var response = await admin.PostAsJsonAsync("/api/v1/organizations",
                new { code = Seed.Unique("BUSY"), nameTh = "กรมรอ", nameEn = "Waiting Department", type = "department" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Busy, try again", (await response.JsonAsync()).GetProperty("title").GetString());
        }
        // Once the lock is gone the same save works.
        var retried = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = Seed.Unique("BUSY"), nameTh = "กรมรอ", nameEn = "Waiting Department", type = "department" });
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_while_the_database_is_locked_shows_a_Thai_busy_page()
    {
        var browser = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var fields = new Dictionary<string, string>
        {
            ["Input.Code"] = Seed.Unique("BUSY"), ["Input.Type"] = "department", ["Input.NameTh"] = "กรมรอ", ["Input.NameEn"] = "Waiting",
        };
        var page = await browser.GetHtmlAsync("/admin/organizations/create");
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await using (await HoldWriteLockAsync())
        {
            var response = await browser.PostAsync("/admin/organizations/create", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var html = await response.HtmlAsync();
            Assert.Contains("ระบบไม่ว่างชั่วคราว", html.QuerySelector("h1")!.TextContent);
        }
    }
}

/// <summary>Which database errors are a moment's contention (503 "busy, try again") rather than a fault.</summary>
public sealed class DatabaseBusyRuleTests
{
    private static Npgsql.PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Fact]
    public void A_deadlock_or_serialisation_failure_on_PostgreSQL_is_busy_wrapped_or_not()
    {
        Assert.True(Pmqa.Web.Infrastructure.Web.DatabaseBusy.Is(Postgres(Npgsql.PostgresErrorCodes.DeadlockDetected)));
        Assert.True(Pmqa.Web.Infrastructure.Web.DatabaseBusy.Is(new Microsoft.EntityFrameworkCore.DbUpdateException("save", Postgres("40001"))));
        Assert.NotNull(Pmqa.Web.Infrastructure.Web.TemporaryFault.Of(Postgres("40P01")));
    }

    [Fact]
    public void Other_database_errors_are_not_busy()
    {
        Assert.False(Pmqa.Web.Infrastructure.Web.DatabaseBusy.Is(Postgres(Npgsql.PostgresErrorCodes.UniqueViolation)));
        Assert.False(Pmqa.Web.Infrastructure.Web.DatabaseBusy.Is(new InvalidOperationException("x")));
        Assert.False(Pmqa.Web.Infrastructure.Web.DatabaseBusy.Is(null));
    }
}
