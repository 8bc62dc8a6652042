using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

public sealed record ParticipantInput(string? Name, string? Email, string? Position);

public sealed record RegistrationInput(Guid? OrganizationId, IReadOnlyList<ParticipantInput>? Participants);

public sealed record RegisteredParticipant(Guid Id, string Name, string Status);

/// <summary>
/// Agencies register named participants for an event, up to the event's limit per organisation. Seats go in
/// order; once the event is full a participant goes on the waiting list (and is told so), and moves up by
/// itself when someone with a seat cancels. Members of the organisation and OPDC may register and cancel;
/// another agency's registration is 404.
/// </summary>
public sealed class Registrations(PmqaDbContext db, TimeProvider clock, CurrentUser user, SeatKeeper seats)
{
    public async Task<Outcome<List<RegisteredParticipant>>> RegisterAsync(Guid eventId, RegistrationInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var participants = input.Participants ?? [];
        if (input.OrganizationId is not { } orgId) return errors.Add("organizationId", "ระบุหน่วยงานที่ลงทะเบียน", "Name the organisation registering.");
        if (!await user.CanSeeOrganizationAsync(orgId)) return new Outcome<List<RegisteredParticipant>>.NotFound();
        var ev = await db.PromotionEvents.SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (ev is null) return new Outcome<List<RegisteredParticipant>>.NotFound();
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null) return new Outcome<List<RegisteredParticipant>>.NotFound();
        var now = clock.GetUtcNow();
        if (!Seats.IsOpen(now, ev.StartsAt, ev.RegistrationDeadline, ev.CancelledAt is not null))
            return new Outcome<List<RegisteredParticipant>>.Conflict(new("ปิดรับลงทะเบียนกิจกรรมนี้แล้ว", "Registration for this event is closed."));
        EventNames.TryParse<EventAudience>(ev.Audience, out var audience);
        if (!org.Type.IsAssessed() || !EventNames.AudienceOf(org.Type).IsOn(audience))
            errors.Add("organizationId", "กิจกรรมนี้ไม่ได้จัดสำหรับหน่วยงานประเภทนี้", "This event is not for this type of organisation.");
        if (participants.Count == 0) errors.Add("participants", "ระบุผู้เข้าร่วมอย่างน้อย 1 คน", "Name at least one participant.");
        for (var i = 0; i < participants.Count; i++)
        {
            var p = participants[i];
            if (string.IsNullOrWhiteSpace(p.Name)) errors.Add($"participants[{i}].name", "ระบุชื่อผู้เข้าร่วม", "Give the participant's name.");
            else if (p.Name.Trim().Length > 256) errors.Add($"participants[{i}].name", "ชื่อยาวเกิน 256 ตัวอักษร", "The name is longer than 256 characters.");
            if (string.IsNullOrWhiteSpace(p.Email) || p.Email.Trim().Length > 254 || !MailAddress.TryCreate(p.Email.Trim(), out _))
                errors.Add($"participants[{i}].email", "ระบุอีเมลที่ถูกต้อง", "Give a valid e-mail address.");
            if ((p.Position ?? "").Trim().Length > 300) errors.Add($"participants[{i}].position", "ตำแหน่งยาวเกิน 300 ตัวอักษร", "The position is longer than 300 characters.");
        }
        if (errors.Any) return errors;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await seats.LockAsync(eventId, ct);
        var active = await db.EventRegistrations.Where(r => r.EventId == eventId && r.Status != SeatKeeper.Cancelled)
            .Select(r => new { r.OrganizationId, r.Status, r.Email }).ToListAsync(ct);
        var ours = active.Where(r => r.OrganizationId == orgId).ToList();
        if (!Seats.WithinOrganizationLimit(ev.PerOrganizationLimit, ours.Count, participants.Count))
            return errors.Add("participants", $"หน่วยงานหนึ่งลงทะเบียนได้ไม่เกิน {ev.PerOrganizationLimit} คน (ลงทะเบียนแล้ว {ours.Count} คน)",
                $"An organisation may register {ev.PerOrganizationLimit} participants at most ({ours.Count} registered already).");
        var duplicate = participants.Select(p => p.Email!.Trim().ToLowerInvariant()).GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key)
            .Concat(participants.Select(p => p.Email!.Trim().ToLowerInvariant()).Where(e => ours.Any(o => o.Email.Equals(e, StringComparison.OrdinalIgnoreCase))))
            .FirstOrDefault();
        if (duplicate is not null)
            return errors.Add("participants", $"ลงทะเบียน {duplicate} ซ้ำ", $"{duplicate} is registered already.");
        var statuses = Seats.Allocate(ev.Capacity, active.Count(r => r.Status == SeatKeeper.Confirmed), participants.Count);
        var added = participants.Select((p, i) => new EventRegistration
        {
            EventId = eventId, OrganizationId = orgId, Name = p.Name!.Trim(), Email = p.Email!.Trim(), Position = (p.Position ?? "").Trim(),
            Status = statuses[i].ApiName(), RegisteredAt = now.AddTicks(i), RegisteredByUserId = user.Id!.Value,
        }).ToList();
        db.EventRegistrations.AddRange(added);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return added.Select(r => new RegisteredParticipant(r.Id, r.Name, r.Status)).ToList();
    }

    /// <summary>Cancels one participant; the first on the waiting list takes a freed seat and is told.</summary>
    public async Task<Outcome<bool>> CancelAsync(Guid eventId, Guid registrationId, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, ct);
        if (registration is null || !await user.CanSeeOrganizationAsync(registration.OrganizationId)) return new Outcome<bool>.NotFound();
        if (registration.Status == SeatKeeper.Cancelled) return true;
        var ev = await db.PromotionEvents.SingleAsync(e => e.Id == eventId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await seats.LockAsync(eventId, ct);
        registration.Status = SeatKeeper.Cancelled;
        registration.CancelledAt = clock.GetUtcNow();
        var promoted = await seats.PromoteAsync(ev, ct);
        await seats.NotifyPromotedAsync(ev, promoted, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
