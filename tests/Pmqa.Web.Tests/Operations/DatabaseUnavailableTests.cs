using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pmqa.Data;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Operations;

/// <summary>Stands in for PostgreSQL going away: while <see cref="Failure"/> is set, every connection the
/// application opens fails with it, as during a restart (refused connections, "terminating connection due to
/// administrator command"). bench/pg-restart-drill.sh restarts a real server.</summary>
public sealed class Outage : DbConnectionInterceptor
{
    public Exception? Failure { get; set; }

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        Failure is { } failure ? throw failure : result;

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default) =>
        Failure is { } failure ? throw failure : ValueTask.FromResult(result);

    public static Exception Refused() => new NpgsqlException("Failed to connect to 127.0.0.1:5432",
        new SocketException((int)SocketError.ConnectionRefused));

    public static Exception ShuttingDown() => new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01");
}

public sealed class OutagePostgresApp : PostgresApp
{
    public Outage Outage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.ConfigureDbContext<PmqaDbContext>(o => o.AddInterceptors(Outage)));
    }
}

/// <summary>While the database cannot be reached the application answers 503 with Retry-After and a bilingual
/// "try again" (a problem document on the API, a friendly page in the browser, never a stack trace), /health says
/// Unhealthy, nothing is half-saved, and everything works again as soon as the database is back.</summary>
public sealed class DatabaseUnavailableTests(OutagePostgresApp app) : IClassFixture<OutagePostgresApp>
{
    private sealed class Back(Outage outage) : IDisposable
    {
        public void Dispose() => outage.Failure = null;
    }

    private Back Down(Exception failure)
    {
        app.Outage.Failure = failure;
        return new Back(app.Outage);
    }

    public static TheoryData<string> Failures => ["refused", "shutting down"];

    private static Exception Failure(string kind) => kind == "refused" ? Outage.Refused() : Outage.ShuttingDown();

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_save_while_the_database_is_down_answers_503_problem_and_is_not_half_saved(string kind)
    {
        var team = await app.AgencyAsync();
        team.Coordinator.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var etag = await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1");
        var answer = new { @checked = new[] { "1.1.B1" }, explanations = new Dictionary<string, string> { ["Basic"] = "บันทึกระหว่างฐานข้อมูลล่ม" } };
        using (Down(Failure(kind)))
        {
            var refused = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", answer, etag));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            var problem = await refused.JsonAsync();
            Assert.Equal("Temporarily unavailable, try again", problem.GetProperty("title").GetString());
            Assert.DoesNotContain("Npgsql", await refused.Content.ReadAsStringAsync());
        }
        // Back: the same save with the same ETag goes through, so nothing of the refused one was stored.
        var saved = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", answer, etag));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task The_API_answers_in_Thai_by_default()
    {
        var admin = await app.AdminApiAsync();
        using (Down(Outage.Refused()))
        {
            var refused = await admin.GetAsync("/api/v1/organizations");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("ระบบขัดข้องชั่วคราว กรุณาลองใหม่", (await refused.JsonAsync()).GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_signed_in_page_while_the_database_is_down_shows_a_friendly_Thai_page()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        // The session's check against the database is no longer cached: it meets the outage too.
        ((MemoryCache)app.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);
        using (Down(Outage.Refused()))
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            var html = await response.HtmlAsync();
            Assert.Contains("ระบบขัดข้องชั่วคราว", html.QuerySelector("h1")!.TextContent);
            Assert.DoesNotContain("NpgsqlException", html.Body!.TextContent);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Health_turns_unhealthy_while_the_database_is_down_and_back()
    {
        var client = app.Anonymous();
        using (Down(Outage.Refused()))
        {
            var down = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", (await down.JsonAsync()).GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        }
        var up = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("Healthy", (await up.JsonAsync()).GetProperty("status").GetString());
    }
}
