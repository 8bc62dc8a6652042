using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// An organisation's progress update per follow-up period (issue 12, ADR 0027). The coordinator sends it with a note:
/// the register is frozen as it is (JSON) with its figures as typed columns, and it awaits the executive, who approves
/// it (then it is submitted, and its lateness is decided) or returns it with a reason (then the coordinator sends it
/// again, frozen anew). Members and OPDC read; another agency is told nothing (404). Audited by the interceptor.
/// </summary>
public sealed class DigitalUpdates(PmqaDbContext db, DigitalAccess access, CurrentUser me, Notifier notifier, Recipients recipients, TimeProvider clock)
{
    public static readonly Msg CoordinatorOnly = new("เฉพาะผู้ประสานงานของหน่วยงานที่ส่งรายงานความก้าวหน้าได้",
        "Only the agency's coordinator sends a progress update.");
    public static readonly Msg ExecutiveOnly = new("เฉพาะผู้บริหารของหน่วยงานที่อนุมัติหรือส่งกลับรายงานความก้าวหน้าได้",
        "Only the agency's executive approves or returns a progress update.");
    public static readonly Msg AlreadySent = new("หน่วยงานส่งรายงานความก้าวหน้าของรอบนี้แล้ว ส่งใหม่ได้เมื่อผู้บริหารส่งกลับให้แก้ไข",
        "The organisation has sent this period's update already; it can be sent again only when the executive returns it.");
    public static readonly Msg NotAwaiting = new("รายงานนี้ไม่ได้รอการอนุมัติ", "This update is not awaiting approval.");
    public static readonly Msg StaleMessage = new("รายงานนี้เปลี่ยนไปหลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่", "This update changed after you opened it: reload it.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<UpdateList>> ListAsync(Guid orgId, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<UpdateList>.NotFound();
        var now = clock.GetUtcNow();
        var periods = await db.DigitalPeriods.AsNoTracking().ToListAsync(ct);
        var updates = await db.DigitalUpdates.AsNoTracking().Where(u => u.OrganizationId == orgId).ToListAsync(ct);
        var byPeriod = updates.ToDictionary(u => u.PeriodId);
        var standings = periods.Where(p => FollowUpPeriods.IsOpenForUpdates(p.StartsOn, now)).OrderByDescending(p => p.Deadline)
            .Select(p => byPeriod.TryGetValue(p.Id, out var u)
                ? new PeriodStanding(PeriodView.Of(p, now), u.Id, u.Status.ApiName(), Standing(p, u, now).ApiName())
                : new PeriodStanding(PeriodView.Of(p, now), null, null, Standing(p, null, now).ApiName()))
            .ToList();
        var views = updates.Join(periods, u => u.PeriodId, p => p.Id, (u, p) => UpdateView.Of(u, p, now))
            .OrderByDescending(v => v.Deadline).ToList();
        return new UpdateList(standings, views);
    }

    public async Task<Outcome<UpdateDetail>> GetAsync(Guid orgId, Guid id, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<UpdateDetail>.NotFound();
        var update = await db.DigitalUpdates.AsNoTracking().Include(u => u.Period).SingleOrDefaultAsync(u => u.Id == id && u.OrganizationId == orgId, ct);
        if (update is null) return new Outcome<UpdateDetail>.NotFound();
        return new UpdateDetail(UpdateView.Of(update, update.Period!, clock.GetUtcNow()),
            JsonSerializer.Deserialize<List<FrozenService>>(update.RegisterJson, Json) ?? []);
    }

