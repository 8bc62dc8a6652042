using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Digital;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// Lateness in OPDC's national view (ADR 0027): for each organisation, how it stood for the latest period whose deadline
/// passed (on time, late or missing) and for how many closed periods it was late or missing. Before any deadline
/// passed, the current period (due or already on time) is shown.
/// </summary>
public sealed class FollowUpStandings(PmqaDbContext db, TimeProvider clock)
{
    public async Task<Dictionary<Guid, FollowUpLine>> OfAsync(IReadOnlyCollection<Guid> orgIds, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var periods = (await db.DigitalPeriods.AsNoTracking().ToListAsync(ct)).Where(p => FollowUpPeriods.IsOpenForUpdates(p.StartsOn, now)).ToList();
        if (periods.Count == 0) return orgIds.ToDictionary(id => id, _ => FollowUpLine.None);
        var closed = periods.Where(p => now >= FollowUpPeriods.EndOf(p.Deadline)).OrderByDescending(p => p.Deadline).ToList();
        var shown = closed.FirstOrDefault() ?? periods.OrderBy(p => p.Deadline).First();
        // Only approved updates decide lateness; an update awaiting approval is not yet with OPDC.
        // A set: the national view passes every organisation (8,000 at stress scale), and a list's Contains per update
        // row would make this quadratic.
        var wanted = orgIds.ToHashSet();
        var updates = (await db.DigitalUpdates.AsNoTracking().Where(u => u.Status == UpdateStatus.Submitted)
                .Select(u => new { u.OrganizationId, u.PeriodId, u.ApprovedAt, u.Services, u.FullyDigital, u.Period!.Deadline }).ToListAsync(ct))
            .Where(u => wanted.Contains(u.OrganizationId)).ToList();
        var approved = updates.ToDictionary(u => (u.OrganizationId, u.PeriodId), u => u.ApprovedAt);
        // The trend: the share fully digital of the last approved update against the one before it, period by period.
        var trend = updates.GroupBy(u => u.OrganizationId).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g =>
        {
            var lastTwo = g.OrderByDescending(u => u.Deadline).Take(2).Select(u => DigitalRules.Percent(u.FullyDigital, u.Services)).ToList();
            return lastTwo[0] - lastTwo[1];
        });
        return orgIds.ToDictionary(id => id, id =>
        {
            DateTimeOffset? At(Guid periodId) => approved.TryGetValue((id, periodId), out var at) ? at : null;
            var flagged = closed.Count(p => FollowUpPeriods.IsFlagged(FollowUpPeriods.Of(p.Deadline, At(p.Id), now)));
            return new FollowUpLine(shown.Id, shown.NameTh, shown.NameEn.Length > 0 ? shown.NameEn : shown.NameTh, shown.Deadline,
                FollowUpPeriods.Of(shown.Deadline, At(shown.Id), now).ApiName(), At(shown.Id), flagged, trend.TryGetValue(id, out var t) ? t : null);
        });
    }

    /// <summary>The national view with each organisation's follow-up line; with <paramref name="lateOnly"/> only the
    /// organisations late or missing for the period shown (the totals stay those of the other filters).</summary>
    public async Task<NationalProgress> AddToAsync(NationalProgress view, bool lateOnly, CancellationToken ct = default)
    {
        var lines = await OfAsync([.. view.Organizations.Select(o => o.Id)], ct);
        var organizations = view.Organizations.Select(o => o with { FollowUp = lines[o.Id] }).Where(o => !lateOnly || o.FollowUp!.Flagged).ToList();
        return view with { Organizations = organizations };
    }
}
