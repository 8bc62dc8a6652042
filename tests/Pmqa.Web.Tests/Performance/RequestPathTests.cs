using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Performance;

/// <summary>Every SQL command run while serving a request, by request path (background services, which
/// have no request, are left out).</summary>
public sealed class SqlLog(IHttpContextAccessor http) : DbCommandInterceptor
{
    public ConcurrentQueue<(string Path, string Sql)> Commands { get; } = new();

    /// <summary>When set, a command it matches fails as a provider fault would (not a conflict).</summary>
    public Func<string, bool>? FailWhen { get; set; }

    private void Record(DbCommand command)
    {
        if (http.HttpContext is { } context) Commands.Enqueue((context.Request.Path + context.Request.QueryString, command.CommandText));
        if (FailWhen?.Invoke(command.CommandText) == true) throw new InvalidOperationException("Injected database fault (disk full).");
    }

    public IReadOnlyList<string> Of(string path) => Commands.Where(c => c.Path == path).Select(c => c.Sql).ToList();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public interface ISqlLogged
{
    SqlLog Log { get; }
}

public sealed class SqlLoggedSqliteApp : SqliteApp, ISqlLogged
{
    public SqlLog Log => Services.GetRequiredService<SqlLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<SqlLog>()
            .ConfigureDbContext<PmqaDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlLog>())));
    }
}

public sealed class SqlLoggedPostgresApp : PostgresApp, ISqlLogged
{
    public SqlLog Log => Services.GetRequiredService<SqlLog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<SqlLog>()
            .ConfigureDbContext<PmqaDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<SqlLog>())));
    }
}

/// <summary>The request path stays cheap (ADR 0010): the framework document is never read per request, the
/// access check runs once per request, and the caller's token and memberships come in one query. Counting
/// statements is exact, unlike timing, so this cannot be flaky; the figures live in docs/performance.md.</summary>
public abstract class RequestPathTests(PmqaApp app)
{
    private SqlLog Log => ((ISqlLogged)app).Log;

    private static bool ReadsDocument(string sql) => sql.Contains("ContentJson", StringComparison.OrdinalIgnoreCase);
    private static bool IsSelect(string sql) => sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task Reading_and_saving_an_issue_never_reads_the_framework_document_and_runs_few_selects()
    {
        var team = await app.AgencyAsync();
        var issueUrl = $"/api/v1/assessments/{team.AssessmentId}/issues/1.1";
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.GetAsync(issueUrl)).StatusCode); // warms the pack cache
        Log.Commands.Clear();

        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.GetAsync(issueUrl)).StatusCode);
        var read = Log.Of(issueUrl);
        Assert.DoesNotContain(read, ReadsDocument);
        // token with memberships, assessment with round, organisation and review-team flags, the answers
        Assert.Equal(3, read.Count(IsSelect));

        // The assessment's first save also creates its score card; measure the ones after it.
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.2", new { @checked = new[] { "1.2.B1" } }, "\"0\""))).StatusCode);
        Log.Commands.Clear();
        var saved = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var save = Log.Of(issueUrl);
        Assert.DoesNotContain(save, ReadsDocument);
        // the same three, and the assessment's score card, locked to be written with the answer (ADR 0015)
        Assert.Equal(4, save.Count(IsSelect));

        Log.Commands.Clear();
        var scoreUrl = $"/api/v1/assessments/{team.AssessmentId}/score";
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.GetAsync(scoreUrl)).StatusCode);
        Assert.DoesNotContain(Log.Of(scoreUrl), ReadsDocument);
    }

    [Fact]
    public async Task The_issue_page_checks_access_once_and_never_reads_the_framework_document()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/issues/1.1";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        Log.Commands.Clear();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(page)).StatusCode);
        var commands = Log.Of(page);
        Assert.DoesNotContain(commands, ReadsDocument);
        Assert.Single(commands, sql => sql.Contains("FROM \"Assessments\"", StringComparison.Ordinal) && sql.Contains("\"ReviewAssignments\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_membership_and_a_revoked_token_take_effect_on_the_next_request()
    {
        var team = await app.AgencyAsync();
        var issueUrl = $"/api/v1/assessments/{team.AssessmentId}/issues/1.2";
        Assert.Equal(HttpStatusCode.OK, (await team.Executive.GetAsync(issueUrl)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var executive = await db.Users.SingleAsync(u => u.Email != team.CoordinatorEmail &&
                u.Memberships.Any(m => m.OrganizationId == team.Org.Id));
            return await db.Memberships.Where(m => m.UserId == executive.Id).ExecuteDeleteAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await team.Executive.GetAsync(issueUrl)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.GetAsync(issueUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.DeleteAsync("/api/v1/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await team.Coordinator.GetAsync(issueUrl)).StatusCode);
    }
}

public sealed class RequestPathTests_Sqlite(SqlLoggedSqliteApp app) : RequestPathTests(app), IClassFixture<SqlLoggedSqliteApp>;
public sealed class RequestPathTests_Postgres(SqlLoggedPostgresApp app) : RequestPathTests(app), IClassFixture<SqlLoggedPostgresApp>;
