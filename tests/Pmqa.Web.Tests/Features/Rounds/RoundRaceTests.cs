using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Time;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Rounds;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Rounds;

/// <summary>One round per fiscal year and audience, also when two officers press "create" at the same instant.</summary>
public abstract class RoundRaceTests(PmqaApp app)
{
    [Fact]
    public async Task The_same_round_created_at_once_by_several_officers_is_created_once_and_the_others_are_told_why()
    {
        var admin = await app.AdminApiAsync();
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var now = DateTimeOffset.UtcNow.AddYears(fiscalYear - ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow));
        // Overlapping audiences collide too: "department" is in every request.
        var audiences = new[] { new[] { "department" }, ["department", "province"], ["department"], ["publicOrganization", "department"], ["department"], ["department"] };

        var responses = await Task.WhenAll(audiences.Select(a => admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear, frameworkCode = "pmqa-4.0", audiences = a, opensAt = now.AddDays(-1), submissionDeadline = now.AddDays(30),
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("fiscalYear")[0].GetString()!;
            Assert.Contains(fiscalYear.ToString(), message);
            Assert.Contains("department", message);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.FiscalYear == fiscalYear)));
    }

    [Fact]
    public async Task An_officer_whose_colleague_saved_the_same_round_a_moment_earlier_is_told_at_the_fiscal_year()
    {
        var admin = await app.AdminApiAsync();
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var now = DateTimeOffset.UtcNow.AddYears(fiscalYear - ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow));
        var input = new RoundInput(fiscalYear, "pmqa-4.0", ["department"], now.AddDays(-1), now.AddDays(30));
        // Both officers pass the "is there a round already?" check; the colleague's save lands first.
        var race = ((IRaceApp)app).Race;
        race.When = db => db.ChangeTracker.Entries<Round>().Any(e => e.State == EntityState.Added && e.Entity.FiscalYear == fiscalYear);
        race.Competitor = async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            Assert.IsType<Outcome<Guid>.Ok>(await scope.ServiceProvider.GetRequiredService<CreateRound>().HandleAsync(input));
        };

        var response = await admin.PostAsJsonAsync("/api/v1/rounds", input);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fiscalYear.ToString(), (await response.JsonAsync()).GetProperty("errors").GetProperty("fiscalYear")[0].GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Rounds.CountAsync(r => r.FiscalYear == fiscalYear)));
    }

    [Fact]
    public async Task A_cancelled_round_frees_its_fiscal_year_and_audience()
    {
        var admin = await app.AdminApiAsync();
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var now = DateTimeOffset.UtcNow.AddYears(fiscalYear - ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow));
        var body = new { fiscalYear, frameworkCode = "pmqa-4.0", audiences = new[] { "province" }, opensAt = now.AddDays(5), submissionDeadline = now.AddDays(30) };
        var first = await admin.PostAsJsonAsync("/api/v1/rounds", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/rounds", body)).StatusCode);

        Assert.True((await admin.PostAsync($"/api/v1/rounds/{await Seed.IdOf(first)}/cancel", null)).IsSuccessStatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/rounds", body)).StatusCode);
    }
}

public sealed class RoundRaceTests_Sqlite(RaceSqliteApp app) : RoundRaceTests(app), IClassFixture<RaceSqliteApp>;
public sealed class RoundRaceTests_Postgres(RacePostgresApp app) : RoundRaceTests(app), IClassFixture<RacePostgresApp>;