    /// <summary>Freezes the register for the period and sends it to the executive. A period not yet open, or a second
    /// update for the same period (unless the first was returned), is refused.</summary>
    public async Task<Outcome<UpdateView>> SubmitAsync(Guid orgId, UpdateInput input, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<UpdateView>.NotFound();
        if (!await me.HasRoleInAsync(orgId, Role.Coordinator)) return new Outcome<UpdateView>.Forbidden(CoordinatorOnly);
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        var period = input.PeriodId is { } pid ? await db.DigitalPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (period is null) errors.Add("periodId", "กรุณาเลือกรอบการติดตาม", "Choose a follow-up period.");
        else if (!FollowUpPeriods.IsOpenForUpdates(period.StartsOn, now))
            errors.Add("periodId", $"รอบนี้เริ่มรับรายงาน {ThaiDate(period.StartsOn, true)}", $"This period takes updates from {ThaiDate(period.StartsOn, false)}.");
        errors.Limit("note", input.Note, TextLimits.Reason);
        if (errors.Any) return errors;

        var update = await db.DigitalUpdates.SingleOrDefaultAsync(u => u.OrganizationId == orgId && u.PeriodId == period!.Id, ct);
        if (update is not null && update.Status != UpdateStatus.Returned) return new Outcome<UpdateView>.Conflict(AlreadySent);
        if (update is null)
        {
            update = new DigitalUpdate { OrganizationId = orgId, PeriodId = period!.Id };
            db.DigitalUpdates.Add(update);
        }
        await FreezeAsync(update, orgId, ct);
        update.Status = UpdateStatus.AwaitingApproval;
        update.Note = input.Note?.Trim() ?? "";
        update.SubmittedAt = now;
        update.SubmittedBy = me.Name;
        update.ApprovedAt = null;
        update.ApprovedBy = "";
        update.ReturnReason = "";
        await notifier.NotifyAsync(await recipients.AgencyAsync(orgId, Role.Executive), new NotificationText(
            "รายงานความก้าวหน้าบริการดิจิทัลรอการอนุมัติ", "A digital progress update awaits your approval",
            $"ผู้ประสานงานส่งรายงานความก้าวหน้า {period!.NameTh} กำหนดส่ง {ThaiDate(period.Deadline, true)}",
            $"The coordinator sent the progress update for {Name(period)}, due on {ThaiDate(period.Deadline, false)}.",
            Link(orgId)), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else of the organisation sent this period's update at the same moment (unique index), or returned
            // one was sent again meanwhile (version).
            db.ChangeTracker.Clear();
            return new Outcome<UpdateView>.Conflict(AlreadySent);
        }
        return UpdateView.Of(update, period, now);
    }

    public Task<Outcome<UpdateView>> ApproveAsync(Guid orgId, Guid id, int? ifMatch, CancellationToken ct = default) =>
        DecideAsync(orgId, id, ifMatch, null, ct);

