using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Performance;

/// <summary>The stored score card (ADR 0015) is written with the answers that change it: the score API answers
/// from it without reading the answers, and it always equals a fresh rescoring of them.</summary>
public abstract class ScoreCardTests(PmqaApp app)
{
    private SqlLog Log => ((ISqlLogged)app).Log;

    private static readonly object Indicator = new
    {
        indicators = new[] { new { name = "ความพึงพอใจ", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 78 } },
    };

    private static string Canonical(ScoreJson card) => JsonSerializer.Serialize(card);

    /// <summary>The score API's card, and a fresh scoring of the stored answers beside it.</summary>
    private async Task<(string Api, string Fresh)> ScoresAsync(AgencyTeam team)
    {
        var api = await team.Coordinator.GetFromJsonAsync<ScoreJson>($"/api/v1/assessments/{team.AssessmentId}/score");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var assessment = await db.Assessments.Include(a => a.Round).SingleAsync(a => a.Id == team.AssessmentId);
        var (_, fresh, _) = await scope.ServiceProvider.GetRequiredService<AssessmentScores>().ScoreAsync(assessment);
        return (Canonical(api!), Canonical(AssessmentScores.ToJson(fresh)));
    }

    private Task<Pmqa.Data.Entities.AssessmentScoreCard?> StoredAsync(AgencyTeam team) =>
        app.WithDbAsync(db => db.AssessmentScoreCards.AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == team.AssessmentId));

    private Task<int> AnswersVersionAsync(AgencyTeam team) =>
        app.WithDbAsync(db => db.IssueAnswers.Where(a => a.AssessmentId == team.AssessmentId).SumAsync(a => a.Version));

    private static async Task SaveAsync(AgencyTeam team, string issue, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, issue, body,
            await team.Coordinator.IssueETagAsync(team.AssessmentId, issue)))).StatusCode);

    [Fact]
    public async Task After_saves_the_score_api_equals_a_fresh_rescoring_of_the_answers()
    {
        var team = await app.AgencyAsync();
        await SaveAsync(team, "1.1", new { @checked = new[] { "1.1.B1", "1.1.B2" } });
        await SaveAsync(team, "7.1", Indicator);
        await SaveAsync(team, "1.1", new { @checked = new[] { "1.1.B1" } });

        var (api, fresh) = await ScoresAsync(team);
        Assert.Equal(fresh, api);
        Assert.NotEqual(0m, (await StoredAsync(team))!.Total);
        Assert.Equal(await AnswersVersionAsync(team), (await StoredAsync(team))!.AnswersVersion);
    }

    [Fact]
    public async Task A_fresh_card_is_read_without_any_query_over_the_answers()
    {
        var team = await app.AgencyAsync();
        await SaveAsync(team, "2.1", new { @checked = new[] { "2.1.B1" } });
        var scoreUrl = $"/api/v1/assessments/{team.AssessmentId}/score";
        Log.Commands.Clear();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.GetAsync(scoreUrl)).StatusCode);

        var commands = Log.Of(scoreUrl);
        Assert.DoesNotContain(commands, sql => sql.Contains("\"IssueAnswers\"", StringComparison.Ordinal));
        Assert.Contains(commands, sql => sql.Contains("\"AssessmentScoreCards\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, sql => !sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_missing_card_is_computed_from_the_answers_on_first_read_and_stored()
    {
        var team = await app.AgencyAsync();
        await SaveAsync(team, "1.2", new { @checked = new[] { "1.2.B1" } });
        // As after migration 0010 on a database with answers: no card yet.
        await app.WithDbAsync(db => db.AssessmentScoreCards.Where(c => c.AssessmentId == team.AssessmentId).ExecuteDeleteAsync());

        var (api, fresh) = await ScoresAsync(team);
        Assert.Equal(fresh, api);
        var stored = await StoredAsync(team);
        Assert.Equal(ScoreCards.CurrentRules, stored!.RulesVersion);
        Assert.Equal(await AnswersVersionAsync(team), stored.AnswersVersion);
    }

    [Fact]
    public async Task A_failed_save_leaves_the_card_as_it_was()
    {
        var team = await app.AgencyAsync();
        await SaveAsync(team, "1.1", new { @checked = new[] { "1.1.B1" } });
        var before = await StoredAsync(team);

        Log.FailWhen = sql => sql.Contains("UPDATE \"IssueAnswers\"", StringComparison.Ordinal);
        HttpResponseMessage failed;
        try
        {
            failed = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", new { @checked = new[] { "1.1.B1", "1.1.B2", "1.1.B3" } }, "\"1\""));
        }
        finally
        {
            Log.FailWhen = null;
        }
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);

        var after = await StoredAsync(team);
        Assert.Equal(before!.IssuesJson, after!.IssuesJson);
        Assert.Equal(before.AnswersVersion, after.AnswersVersion);
        var (api, fresh) = await ScoresAsync(team);
        Assert.Equal(fresh, api);
    }

    [Fact]
    public async Task Concurrent_saves_of_one_assessment_leave_card_and_answers_consistent()
    {
        var team = await app.AgencyAsync();
        await SaveAsync(team, "1.1", new { @checked = new[] { "1.1.B1" } });
        // Different issues at once (all must land in the card) and the same issue from one stale copy
        // (one wins, the others are told someone else saved).
        var issues = new[] { "1.2", "2.1", "2.2", "3.1", "4.1" };
        var saves = issues.Select(i => team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, i, new { @checked = new[] { $"{i}.B1", $"{i}.B2" } }, "\"0\"")))
            .Concat(Enumerable.Range(0, 3).Select(n => team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1",
                new { @checked = n == 0 ? new[] { "1.1.B2" } : new[] { "1.1.B2", "1.1.B3" } }, "\"1\""))));
        var responses = await Task.WhenAll(saves);

        Assert.All(responses.Take(issues.Length), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(responses.Skip(issues.Length), r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Skip(issues.Length), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));

        Assert.Equal(await AnswersVersionAsync(team), (await StoredAsync(team))!.AnswersVersion);
        var (api, fresh) = await ScoresAsync(team);
        Assert.Equal(fresh, api);
        var card = JsonSerializer.Deserialize<ScoreJson>(api)!;
        Assert.All(issues, i => Assert.NotEqual(0m, card.Issues.Single(s => s.Code == i).Score));
    }
}

public sealed class ScoreCardTests_Sqlite(SqlLoggedSqliteApp app) : ScoreCardTests(app), IClassFixture<SqlLoggedSqliteApp>;
public sealed class ScoreCardTests_Postgres(SqlLoggedPostgresApp app) : ScoreCardTests(app), IClassFixture<SqlLoggedPostgresApp>;
