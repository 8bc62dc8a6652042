using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// Tells people, once, that an action of an approved plan is late (its owner and the agency's coordinators) or that a
/// started follow-up report is past its deadline (the coordinators): in the application and by e-mail through the
/// outbox (ADR 0009). "Once" is a column (<c>LateNotifiedAt</c>) set in the same save as the notifications, so a
/// second run, or a second instance after the first committed, finds nothing to say; and a unique
/// <see cref="Data.Entities.CalendarReminder"/> key per notice in that save, so that two instances that read the same
/// late action at the same moment cannot both tell: the second save fails on the key and rolls back (ADR 0029).
/// </summary>
public sealed class PlanReminders(PmqaDbContext db, Notifier notifier, Recipients recipients, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now));
        var told = 0;
        var late = await db.ProjectActions
            .Join(db.PlanProjects, a => a.ProjectId, p => p.Id, (a, p) => new { Action = a, p.PlanId })
            .Join(db.ImprovementPlans, x => x.PlanId, p => p.Id, (x, p) => new { x.Action, PlanId = p.Id, p.OrganizationId, p.Status })
            .Where(x => x.Status == PlanStatus.Approved && x.Action.Status != ActionStatus.Done && x.Action.EndDate < today && x.Action.LateNotifiedAt == null)
            // The longest overdue first, in a stable order, so a backlog of more than 200 drains in turn.
            .OrderBy(x => x.Action.EndDate).ThenBy(x => x.Action.Id)
            .Take(200).ToListAsync(ct);
        foreach (var x in late)
        {
            var people = (await recipients.AgencyAsync(x.OrganizationId, Role.Coordinator)).Append(x.Action.OwnerUserId).Distinct();
            await notifier.NotifyAsync(people, new NotificationText(
                $"กิจกรรมล่าช้า: {x.Action.Title}", $"Late action: {x.Action.Title}",
                $"กิจกรรมนี้ครบกำหนด {PlanDates.Show(x.Action.EndDate, true)} แต่ยังไม่เสร็จ", $"It was due on {PlanDates.Show(x.Action.EndDate, false)} and is not done.",
                PlanLinks.Page(x.PlanId)), ct);
            x.Action.LateNotifiedAt = now;
            db.CalendarReminders.Add(new Data.Entities.CalendarReminder { Key = $"late-action:{x.Action.Id}", SentAt = now });
            told++;
        }
        var reports = await db.PlanReports
            .Join(db.ImprovementPlans, r => r.PlanId, p => p.Id, (r, p) => new { Report = r, p.OrganizationId, p.Status, p.Assessment!.Round })
            .Where(x => x.Status == PlanStatus.Approved && x.Report.SubmittedAt == null && x.Report.LateNotifiedAt == null)
            .OrderBy(x => x.Report.Id) // version-7 ids: the oldest report first
            .Take(200).ToListAsync(ct);
        foreach (var x in reports)
        {
            var deadline = x.Report.Period == ReportPeriod.Month6 ? x.Round!.Month6ReportDeadline : x.Round!.Month12ReportDeadline;
            if (!PlanRules.IsReportLate(deadline, null, now)) continue;
            await notifier.NotifyAsync(await recipients.AgencyAsync(x.OrganizationId, Role.Coordinator), new NotificationText(
                $"{PlanNames.PeriodLabel(x.Report.Period, true)}เลยกำหนดส่ง", $"The {PlanNames.PeriodLabel(x.Report.Period, false).ToLowerInvariant()} is late",
                $"กำหนดส่ง {ThaiTime.FormatDateTime(deadline!.Value, true)}", $"It was due on {ThaiTime.FormatDateTime(deadline.Value, false)}.",
                PlanLinks.Report(x.Report.PlanId, x.Report.Id)), ct);
            x.Report.LateNotifiedAt = now;
            db.CalendarReminders.Add(new Data.Entities.CalendarReminder { Key = $"late-report:{x.Report.Id}", SentAt = now });
            told++;
        }
        if (told > 0) await db.SaveChangesAsync(ct);
        return told;
    }
}

/// <summary>Runs <see cref="PlanReminders"/> every <c>Plans:ReminderMinutes</c> (60 by default), the first
/// time half a minute after start-up (<see cref="Infrastructure.Startup.AfterStart"/>).</summary>
public sealed class PlanReminderService(IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<PlanReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Plans:ReminderMinutes", 60)));
        if (!await Infrastructure.Startup.AfterStart.WaitAsync(lifetime, Infrastructure.Startup.AfterStart.SettleDelay, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var told = await scope.ServiceProvider.GetRequiredService<PlanReminders>().RunAsync(stoppingToken);
                if (told > 0) log.LogInformation("Told people about {Count} late actions and reports", told);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A concurrent instance's save, a busy database: the next run tries again (nothing was marked).
                log.LogWarning(e, "Plan reminders failed; trying again in {Minutes} min", every.TotalMinutes);
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