    public async Task<Outcome<UpdateView>> ReturnAsync(Guid orgId, Guid id, int? ifMatch, ReturnInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "กรุณาระบุเหตุผลที่ส่งกลับ", "Give the reason for returning it.");
        errors.Limit("reason", input.Reason, TextLimits.Reason);
        // Who may return is asked first: a stranger learns nothing from the validation.
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<UpdateView>.NotFound();
        if (!await me.HasRoleInAsync(orgId, Role.Executive)) return new Outcome<UpdateView>.Forbidden(ExecutiveOnly);
        if (errors.Any) return errors;
        return await DecideAsync(orgId, id, ifMatch, input.Reason!.Trim(), ct);
    }

    /// <summary>Approves (reason null) or returns an update awaiting approval; the coordinators are told either way.</summary>
    private async Task<Outcome<UpdateView>> DecideAsync(Guid orgId, Guid id, int? ifMatch, string? returnReason, CancellationToken ct)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<UpdateView>.NotFound();
        var update = await db.DigitalUpdates.Include(u => u.Period).SingleOrDefaultAsync(u => u.Id == id && u.OrganizationId == orgId, ct);
        if (update is null) return new Outcome<UpdateView>.NotFound();
        if (!await me.HasRoleInAsync(orgId, Role.Executive)) return new Outcome<UpdateView>.Forbidden(ExecutiveOnly);
        if (ifMatch is { } v && v != update.Version) return new Outcome<UpdateView>.Conflict(StaleMessage);
        if (update.Status != UpdateStatus.AwaitingApproval) return new Outcome<UpdateView>.Conflict(NotAwaiting);
        var now = clock.GetUtcNow();
        var period = update.Period!;
        if (returnReason is null)
        {
            update.Status = UpdateStatus.Submitted;
            update.ApprovedAt = now;
            update.ApprovedBy = me.Name;
            var late = FollowUpPeriods.Of(period.Deadline, now, now) == Lateness.Late;
            await notifier.NotifyAsync(await recipients.AgencyAsync(orgId, Role.Coordinator), new NotificationText(
                "ผู้บริหารอนุมัติรายงานความก้าวหน้าบริการดิจิทัลแล้ว", "The executive approved the digital progress update",
                late ? $"ส่งถึงสำนักงาน ก.พ.ร. แล้ว หลังกำหนดส่ง {ThaiDate(period.Deadline, true)}" : "รายงานถูกส่งถึงสำนักงาน ก.พ.ร. แล้ว",
                late ? $"It has been sent to OPDC, after the deadline of {ThaiDate(period.Deadline, false)}." : "The update has been sent to OPDC.",
                Link(orgId)), ct);
        }
        else
        {
            update.Status = UpdateStatus.Returned;
            update.ReturnReason = returnReason;
            await notifier.NotifyAsync(await recipients.AgencyAsync(orgId, Role.Coordinator), new NotificationText(
                "ผู้บริหารส่งรายงานความก้าวหน้าบริการดิจิทัลกลับให้แก้ไข", "The executive returned the digital progress update",
                returnReason, returnReason, Link(orgId)), ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<UpdateView>.Conflict(StaleMessage);
        }
        return UpdateView.Of(update, period, now);
    }

    /// <summary>Whether the caller may send, approve or return this organisation's updates (for the page's buttons).</summary>
    public async Task<(bool Submit, bool Decide)> RightsAsync(Guid orgId) =>
        (await me.HasRoleInAsync(orgId, Role.Coordinator), await me.HasRoleInAsync(orgId, Role.Executive));

    public static Lateness Standing(DigitalPeriod p, DigitalUpdate? u, DateTimeOffset now) =>
        FollowUpPeriods.Of(p.Deadline, u is { Status: UpdateStatus.Submitted } ? u.ApprovedAt : null, now);

    public static string Link(Guid orgId) => $"/organizations/{orgId}/digital#updates";

    public static string ThaiDate(DateOnly date, bool thai) =>
        ThaiTime.FormatDate(new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), ThaiTime.Bangkok.BaseUtcOffset), thai);

    private static string Name(DigitalPeriod p) => p.NameEn.Length > 0 ? p.NameEn : p.NameTh;

    /// <summary>Copies the register as it is now onto the update: every service as JSON and the figures as columns.</summary>
    private async Task FreezeAsync(DigitalUpdate update, Guid orgId, CancellationToken ct)
    {
        var services = await db.DigitalServices.AsNoTracking().Where(s => s.OrganizationId == orgId).ToListAsync(ct);
        var frozen = services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new FrozenService(
            s.Id, s.Name, DigitalNames.ApiName(s.Audience), DigitalNames.ApiName(s.Channel), DigitalRules.OnCentralPlatform(s.Channel), s.FullyDigital,
            DigitalNames.ApiNames(s.CommonServices), s.TargetYear, s.ExceptionReason, s.ExceptionGrantedAt is not null, s.ResponsibleUnit, s.Internal)).ToList();
        update.RegisterJson = JsonSerializer.Serialize(frozen, Json);
        update.Services = frozen.Count;
        update.FullyDigital = frozen.Count(s => s.FullyDigital);
        update.OnCentralPlatform = frozen.Count(s => s.OnCentralPlatform);
        update.Datasets = await db.CatalogDatasets.CountAsync(d => d.OrganizationId == orgId, ct);
    }
}
