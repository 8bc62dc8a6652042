using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Calendar;

/// <summary>One entry of the calendar: an event OPDC created, or one of a round's own dates. <see cref="Uid"/> is
/// stable and <see cref="Sequence"/> rises with every change, as iCalendar clients need.</summary>
public sealed record CalendarEntry(
    string Uid, Guid? EventId, Guid? RoundId, string TitleTh, string TitleEn, string Description, string Kind,
    IReadOnlyList<string> Audiences, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, string OnlineUrl,
    bool Cancelled, int Sequence, DateTimeOffset UpdatedAt);

public sealed record RegistrationView(Guid Id, Guid OrganizationId, string OrganizationCode, string OrganizationNameTh, string OrganizationNameEn,
    string Name, string Email, string Position, string Status, DateTimeOffset RegisteredAt);

/// <summary>An event with its seats, and the registrations the caller may see: OPDC all of them, an agency its own.</summary>
public sealed record EventView(
    Guid Id, string TitleTh, string TitleEn, string Description, string Kind, string Audience, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Place, string OnlineUrl, int? Capacity, int PerOrganizationLimit, DateTimeOffset? RegistrationDeadline, DateTimeOffset? CancelledAt,
    int Confirmed, int Waiting, bool RegistrationOpen, int Version, IReadOnlyList<RegistrationView> Registrations);

public sealed class CalendarQueries(PmqaDbContext db, CurrentUser user, TimeProvider clock)
{
    public const string UidDomain = "pmqa.opdc.go.th";

    /// <summary>Every entry on the calendar of <paramref name="audience"/> (null: all), of <paramref name="kind"/> (null: all).</summary>
    public async Task<List<CalendarEntry>> EntriesAsync(EventAudience? audience = null, EventKind? kind = null, CancellationToken ct = default)
    {
        var events = await db.PromotionEvents.AsNoTracking().ToListAsync(ct);
        var entries = events.Select(e => new CalendarEntry($"event-{e.Id}@{UidDomain}", e.Id, null, e.TitleTh, e.TitleEn, e.Description, e.Kind,
            [e.Audience], e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.CancelledAt is not null, e.Version, e.UpdatedAt)).ToList();
        var rounds = await db.Rounds.AsNoTracking().ToListAsync(ct);
        foreach (var r in rounds)
        {
            var audiences = RoundMilestones.AudiencesOf(r.Audiences.Split(',', StringSplitOptions.RemoveEmptyEntries));
            var dates = new RoundDates(r.Id, r.FiscalYear, audiences, r.OpensAt, r.SubmissionDeadline, r.PlanDeadline, r.Month6ReportDeadline,
                r.Month12ReportDeadline, r.VerificationEndsAt, r.SiteVisitFrom, r.SiteVisitTo, r.AwardDate);
            entries.AddRange(RoundMilestones.Of(dates).Select(m => new CalendarEntry($"round-{r.Id}-{m.Key}@{UidDomain}", null, r.Id, m.TitleTh, m.TitleEn, "",
                m.Kind.ApiName(), [.. audiences.Select(a => a.ApiName())], m.Start, m.End, "", "", false, r.Version, r.CreatedAt)));
        }
        entries.AddRange(await DigitalPeriodEntriesAsync(ct));
        return [.. entries
            .Where(e => audience is not { } a || e.Audiences.Any(x => EventNames.TryParse<EventAudience>(x, out var ea) && ea.IsOn(a)))
            .Where(e => kind is not { } k || e.Kind == k.ApiName())
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Uid)];
    }

    /// <summary>Each follow-up period's deadline for digital progress updates (ADR 0027), for every agency, at the end of its day.</summary>
    private async Task<List<CalendarEntry>> DigitalPeriodEntriesAsync(CancellationToken ct) =>
        [.. (await db.DigitalPeriods.AsNoTracking().ToListAsync(ct)).Select(p =>
        {
            var at = Pmqa.Domain.Digital.FollowUpPeriods.EndOf(p.Deadline).AddMinutes(-1);
            return new CalendarEntry($"digital-period-{p.Id}@{UidDomain}", null, null, $"กำหนดส่งรายงานความก้าวหน้าบริการดิจิทัล {p.NameTh}",
                $"Digital progress updates due ({(p.NameEn.Length > 0 ? p.NameEn : p.NameTh)})", "", EventKind.Deadline.ApiName(), [EventAudience.Everyone.ApiName()],
                at, at, "", "", false, p.Version, p.UpdatedAt);
        })];

    public async Task<EventView?> EventAsync(Guid id, CancellationToken ct = default)
    {
        var e = await db.PromotionEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var all = await db.EventRegistrations.AsNoTracking().Include(r => r.Organization)
            .Where(r => r.EventId == id).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(ct);
        var seesAll = user.Id is not null && await user.SeesAllOrganizationsAsync();
        var mine = user.Id is null ? [] : (await user.MembershipsAsync()).Select(m => m.OrganizationId).ToHashSet();
        var visible = all.Where(r => seesAll || mine.Contains(r.OrganizationId))
            .Select(r => new RegistrationView(r.Id, r.OrganizationId, r.Organization!.Code, r.Organization.NameTh, r.Organization.NameEn,
                r.Name, r.Email, r.Position, r.Status, r.RegisteredAt)).ToList();
        return new EventView(e.Id, e.TitleTh, e.TitleEn, e.Description, e.Kind, e.Audience, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl,
            e.Capacity, e.PerOrganizationLimit, e.RegistrationDeadline, e.CancelledAt,
            all.Count(r => r.Status == SeatKeeper.Confirmed), all.Count(r => r.Status == SeatKeeper.Waiting),
            Seats.IsOpen(clock.GetUtcNow(), e.StartsAt, e.RegistrationDeadline, e.CancelledAt is not null), e.Version, visible);
    }
}
