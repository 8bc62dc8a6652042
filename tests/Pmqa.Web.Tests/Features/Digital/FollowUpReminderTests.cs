using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Web.Features.Calendar;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>Reminders before a follow-up period's deadline and one lateness notice after it (ADR 0027), once each.</summary>
public abstract class FollowUpReminderTests(PmqaApp app)
{
    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task An_organisation_without_an_approved_update_is_reminded_before_the_deadline_and_told_once_after_it()
    {
        var admin = await app.AdminApiAsync();
        var quiet = await admin.OrganizationAsync();
        var coordinator = await admin.PersonAsync(quiet, "coordinator");
        var executive = await admin.PersonAsync(quiet, "executive");
        var done = await admin.OrganizationAsync();
        var doneCoordinator = await admin.PersonAsync(done, "coordinator");
        var period = await FollowUpSeed.PeriodAsync(app, -30, 20, "รอบแจ้งเตือน");
        await app.WithDbAsync(db =>
        {
            db.DigitalUpdates.Add(new DigitalUpdate { OrganizationId = done.Id, PeriodId = period.Id, Status = UpdateStatus.Submitted,
                SubmittedAt = DateTimeOffset.UtcNow, ApprovedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var end = FollowUpPeriods.EndOf(period.Deadline);
        Task<List<string>> TitlesAsync(Guid userId) => app.WithDbAsync(db => db.Notifications
            .Where(n => n.UserId == userId && n.Title.Contains("รอบแจ้งเตือน")).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

        await RunAtAsync(end.AddDays(-8));
        Assert.Empty(await TitlesAsync(coordinator.Id));
        await RunAtAsync(end.AddDays(-6));
        await RunAtAsync(end.AddDays(-5)); // a second run sends nothing more
        Assert.Contains("7", Assert.Single(await TitlesAsync(coordinator.Id)));
        Assert.Single(await TitlesAsync(executive.Id)); // the executive approves, so is reminded too
        await RunAtAsync(end.AddHours(-12));
        Assert.Equal(2, (await TitlesAsync(coordinator.Id)).Count);

        await RunAtAsync(end.AddHours(1));
        await RunAtAsync(end.AddHours(2));
        await RunAtAsync(end.AddDays(3));
        var titles = await TitlesAsync(coordinator.Id);
        Assert.Equal(3, titles.Count);
        Assert.StartsWith("เลยกำหนด", titles[2]);
        Assert.Empty(await TitlesAsync(doneCoordinator.Id)); // approved: nothing to chase
    }

    [Fact]
    public async Task The_deadline_is_on_the_calendar()
    {
        var period = await FollowUpSeed.PeriodAsync(app, -1, 40, "รอบบนปฏิทิน");
        await using var scope = app.Scope();
        var entries = await scope.ServiceProvider.GetRequiredService<CalendarQueries>().EntriesAsync(Pmqa.Domain.Calendar.EventAudience.Provinces);
        var entry = Assert.Single(entries, e => e.Uid.StartsWith($"digital-period-{period.Id}"));
        Assert.Contains("รอบบนปฏิทิน", entry.TitleTh);
        Assert.Equal(period.Deadline, DateOnly.FromDateTime(Pmqa.Domain.Time.ThaiTime.ToBangkok(entry.StartsAt)));
    }

    private async Task RunAtAsync(DateTimeOffset now)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        await new DeadlineReminders(services.GetRequiredService<PmqaDbContext>(), services.GetRequiredService<Notifier>(),
            services.GetRequiredService<Recipients>(), new At(now), services.GetRequiredService<IConfiguration>()).RunAsync();
    }
}

public sealed class FollowUpReminderTests_Sqlite(SqliteApp app) : FollowUpReminderTests(app), IClassFixture<SqliteApp>;
public sealed class FollowUpReminderTests_Postgres(PostgresApp app) : FollowUpReminderTests(app), IClassFixture<PostgresApp>;
