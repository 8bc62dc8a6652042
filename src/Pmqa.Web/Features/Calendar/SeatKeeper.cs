using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// Counts and moves an event's seats under a lock, so two agencies registering for the last seat at the same
/// moment cannot both get it: SQLite's transactions take the write lock when they begin; on PostgreSQL the
/// event's row is locked (FOR UPDATE) until the transaction ends.
/// </summary>
public sealed class SeatKeeper(PmqaDbContext db, Notifier notifier)
{
    public static readonly string Confirmed = SeatStatus.Confirmed.ApiName();
    public static readonly string Waiting = SeatStatus.Waiting.ApiName();
    public static readonly string Cancelled = SeatStatus.Cancelled.ApiName();

    public async Task LockAsync(Guid eventId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "PromotionEvents" WHERE "Id" = {eventId} FOR UPDATE""", ct);
    }

    /// <summary>Moves the longest-waiting participants to the seats that are free (after a cancellation or a
    /// larger capacity); the caller saves. Returns those promoted.</summary>
    public async Task<List<EventRegistration>> PromoteAsync(PromotionEvent ev, CancellationToken ct)
    {
        var active = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status != Cancelled).ToListAsync(ct);
        // Seats given up in this unit of work (tracked, not yet saved) no longer count.
        active = [.. active.Where(r => r.Status != Cancelled)];
        var waiting = active.Where(r => r.Status == Waiting).OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToList();
        var count = Seats.ToPromote(ev.Capacity, active.Count(r => r.Status == Confirmed), waiting.Count);
        var promoted = waiting.Take(count).ToList();
        foreach (var r in promoted) r.Status = Confirmed;
        return promoted;
    }

    public async Task NotifyPromotedAsync(PromotionEvent ev, IEnumerable<EventRegistration> promoted, CancellationToken ct)
    {
        foreach (var r in promoted)
            await notifier.NotifyAsync([r.RegisteredByUserId], new NotificationText(
                $"ได้ที่นั่งแล้ว: {ev.TitleTh}", $"A seat came free: {ev.TitleEn}",
                $"{r.Name} ได้เลื่อนจากรายชื่อสำรองเป็นผู้เข้าร่วมกิจกรรม \"{ev.TitleTh}\"",
                $"{r.Name} moved up from the waiting list and now has a seat at \"{ev.TitleEn}\"",
                $"/calendar/{ev.Id}"), ct);
    }
}
