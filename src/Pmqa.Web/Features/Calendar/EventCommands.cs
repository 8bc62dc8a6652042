using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

public sealed record EventSaved(Guid Id, int Version);

/// <summary>OPDC creates, changes and cancels calendar events. A change needs the version read (412 when someone
/// saved since); people registered are told of a change of time or place and of a cancellation.</summary>
public sealed class EventCommands(PmqaDbContext db, TimeProvider clock, Notifier notifier, SeatKeeper seats)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขกิจกรรมนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone changed this event after you opened it: reload it and make your change again.");

    public async Task<Outcome<EventSaved>> CreateAsync(EventInput input, CancellationToken ct)
    {
        if (EventValidation.Check(input) is not Outcome<EventFields>.Ok { Value: var f }) return EventValidation.Check(input).As<EventSaved>();
        var now = clock.GetUtcNow();
        var ev = new PromotionEvent { CreatedAt = now };
        Apply(ev, f, now);
        db.PromotionEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return new EventSaved(ev.Id, ev.Version);
    }

    public async Task<Outcome<EventSaved>> UpdateAsync(Guid id, int version, EventInput input, CancellationToken ct)
    {
        var ev = await db.PromotionEvents.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return new Outcome<EventSaved>.NotFound();
        if (ev.Version != version) return new Outcome<EventSaved>.Conflict(StaleMessage);
        if (ev.CancelledAt is not null) return new Outcome<EventSaved>.Conflict(new("กิจกรรมนี้ถูกยกเลิกแล้ว", "This event has been cancelled."));
        if (EventValidation.Check(input) is not Outcome<EventFields>.Ok { Value: var f }) return EventValidation.Check(input).As<EventSaved>();
        var moved = ev.StartsAt != f.StartsAt || ev.EndsAt != f.EndsAt || ev.Place != f.Place || ev.OnlineUrl != f.OnlineUrl;
        Apply(ev, f, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await seats.LockAsync(ev.Id, ct);
        var promoted = await seats.PromoteAsync(ev, ct);
        if (moved) await NotifyRegisteredAsync(ev, "เปลี่ยนแปลงกำหนดการ", "changed", ct);
        await seats.NotifyPromotedAsync(ev, promoted, ct);
        if (!await SaveAsync(ct)) return new Outcome<EventSaved>.Conflict(StaleMessage);
        await transaction.CommitAsync(ct);
        return new EventSaved(ev.Id, ev.Version);
    }

    /// <summary>Cancels the event: it stays, marked cancelled (feeds say CANCELLED), and everyone registered is told.</summary>
    public async Task<Outcome<EventSaved>> CancelAsync(Guid id, int version, CancellationToken ct)
    {
        var ev = await db.PromotionEvents.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (ev is null) return new Outcome<EventSaved>.NotFound();
        if (ev.Version != version) return new Outcome<EventSaved>.Conflict(StaleMessage);
        if (ev.CancelledAt is not null) return new EventSaved(ev.Id, ev.Version);
        ev.CancelledAt = ev.UpdatedAt = clock.GetUtcNow();
        await NotifyRegisteredAsync(ev, "ยกเลิกกิจกรรม", "cancelled", ct);
        if (!await SaveAsync(ct)) return new Outcome<EventSaved>.Conflict(StaleMessage);
        return new EventSaved(ev.Id, ev.Version);
    }

    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); return true; }
        catch (DbUpdateConcurrencyException) { return false; }
    }

    private async Task NotifyRegisteredAsync(PromotionEvent ev, string whatTh, string whatEn, CancellationToken ct)
    {
        var people = await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status != "cancelled")
            .Select(r => r.RegisteredByUserId).Distinct().ToListAsync(ct);
        var when = ThaiTime.FormatDateTime(ev.StartsAt, thai: true);
        var whenEn = ThaiTime.FormatDateTime(ev.StartsAt, thai: false);
        await notifier.NotifyAsync(people, new NotificationText(
            $"{whatTh}: {ev.TitleTh}", $"Event {whatEn}: {ev.TitleEn}",
            $"กิจกรรม \"{ev.TitleTh}\" ที่หน่วยงานของคุณลงทะเบียนไว้{whatTh} (เริ่ม {when} {ev.Place})",
            $"The event \"{ev.TitleEn}\" your organisation registered for was {whatEn} (starts {whenEn} {ev.Place})",
            $"/calendar/{ev.Id}"), ct);
    }

    private static void Apply(PromotionEvent ev, EventFields f, DateTimeOffset now)
    {
        ev.TitleTh = f.TitleTh; ev.TitleEn = f.TitleEn; ev.Description = f.Description;
        ev.Kind = f.Kind.ApiName(); ev.Audience = f.Audience.ApiName();
        ev.StartsAt = f.StartsAt; ev.EndsAt = f.EndsAt; ev.Place = f.Place; ev.OnlineUrl = f.OnlineUrl;
        ev.Capacity = f.Capacity; ev.PerOrganizationLimit = f.PerOrganizationLimit; ev.RegistrationDeadline = f.RegistrationDeadline;
        ev.UpdatedAt = now;
    }
}
