using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Digital;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// Digital progress updates (ADR 0027), through the same reminder keys: before a follow-up period's deadline, the
/// coordinators and executives of each organisation followed (department, province, public organisation) with no
/// approved update for it are reminded on the same days as the other deadlines; once the deadline day has ended, they
/// get one lateness notice (within <see cref="LateNoticeDays"/> days, so an old period does not flood anyone).
/// </summary>
public sealed partial class DeadlineReminders
{
    public const int LateNoticeDays = 14;

    private async Task<int> DigitalUpdatesAsync(IReadOnlyList<int> days, DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(days.Max());
        var periods = (await db.DigitalPeriods.AsNoTracking().ToListAsync(ct))
            .Select(p => (Period: p, End: FollowUpPeriods.EndOf(p.Deadline)))
            .Where(x => FollowUpPeriods.IsOpenForUpdates(x.Period.StartsOn, now) && x.End > now.AddDays(-LateNoticeDays) && x.End <= horizon).ToList();
        if (periods.Count == 0) return 0;
        var periodIds = periods.Select(x => x.Period.Id).ToList();
        var approved = (await db.DigitalUpdates.AsNoTracking().Where(u => periodIds.Contains(u.PeriodId) && u.Status == UpdateStatus.Submitted)
            .Select(u => new { u.OrganizationId, u.PeriodId }).ToListAsync(ct)).Select(u => (u.OrganizationId, u.PeriodId)).ToHashSet();
        var organizations = await db.Organizations.AsNoTracking().Where(o => o.IsActive &&
                (o.Type == OrganizationType.Department || o.Type == OrganizationType.Province || o.Type == OrganizationType.PublicOrganization))
            .Select(o => o.Id).ToListAsync(ct);
        var subjects = periods.SelectMany(x => organizations.Select(o => (Subject: $"digital:{x.Period.Id}:{o}", x.End))).ToList();
        var sent = await SentAsync(subjects, [.. days, 0], ct);
        var told = 0;
        foreach (var (period, end) in periods)
        {
            var (nameTh, nameEn) = (period.NameTh, period.NameEn.Length > 0 ? period.NameEn : period.NameTh);
            var (th, en) = (DigitalUpdates.ThaiDate(period.Deadline, true), DigitalUpdates.ThaiDate(period.Deadline, false));
            foreach (var orgId in organizations.Where(o => !approved.Contains((o, period.Id))))
            {
                var subject = $"digital:{period.Id}:{orgId}";
                NotificationText text;
                if (now >= end)
                {
                    // After the deadline: one lateness notice (key day 0), never repeated.
                    if (!sent.Add(Key(subject, end, 0))) continue;
                    db.CalendarReminders.Add(new Pmqa.Data.Entities.CalendarReminder { Key = Key(subject, end, 0), SentAt = now });
                    text = new NotificationText($"เลยกำหนดส่งรายงานความก้าวหน้าบริการดิจิทัล {nameTh}", $"The digital progress update for {nameEn} is overdue",
                        $"กำหนดส่ง {th} หน่วยงานของท่านยังไม่มีรายงานที่ผู้บริหารอนุมัติ รายงานที่ส่งจากนี้จะถือว่าล่าช้า",
                        $"It was due on {en} and your organisation has no approved update: an update sent now counts as late.", DigitalUpdates.Link(orgId));
                }
                else
                {
                    if (Claim(subject, end, days, now, sent) is not (> 0 and var nearest)) continue;
                    text = new NotificationText($"อีก {nearest} วันถึงกำหนดส่งรายงานความก้าวหน้าบริการดิจิทัล {nameTh}",
                        $"Digital progress update for {nameEn} due in {nearest} day{(nearest == 1 ? "" : "s")}",
                        $"หน่วยงานของท่านยังไม่มีรายงานที่ผู้บริหารอนุมัติ กำหนดส่ง {th}", $"Your organisation has no approved update yet. It is due on {en}.",
                        DigitalUpdates.Link(orgId));
                }
                await notifier.NotifyAsync(await recipients.AgencyAsync(orgId, Role.Coordinator, Role.Executive), text, ct);
                told++;
            }
        }
        return told;
    }
}
