using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

/// <summary>What an officer may change on a round: its dates, its site-visit threshold and who signs its
/// certificates. The opening date only until the round opens (drafts exist from then on). The fiscal year,
/// framework and audiences are fixed: cancel a round that has not opened and create it again instead.
/// A value left out (null) keeps the round's current one; an empty signatory clears it. The page sends the
/// whole form (<see cref="WholeForm"/>): there an emptied optional date is cleared.</summary>
public sealed record RoundEdit(int? Version, DateTimeOffset? OpensAt, DateTimeOffset? SubmissionDeadline, DateTimeOffset? VerificationEndsAt,
    DateTimeOffset? SiteVisitFrom, DateTimeOffset? SiteVisitTo, DateTimeOffset? AwardDate, decimal? SiteVisitThreshold,
    string? SignatoryName, string? SignatoryPosition, bool WholeForm = false,
    DateTimeOffset? PlanDeadline = null, DateTimeOffset? Month6ReportDeadline = null, DateTimeOffset? Month12ReportDeadline = null);

/// <summary>
/// Edits a round (audited like every change). When an opened round's submission deadline moves, the agencies'
/// coordinators and executives are told, in the same save. A stale <c>version</c> is refused rather than
/// overwriting someone else's change.
/// </summary>
public sealed class EditRound(PmqaDbContext db, Notifier notifier)
{
    public async Task<Outcome<int>> HandleAsync(Guid roundId, RoundEdit edit, CancellationToken ct = default)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<int>.NotFound();
        if (edit.Version is { } version && version != round.Version) return Stale;
        var errors = new ValidationErrors();
        var opensAt = edit.OpensAt ?? round.OpensAt;
        if (round.OpenedAt is not null && edit.OpensAt is { } changed && changed != round.OpensAt)
            errors.Add("opensAt", "รอบนี้เปิดแล้ว จึงเปลี่ยนวันเปิดรอบไม่ได้", "The round is open already: its opening date cannot change.");
        if (edit.SiteVisitThreshold is < 0 or > 500)
            errors.Add("siteVisitThreshold", "เกณฑ์คะแนนต้องอยู่ระหว่าง 0 ถึง 500", "The threshold must be between 0 and 500.");
        errors.Limit("signatoryName", edit.SignatoryName, TextLimits.Name).Limit("signatoryPosition", edit.SignatoryPosition, TextLimits.Name);
        DateTimeOffset? Optional(DateTimeOffset? given, DateTimeOffset? current) => edit.WholeForm ? given : given ?? current;
        var dates = new RoundRules.Dates(opensAt, edit.SubmissionDeadline ?? round.SubmissionDeadline, Optional(edit.VerificationEndsAt, round.VerificationEndsAt),
            Optional(edit.SiteVisitFrom, round.SiteVisitFrom), Optional(edit.SiteVisitTo, round.SiteVisitTo), Optional(edit.AwardDate, round.AwardDate));
        if (edit.WholeForm && edit.SubmissionDeadline is null) errors.Add("submissionDeadline", "กรุณาระบุกำหนดส่ง", "Enter the submission deadline.");
        RoundRules.Validate(round.FiscalYear, dates, errors);
        // Improvement plans' deadlines (ADR 0017): reports follow the plan, the 12-month one the 6-month one.
        var planDeadline = Optional(edit.PlanDeadline, round.PlanDeadline);
        var month6 = Optional(edit.Month6ReportDeadline, round.Month6ReportDeadline);
        var month12 = Optional(edit.Month12ReportDeadline, round.Month12ReportDeadline);
        if (planDeadline is { } pd && month6 is { } m6 && m6 <= pd)
            errors.Add("month6ReportDeadline", "กำหนดส่งรายงานรอบ 6 เดือนต้องหลังกำหนดส่งแผน", "The 6-month report is due after the plan.");
        if (month6 is { } six && month12 is { } twelve && twelve <= six)
            errors.Add("month12ReportDeadline", "กำหนดส่งรายงานรอบ 12 เดือนต้องหลังรอบ 6 เดือน", "The 12-month report is due after the 6-month one.");
        if (errors.Any) return errors;
        round.PlanDeadline = planDeadline?.ToUniversalTime();
        round.Month6ReportDeadline = month6?.ToUniversalTime();
        round.Month12ReportDeadline = month12?.ToUniversalTime();

        var deadlineMoved = round.OpenedAt is not null && dates.SubmissionDeadline!.Value != round.SubmissionDeadline;
        round.OpensAt = opensAt.ToUniversalTime();
        round.SubmissionDeadline = dates.SubmissionDeadline!.Value.ToUniversalTime();
        round.VerificationEndsAt = dates.VerificationEndsAt?.ToUniversalTime();
        round.SiteVisitFrom = dates.SiteVisitFrom?.ToUniversalTime();
        round.SiteVisitTo = dates.SiteVisitTo?.ToUniversalTime();
        round.AwardDate = dates.AwardDate?.ToUniversalTime();
        if (edit.SiteVisitThreshold is { } threshold) round.SiteVisitThreshold = threshold;
        if (edit.SignatoryName is not null) round.SignatoryName = edit.SignatoryName.Trim();
        if (edit.SignatoryPosition is not null) round.SignatoryPosition = edit.SignatoryPosition.Trim();
        if (edit.Version is { } expected) db.Entry(round).Property(r => r.Version).OriginalValue = expected;
        if (deadlineMoved)
        {
            var organizations = db.Assessments.Where(a => a.RoundId == roundId).Select(a => a.OrganizationId);
            var people = await db.Memberships.AsNoTracking()
                .Where(m => organizations.Contains(m.OrganizationId) && (m.Role == Role.Coordinator || m.Role == Role.Executive))
                .Select(m => m.UserId).Distinct().ToListAsync(ct);
            var th = ThaiTime.FormatDateTime(round.SubmissionDeadline, true);
            var en = ThaiTime.FormatDateTime(round.SubmissionDeadline, false);
            await notifier.NotifyAsync(people, new NotificationText(
                $"กำหนดส่งผลการประเมินตนเองเปลี่ยนเป็น {th}", $"The self-assessment deadline is now {en}",
                $"สำนักงาน ก.พ.ร. เปลี่ยนกำหนดส่งของ{ThaiTime.FormatFiscalYear(round.FiscalYear, true)} เป็น {th} (เวลาประเทศไทย)",
                $"OPDC moved the deadline of {ThaiTime.FormatFiscalYear(round.FiscalYear, false)} to {en} (Bangkok time).", "/"), ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return round.Version;
    }

    private static Outcome<int>.Conflict Stale => new(new Msg(
        "มีผู้อื่นแก้ไขรอบนี้ก่อนคุณ กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง", "Someone else changed this round after you opened it; reload it and edit again."));
}

/// <summary>Cancels a round that has not opened: nobody was told of it and no assessment exists, so it is removed
/// (the audit trail keeps what it was and who removed it). An opened round cannot be cancelled here.</summary>
public sealed class CancelRound(PmqaDbContext db)
{
    public async Task<Outcome<bool>> HandleAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await db.Rounds.Include(r => r.Extensions).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<bool>.NotFound();
        if (round.OpenedAt is not null || await db.Assessments.AnyAsync(a => a.RoundId == roundId, ct))
            return new Outcome<bool>.Conflict(new Msg("รอบนี้เปิดแล้ว หน่วยงานได้รับแบบประเมินแล้ว จึงยกเลิกไม่ได้",
                "This round is open and agencies have their assessments: it cannot be cancelled."));
        db.Rounds.Remove(round);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
