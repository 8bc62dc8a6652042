using System.Net;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Performance;

/// <summary>Only a concurrency conflict or the unique index of a first save means "someone else saved
/// this"; any other database error is an error, never a merge screen with nothing to merge.</summary>
public abstract class SaveFaultTests(PmqaApp app)
{
    private SqlLog Log => ((ISqlLogged)app).Log;

    [Fact]
    public async Task A_database_fault_while_saving_an_issue_is_an_error_not_someone_elses_save()
    {
        var team = await app.AgencyAsync();
        var first = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        Log.FailWhen = sql => sql.Contains("UPDATE \"IssueAnswers\"", StringComparison.Ordinal);
        HttpResponseMessage failed;
        try
        {
            failed = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B2" } }, "\"1\""));
        }
        finally
        {
            Log.FailWhen = null;
        }
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        // A real race still gets the merge answer.
        var stale = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B3" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var saved = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B3" } }, "\"1\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
    }

    [Fact]
    public async Task A_first_save_racing_another_first_save_is_still_a_conflict()
    {
        var team = await app.AgencyAsync();
        var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "2.2", new { @checked = new[] { "2.2.B1" } }, "\"0\""))));
        Assert.Contains(saves, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(saves, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
    }
}

public sealed class SaveFaultTests_Sqlite(SqlLoggedSqliteApp app) : SaveFaultTests(app), IClassFixture<SqlLoggedSqliteApp>;
public sealed class SaveFaultTests_Postgres(SqlLoggedPostgresApp app) : SaveFaultTests(app), IClassFixture<SqlLoggedPostgresApp>;
