using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// Reminds the coordinators of an organisation that has not submitted its self-assessment, <c>Calendar:ReminderDays</c>
/// days before its own submission deadline (an extension granted to it counts; "7,1" by default), in the application
/// and by e-mail through the outbox, each person in their own language (the <see cref="Notifier"/> does that). Each
/// reminder is a <see cref="CalendarReminder"/> row with a unique key saved with the notifications, so it goes once.
/// When several days apply at once (a late start), only the nearest is sent and the earlier ones are marked.
/// The same days remind organisations that have registered nobody before an event's registration deadline, and the
/// coordinators of an organisation before its round's plan deadline (no plan sent yet) and 6- and 12-month report
/// deadlines (an approved plan whose report for that period is not sent), and digital progress updates (DigitalUpdateReminders.cs).
/// </summary>
public sealed partial class DeadlineReminders(PmqaDbContext db, Notifier notifier, Recipients recipients, TimeProvider clock, IConfiguration config)
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
        var told = await SubmissionsAsync(days, now, ct) + await RegistrationsAsync(days, now, ct)
            + await PlansAsync(days, now, ct) + await PlanReportsAsync(days, now, ct)
            + await DigitalUpdatesAsync(days, now, ct);
        if (told > 0) await db.SaveChangesAsync(ct);
        return told;
    }

    private async Task<int> SubmissionsAsync(IReadOnlyList<int> days, DateTimeOffset now, CancellationToken ct)
    {
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
        var keys = due.SelectMany(a => days.Select(d => Key($"submission:{a.Id}", a.Deadline, d))).ToList();
        var sent = (await db.CalendarReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct)).ToHashSet();
        var told = 0;
        foreach (var a in due)
        {
            if (Claim($"submission:{a.Id}", a.Deadline, days, now, sent) is not (> 0 and var nearest)) continue;
            var (th, en) = (ThaiTime.FormatDateTime(a.Deadline, true), ThaiTime.FormatDateTime(a.Deadline, false));
            await notifier.NotifyAsync(await recipients.AgencyAsync(a.OrganizationId, Role.Coordinator), new NotificationText(
                $"อีก {nearest} วันถึงกำหนดส่งผลการประเมินตนเอง ปีงบประมาณ พ.ศ. {a.FiscalYear}", $"Self-assessment due in {nearest} day{(nearest == 1 ? "" : "s")} ({a.FiscalYear} BE)",
                $"หน่วยงานของท่านยังไม่ได้ส่งผลการประเมินตนเอง กำหนดส่ง {th}", $"Your organisation has not submitted its self-assessment yet. It is due on {en}.",
                $"/assessments/{a.Id}"), ct);
            told++;
        }
        return told;
    }

    /// <summary>
    /// Before an event's registration deadline (only events that have one: those OPDC means people to sign up for),
    /// the coordinators of each active organisation in the event's audience that has nobody registered (seat or
    /// waiting list) are reminded. Nothing goes for a cancelled event, one whose registration has closed, or one whose
    /// seats are all taken (registering then only joins the waiting list, which is no reason to chase anyone).
    /// </summary>
    private async Task<int> RegistrationsAsync(IReadOnlyList<int> days, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(days.Max());
        var events = (await db.PromotionEvents.AsNoTracking()
                .Where(e => e.CancelledAt == null && e.RegistrationDeadline != null && e.RegistrationDeadline > now).ToListAsync(ct))
            .Where(e => e.RegistrationDeadline <= horizon && Seats.IsOpen(now, e.StartsAt, e.RegistrationDeadline, e.CancelledAt is not null)).ToList();
        if (events.Count == 0) return 0;
        var eventIds = events.Select(e => e.Id).ToList();
        var registered = await db.EventRegistrations.AsNoTracking().Where(r => eventIds.Contains(r.EventId) && r.Status != SeatKeeper.Cancelled)
            .Select(r => new { r.EventId, r.OrganizationId, r.Status }).ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive).Select(o => new { o.Id, o.Type }).ToListAsync(ct);
        var told = 0;
        foreach (var e in events)
        {
            var mine = registered.Where(r => r.EventId == e.Id).ToList();
            if (e.Capacity is { } capacity && mine.Count(r => r.Status == SeatKeeper.Confirmed) >= capacity) continue;
            EventNames.TryParse<EventAudience>(e.Audience, out var audience);
            var deadline = e.RegistrationDeadline!.Value;
            var prefix = $"registration:{e.Id}:";
            var sent = (await db.CalendarReminders.AsNoTracking().Where(r => r.Key.StartsWith(prefix)).Select(r => r.Key).ToListAsync(ct)).ToHashSet();
            var (th, en) = (ThaiTime.FormatDateTime(deadline, true), ThaiTime.FormatDateTime(deadline, false));
            foreach (var o in organizations.Where(o => o.Type.IsAssessed() && EventNames.AudienceOf(o.Type).IsOn(audience) && mine.All(r => r.OrganizationId != o.Id)))
            {
                if (Claim($"{prefix}{o.Id}", deadline, days, now, sent) is not (> 0 and var nearest)) continue;
                await notifier.NotifyAsync(await recipients.AgencyAsync(o.Id, Role.Coordinator), new NotificationText(
                    $"อีก {nearest} วันปิดรับลงทะเบียน {e.TitleTh}", $"Registration for {e.TitleEn} closes in {nearest} day{(nearest == 1 ? "" : "s")}",
                    $"หน่วยงานของท่านยังไม่ได้ลงทะเบียนผู้เข้าร่วม ปิดรับลงทะเบียน {th}", $"Your organisation has not registered anyone yet. Registration closes on {en}.",
                    $"/calendar/{e.Id}"), ct);
                told++;
            }
        }
        return told;
    }

    /// <summary>A submitted assessment whose round sets a plan deadline and which has no plan sent for approval yet.</summary>
    private async Task<int> PlansAsync(IReadOnlyList<int> days, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(days.Max());
        var due = await db.Assessments.AsNoTracking()
            .Where(a => AssessmentStates.SubmittedOrBeyond.Contains(a.State) && a.Round!.PlanDeadline > now && a.Round.PlanDeadline <= horizon
                && !db.ImprovementPlans.Any(p => p.AssessmentId == a.Id && p.SubmittedAt != null))
            .Select(a => new { a.Id, a.OrganizationId, a.Round!.FiscalYear, Deadline = a.Round.PlanDeadline!.Value }).ToListAsync(ct);
        var sent = await SentAsync(due.Select(a => ($"plan:{a.Id}", a.Deadline)), days, ct);
        var told = 0;
        foreach (var a in due)
        {
            if (Claim($"plan:{a.Id}", a.Deadline, days, now, sent) is not (> 0 and var nearest)) continue;
            var (th, en) = (ThaiTime.FormatDateTime(a.Deadline, true), ThaiTime.FormatDateTime(a.Deadline, false));
            await notifier.NotifyAsync(await recipients.AgencyAsync(a.OrganizationId, Role.Coordinator), new NotificationText(
                $"อีก {nearest} วันถึงกำหนดส่งแผนพัฒนาองค์การ ปีงบประมาณ พ.ศ. {a.FiscalYear}", $"Improvement plan due in {nearest} day{(nearest == 1 ? "" : "s")} ({a.FiscalYear} BE)",
                $"หน่วยงานของท่านยังไม่ได้ส่งแผนพัฒนาองค์การให้ผู้บริหารอนุมัติ กำหนดส่ง {th}", $"Your organisation has not sent its improvement plan for approval yet. It is due on {en}.",
                $"{Plans.PlanLinks.List(a.OrganizationId)}?assessmentId={a.Id}"), ct);
            told++;
        }
        return told;
    }

    /// <summary>An approved plan whose 6- or 12-month report is not sent, before the round's deadline for it.</summary>
    private async Task<int> PlanReportsAsync(IReadOnlyList<int> days, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(days.Max());
        var plans = await db.ImprovementPlans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Approved
                && ((p.Assessment!.Round!.Month6ReportDeadline > now && p.Assessment.Round.Month6ReportDeadline <= horizon)
                    || (p.Assessment.Round.Month12ReportDeadline > now && p.Assessment.Round.Month12ReportDeadline <= horizon)))
            .Select(p => new { p.Id, p.OrganizationId, p.FiscalYear, p.Assessment!.Round!.Month6ReportDeadline, p.Assessment.Round.Month12ReportDeadline })
            .ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var reported = (await db.PlanReports.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.SubmittedAt != null)
            .Select(r => new { r.PlanId, r.Period }).ToListAsync(ct)).Select(r => (r.PlanId, r.Period)).ToHashSet();
        var sent = await SentAsync(plans.SelectMany(p => new[] { ($"report:{p.Id}:{ReportPeriod.Month6}", p.Month6ReportDeadline), ($"report:{p.Id}:{ReportPeriod.Month12}", p.Month12ReportDeadline) })
            .Where(x => x.Item2 is not null).Select(x => (x.Item1, x.Item2!.Value)), days, ct);
        var told = 0;
        foreach (var p in plans)
        foreach (var (period, due) in new[] { (ReportPeriod.Month6, p.Month6ReportDeadline), (ReportPeriod.Month12, p.Month12ReportDeadline) })
        {
            if (due is not { } deadline || deadline <= now || deadline > horizon || reported.Contains((p.Id, period))) continue;
            if (Claim($"report:{p.Id}:{period}", deadline, days, now, sent) is not (> 0 and var nearest)) continue;
            var (th, en) = (ThaiTime.FormatDateTime(deadline, true), ThaiTime.FormatDateTime(deadline, false));
            var (nameTh, nameEn) = (Plans.PlanNames.PeriodLabel(period, true), Plans.PlanNames.PeriodLabel(period, false));
            await notifier.NotifyAsync(await recipients.AgencyAsync(p.OrganizationId, Role.Coordinator), new NotificationText(
                $"อีก {nearest} วันถึงกำหนดส่ง{nameTh} ปีงบประมาณ พ.ศ. {p.FiscalYear}", $"{nameEn} due in {nearest} day{(nearest == 1 ? "" : "s")} ({p.FiscalYear} BE)",
                $"หน่วยงานของท่านยังไม่ได้ส่ง{nameTh} กำหนดส่ง {th}", $"Your organisation has not sent its {nameEn.ToLowerInvariant()} yet. It is due on {en}.",
                Plans.PlanLinks.Page(p.Id) + "#reports-heading"), ct);
            told++;
        }
        return told;
    }

    /// <summary>The reminder keys already saved among those the subjects could have, in one query.</summary>
    private async Task<HashSet<string>> SentAsync(IEnumerable<(string Subject, DateTimeOffset Deadline)> subjects, IReadOnlyList<int> days, CancellationToken ct)
    {
        var keys = subjects.SelectMany(x => days.Select(d => Key(x.Subject, x.Deadline, d))).ToList();
        return keys.Count == 0 ? [] : (await db.CalendarReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The nearest reminder day whose time has come, 0 when none is due or it went already. The reminder
    /// and the earlier ones (further from the deadline, missed by a late start) are marked sent with it.</summary>
    private int Claim(string subject, DateTimeOffset deadline, IReadOnlyList<int> days, DateTimeOffset now, HashSet<string> sent)
    {
        var nearest = days.Where(d => now >= deadline.AddDays(-d)).DefaultIfEmpty(0).Min();
        if (nearest == 0 || sent.Contains(Key(subject, deadline, nearest))) return 0;
        foreach (var d in days.Where(d => d >= nearest && !sent.Contains(Key(subject, deadline, d))))
            db.CalendarReminders.Add(new CalendarReminder { Key = Key(subject, deadline, d), SentAt = now });
        return nearest;
    }

    private static string Key(string subject, DateTimeOffset deadline, int days) => $"{subject}:{deadline.UtcTicks}:{days}";
}

/// <summary>Runs <see cref="DeadlineReminders"/> every <c>Calendar:ReminderMinutes</c> (60 by default), the first
/// time half a minute after start-up (<see cref="Infrastructure.Startup.AfterStart"/>).</summary>
public sealed class DeadlineReminderService(IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<DeadlineReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Calendar:ReminderMinutes", 60)));
        if (!await Infrastructure.Startup.AfterStart.WaitAsync(lifetime, Infrastructure.Startup.AfterStart.SettleDelay, stoppingToken)) return;
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
