using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Web.Features.Calendar;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Calendar;

public abstract class DeadlineReminderTests(PmqaApp app)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task Coordinators_of_an_organisation_not_yet_submitted_are_reminded_7_and_1_days_before_once_each()
    {
        var admin = await app.AdminApiAsync();
        var late = await admin.OrganizationAsync();
        var lateCoordinator = await admin.PersonAsync(late, "coordinator");
        var done = await admin.OrganizationAsync();
        var doneCoordinator = await admin.PersonAsync(done, "coordinator");
        var roundId = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var due = (await (await admin.GetAsync($"/api/v1/rounds/{roundId}")).JsonAsync()).GetProperty("round").GetProperty("submissionDeadline").GetDateTimeOffset();
        await app.WithDbAsync(async db =>
        {
            var submitted = await db.Assessments.SingleAsync(a => a.RoundId == roundId && a.OrganizationId == done.Id);
            submitted.SubmittedAt = due.AddDays(-10);
            return await db.SaveChangesAsync();
        });

        Task<List<string>> TitlesAsync(Guid userId) =>
            app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == userId && n.Link.StartsWith("/assessments/")).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

        await RunAtAsync(due.AddDays(-8));
        Assert.Empty(await TitlesAsync(lateCoordinator.Id)); // not yet
        await RunAtAsync(due.AddDays(-6));
        await RunAtAsync(due.AddDays(-5)); // a second run (or instance) sends nothing more
        var week = Assert.Single(await TitlesAsync(lateCoordinator.Id));
        Assert.Contains("7", week);
        await RunAtAsync(due.AddHours(-12));
        await RunAtAsync(due.AddHours(-11));
        var titles = await TitlesAsync(lateCoordinator.Id);
        Assert.Equal(2, titles.Count);
        Assert.Contains("1", titles[1]);
        Assert.Empty(await TitlesAsync(doneCoordinator.Id)); // submitted: nothing to remind
        await RunAtAsync(due.AddHours(1));
        Assert.Equal(2, (await TitlesAsync(lateCoordinator.Id)).Count); // past the deadline: no more
    }

    [Fact]
    public void The_days_come_from_configuration_with_7_and_1_by_default()
    {
        Assert.Equal([7, 1], DeadlineReminders.DaysOf(null));
        Assert.Equal([14, 3], DeadlineReminders.DaysOf("3, 14"));
        Assert.Equal([7, 1], DeadlineReminders.DaysOf("x,-2"));
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        await new DeadlineReminders(services.GetRequiredService<PmqaDbContext>(), services.GetRequiredService<Notifier>(),
            services.GetRequiredService<Recipients>(), new At(now), services.GetRequiredService<IConfiguration>()).RunAsync();
    }
}

public sealed class DeadlineReminderTests_Sqlite(SqliteApp app) : DeadlineReminderTests(app), IClassFixture<SqliteApp>;
public sealed class DeadlineReminderTests_Postgres(PostgresApp app) : DeadlineReminderTests(app), IClassFixture<PostgresApp>;
