using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// Reminds the coordinators of an organisation that has not submitted its self-assessment, <c>Calendar:ReminderDays</c>
/// days before its own submission deadline (an extension granted to it counts; "7,1" by default), in the application
/// and by e-mail through the outbox, each person in their own language (the <see cref="Notifier"/> does that). Each
/// reminder is a <see cref="CalendarReminder"/> row with a unique key saved with the notifications, so it goes once.
/// When several days apply at once (a late start), only the nearest is sent and the earlier ones are marked.
/// </summary>
public sealed class DeadlineReminders(PmqaDbContext db, Notifier notifier, Recipients recipients, TimeProvider clock, IConfiguration config)
{
    public static IReadOnlyList<int> DaysOf(string? setting)
    {
        var days = (setting ?? "7,1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0).Where(d => d is > 0 and <= 60)
            .Distinct().OrderDescending().ToList();
        return days.Count > 0 ? days : [7, 1];
    }

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var days = DaysOf(config["Calendar:ReminderDays"]);
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(days.Max());
        var open = await db.Assessments.AsNoTracking()
            .Where(a => a.SubmittedAt == null && a.Round!.OpenedAt != null && a.Round.SubmissionDeadline > now.AddDays(-90))
            .Select(a => new { a.Id, a.OrganizationId, a.RoundId, a.Round!.FiscalYear, a.Round.SubmissionDeadline })
            .ToListAsync(ct);
        var roundIds = open.Select(a => a.RoundId).Distinct().ToList();
        var extensions = (await db.RoundExtensions.AsNoTracking().Where(e => roundIds.Contains(e.RoundId)).ToListAsync(ct))
            .GroupBy(e => (e.RoundId, e.OrganizationId)).ToDictionary(g => g.Key, g => g.Max(e => e.Until));
        var due = open.Select(a => (a.Id, a.OrganizationId, a.FiscalYear,
                Deadline: extensions.TryGetValue((a.RoundId, a.OrganizationId), out var until) && until > a.SubmissionDeadline ? until : a.SubmissionDeadline))
            .Where(a => a.Deadline > now && a.Deadline <= horizon).ToList();
        var keys = due.SelectMany(a => days.Select(d => Key(a.Id, a.Deadline, d))).ToList();
        var sent = (await db.CalendarReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct)).ToHashSet();
        var told = 0;
        foreach (var a in due)
        {
            // The nearest reminder whose time has come; the earlier ones (further from the deadline) are marked with it.
            var nearest = days.Where(d => now >= a.Deadline.AddDays(-d)).DefaultIfEmpty(0).Min();
            if (nearest == 0 || sent.Contains(Key(a.Id, a.Deadline, nearest))) continue;
            foreach (var d in days.Where(d => d >= nearest && !sent.Contains(Key(a.Id, a.Deadline, d))))
                db.CalendarReminders.Add(new CalendarReminder { Key = Key(a.Id, a.Deadline, d), SentAt = now });
            var (th, en) = (ThaiTime.FormatDateTime(a.Deadline, true), ThaiTime.FormatDateTime(a.Deadline, false));
            await notifier.NotifyAsync(await recipients.AgencyAsync(a.OrganizationId, Role.Coordinator), new NotificationText(
                $"อีก {nearest} วันถึงกำหนดส่งผลการประเมินตนเอง ปีงบประมาณ พ.ศ. {a.FiscalYear}", $"Self-assessment due in {nearest} day{(nearest == 1 ? "" : "s")} ({a.FiscalYear} BE)",
                $"หน่วยงานของท่านยังไม่ได้ส่งผลการประเมินตนเอง กำหนดส่ง {th}", $"Your organisation has not submitted its self-assessment yet. It is due on {en}.",
                $"/assessments/{a.Id}"), ct);
            told++;
        }
        if (told > 0) await db.SaveChangesAsync(ct);
        return told;
    }

    private static string Key(Guid assessmentId, DateTimeOffset deadline, int days) =>
        $"submission:{assessmentId}:{deadline.UtcTicks}:{days}";
}

/// <summary>Runs <see cref="DeadlineReminders"/> every <c>Calendar:ReminderMinutes</c> (60 by default).</summary>
public sealed class DeadlineReminderService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadlineReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Calendar:ReminderMinutes", 60)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var told = await scope.ServiceProvider.GetRequiredService<DeadlineReminders>().RunAsync(stoppingToken);
                if (told > 0) log.LogInformation("Reminded {Count} organisations of a deadline", told);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Another instance saved the same reminder first (unique key), or the database is busy: nothing was sent.
                log.LogWarning(e, "Deadline reminders failed; trying again in {Minutes} min", every.TotalMinutes);
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
