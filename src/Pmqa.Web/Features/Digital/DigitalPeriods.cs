using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>OPDC's follow-up periods of the digital register (issue 12, ADR 0027): everyone signed in reads them (an
/// agency needs its deadline); OPDC officers and administrators create and change them, a change with the version
/// read (a stale copy is refused). Audited by the interceptor.</summary>
public sealed class DigitalPeriods(PmqaDbContext db, CurrentUser me, TimeProvider clock)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขรอบการติดตามนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone changed this period after you opened it: reload it and make your change again.");
    public static readonly Msg OpdcOnly = new("เฉพาะสำนักงาน ก.พ.ร. ที่กำหนดรอบการติดตามได้", "Only OPDC sets follow-up periods.");

    /// <summary>Newest deadline first.</summary>
    public async Task<List<PeriodView>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return [.. (await db.DigitalPeriods.AsNoTracking().ToListAsync(ct)).OrderByDescending(p => p.Deadline).ThenBy(p => p.NameTh, StringComparer.Ordinal)
            .Select(p => PeriodView.Of(p, now))];
    }

    public async Task<Outcome<PeriodView>> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.DigitalPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p ? PeriodView.Of(p, clock.GetUtcNow()) : new Outcome<PeriodView>.NotFound();

    public async Task<Outcome<PeriodView>> CreateAsync(PeriodInput input, CancellationToken ct = default)
    {
        if (!await me.SeesAllOrganizationsAsync()) return new Outcome<PeriodView>.Forbidden(OpdcOnly);
        if (Check(input) is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var period = Fill(new DigitalPeriod { CreatedAt = now }, input, now);
        db.DigitalPeriods.Add(period);
        await db.SaveChangesAsync(ct);
        return PeriodView.Of(period, now);
    }

    public async Task<Outcome<PeriodView>> UpdateAsync(Guid id, int ifMatch, PeriodInput input, CancellationToken ct = default)
    {
        if (!await me.SeesAllOrganizationsAsync()) return new Outcome<PeriodView>.Forbidden(OpdcOnly);
        var period = await db.DigitalPeriods.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return new Outcome<PeriodView>.NotFound();
        if (period.Version != ifMatch) return new Outcome<PeriodView>.Conflict(StaleMessage);
        if (Check(input) is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        Fill(period, input, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<PeriodView>.Conflict(StaleMessage);
        }
        return PeriodView.Of(period, now);
    }

    private static ValidationErrors? Check(PeriodInput input)
    {
        var errors = FollowUpPeriods.Check(new PeriodDraft(input.NameTh, input.NameEn, input.StartsOn, input.Deadline));
        if (errors.Count == 0) return null;
        var invalid = new ValidationErrors();
        foreach (var e in errors) invalid.Add(e.Field, e.Th, e.En);
        return invalid;
    }

    private static DigitalPeriod Fill(DigitalPeriod p, PeriodInput input, DateTimeOffset now)
    {
        p.NameTh = input.NameTh!.Trim();
        p.NameEn = input.NameEn?.Trim() ?? "";
        p.StartsOn = input.StartsOn!.Value;
        p.Deadline = input.Deadline!.Value;
        p.UpdatedAt = now;
        return p;
    }
}
