using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Data;

/// <summary>
/// An assessment's state is stored as its name, so <c>State &gt;= Submitted</c> in a query compares names
/// alphabetically ("Certified" &lt; "Submitted"): certified and site-visited agencies dropped out of plan reminders and
/// plan lists that way. Queries use <see cref="AssessmentStates.SubmittedOrBeyond"/>; this proves it selects, in the
/// database, exactly the states the enum's order puts at or after Submitted.
/// </summary>
public abstract class StateQueryTests(PmqaApp app)
{
    [Fact]
    public async Task Submitted_or_beyond_selects_the_same_states_in_the_database_as_in_the_enum_order()
    {
        var admin = await app.AdminApiAsync();
        var states = Enum.GetValues<AssessmentState>();
        var orgs = new List<Guid>();
        foreach (var _ in states) orgs.Add((await admin.OrganizationAsync()).Id);
        var round = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var byState = await app.WithDbAsync(async db =>
        {
            var list = await db.Assessments.Where(a => a.RoundId == round && orgs.Contains(a.OrganizationId)).OrderBy(a => a.Id).ToListAsync();
            foreach (var (a, state) in list.Zip(states)) a.State = state;
            await db.SaveChangesAsync();
            return list.ToDictionary(a => a.Id, a => a.State);
        });
        Assert.Equal(states.Length, byState.Count);

        var selected = await app.WithDbAsync(db => db.Assessments.Where(a => a.RoundId == round && AssessmentStates.SubmittedOrBeyond.Contains(a.State))
            .Select(a => a.State).ToListAsync());

        Assert.Equal(states.Where(s => s >= AssessmentState.Submitted).Order(), selected.Order());
        Assert.Contains(AssessmentState.Certified, selected);
    }
}

public sealed class StateQueryTests_Sqlite(SqliteApp app) : StateQueryTests(app), IClassFixture<SqliteApp>;
public sealed class StateQueryTests_Postgres(PostgresApp app) : StateQueryTests(app), IClassFixture<PostgresApp>;
