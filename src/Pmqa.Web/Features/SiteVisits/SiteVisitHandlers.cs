using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Reviews;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.SiteVisits;

public sealed record VisitBody(DateTimeOffset? ScheduledAt, string? Mode, string? Location, IReadOnlyList<Guid>? TeamIds, string? Agenda, int Version);

public sealed record FindingBody(string? Text, decimal? AdjustedScore, string? Reason);

public sealed record FindingView(string IssueCode, string Text, decimal? AdjustedScore, string? Reason, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record VisitView(string State, decimal? VerifiedTotal, bool Offered, string? DeclineReason, DateTimeOffset? ScheduledAt, string? Mode,
    string? Location, IReadOnlyList<TeamMember> Team, string? Agenda, DateTimeOffset? CompletedAt, int Version, IReadOnlyList<FindingView> Findings,
    object? FinalScore, Guid? CertificateId, string? CertificationReason);

/// <summary>
/// From the offer to the decision: the executive accepts or declines (with a reason), OPDC schedules the
/// visit, the visiting team records findings per issue and may adjust an issue's verified score (with a
/// reason), OPDC marks the visit done and decides Certified (status band of the final score) or Not certified.
/// </summary>
public sealed class SiteVisitHandlers(PmqaDbContext db, AssessmentAccess access, AssessmentWorkflow workflow, ReviewScores scores,
    SiteVisitScores finals, TimeProvider clock, CurrentUser me, Notifications.Notifier notifier)
{
    public async Task<Outcome<VisitView>> GetAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        return await ViewAsync(assessment, ct);
    }

    public async Task<Outcome<VisitView>> AnswerOfferAsync(Guid assessmentId, bool accept, string? reason, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Approve, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        if (!accept && string.IsNullOrWhiteSpace(reason))
            return new ValidationErrors().Add("reason", "กรุณาระบุเหตุผลที่ปฏิเสธการตรวจ ณ พื้นที่", "Give the reason for declining the site visit.");
        if (new ValidationErrors().Limit("reason", reason, TextLimits.Reason) is { Any: true } tooLong) return tooLong;
        var moved = await workflow.MoveAsync(assessment, accept ? AssessmentAction.AcceptSiteVisit : AssessmentAction.DeclineSiteVisit,
            TransitionFacts.None, reason, a =>
            {
                if (accept) db.SiteVisits.Add(new SiteVisit { AssessmentId = a.Id });
                else a.SiteVisitDeclineReason = reason!.Trim();
            }, ct);
        return moved is Outcome<AssessmentState>.Conflict c ? new Outcome<VisitView>.Conflict(c.Message) : await ViewAsync(assessment, ct);
    }

    public async Task<Outcome<VisitView>> ScheduleAsync(Guid assessmentId, VisitBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Manage, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        if (assessment.State != AssessmentState.SiteVisitScheduled) return new Outcome<VisitView>.Conflict(NotAccepted);
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        if (body.ScheduledAt is null) errors.Add("scheduledAt", "กรุณาระบุวันและเวลาที่ตรวจ", "Enter the date and time of the visit.");
        else if (body.ScheduledAt <= now)
            errors.Add("scheduledAt", "วันและเวลาที่ตรวจต้องเป็นเวลาในอนาคต", "The visit must be scheduled in the future.");
        if (!Enum.TryParse<SiteVisitMode>(body.Mode, ignoreCase: true, out var mode))
            errors.Add("mode", "กรุณาเลือกรูปแบบการตรวจ (ณ สถานที่ หรือ ออนไลน์)", "Choose on site or online.");
        if (string.IsNullOrWhiteSpace(body.Location))
            errors.Add("location", "กรุณาระบุสถานที่หรือลิงก์การประชุม", "Enter the address or the meeting link.");
        errors.Limit("location", body.Location, TextLimits.Url).Limit("agenda", body.Agenda, TextLimits.Comment);
        var team = (body.TeamIds ?? []).Distinct().ToList();
        if (team.Count == 0) errors.Add("teamIds", "กรุณาเลือกคณะผู้ตรวจ ณ พื้นที่อย่างน้อยหนึ่งคน", "Choose at least one person for the visiting team.");
        var opdc = await db.Memberships.AsNoTracking().Where(m => team.Contains(m.UserId) && (m.Role == Role.Reviewer || m.Role == Role.OpdcOfficer))
            .Select(m => m.UserId).Distinct().CountAsync(ct);
        var conflicted = await db.Memberships.AnyAsync(m => team.Contains(m.UserId) && m.OrganizationId == assessment.OrganizationId, ct);
        if (team.Count > 0 && (opdc != team.Count || conflicted))
            errors.Add("teamIds", "คณะผู้ตรวจต้องเป็นผู้ตรวจประเมินหรือเจ้าหน้าที่ ก.พ.ร. ที่ไม่ใช่บุคลากรของหน่วยงาน",
                "The visiting team must be reviewers or OPDC officers who are not members of the agency.");
        if (errors.Any) return errors;
        var visit = await db.SiteVisits.SingleAsync(v => v.AssessmentId == assessmentId, ct);
        if (visit.Version != body.Version) return new Outcome<VisitView>.Conflict(Stale);
        db.Entry(visit).Property(v => v.Version).OriginalValue = body.Version;
        visit.ScheduledAt = body.ScheduledAt?.ToUniversalTime();
        visit.Mode = mode;
        visit.Location = body.Location!.Trim();
        visit.TeamJson = JsonSerializer.Serialize(team);
        visit.Agenda = body.Agenda?.Trim() ?? "";
        var added = team.Except(JsonSerializer.Deserialize<List<Guid>>(db.Entry(visit).Property(v => v.TeamJson).OriginalValue) ?? []).ToList();
        await notifier.NotifyAsync(added.Where(id => id != me.Id), new Notifications.NotificationText(
            "ท่านอยู่ในคณะผู้ตรวจ ณ พื้นที่", "You are on a site-visit team",
            $"{assessment.Organization?.NameTh} ปีงบประมาณ {assessment.Round?.FiscalYear}",
            $"{(assessment.Organization?.NameEn is { Length: > 0 } en ? en : assessment.Organization?.NameTh)}, fiscal year {assessment.Round?.FiscalYear}",
            $"/assessments/{assessment.Id}/site-visit"), ct);
        return await SaveAsync(assessment, ct);
    }

    public async Task<Outcome<VisitView>> SaveFindingAsync(Guid assessmentId, string issueCode, FindingBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        var visit = await db.SiteVisits.SingleOrDefaultAsync(v => v.AssessmentId == assessmentId, ct);
        if (visit is null || !(await me.SeesAllOrganizationsAsync() || Team(visit).Contains(me.Id ?? Guid.Empty)))
            return new Outcome<VisitView>.Forbidden(new Msg("เฉพาะคณะผู้ตรวจ ณ พื้นที่ที่บันทึกข้อค้นพบได้", "Only the visiting team records findings."));
        if (assessment.State != AssessmentState.SiteVisitScheduled || visit.ScheduledAt is null) return new Outcome<VisitView>.Conflict(NotAccepted);
        if (visit.ScheduledAt > clock.GetUtcNow()) return new Outcome<VisitView>.Conflict(NotYet(visit));
        var context = await scores.ContextAsync(assessment, ct);
        if (context.Pack.FindIssue(issueCode) is null) return new Outcome<VisitView>.NotFound();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Text)) errors.Add("text", "กรุณาบันทึกข้อค้นพบ", "Write the finding.");
        if (body.AdjustedScore is < 0 or > 500) errors.Add("adjustedScore", "คะแนนที่ปรับต้องอยู่ระหว่าง 0 ถึง 500", "The adjusted score must be between 0 and 500.");
        if (body.AdjustedScore is not null && string.IsNullOrWhiteSpace(body.Reason))
            errors.Add("reason", "กรุณาระบุเหตุผลของการปรับคะแนน", "Give the reason for adjusting the score.");
        errors.Limit("text", body.Text, TextLimits.Comment).Limit("reason", body.Reason, TextLimits.Reason);
        if (errors.Any) return errors;
        var finding = await db.SiteVisitFindings.SingleOrDefaultAsync(f => f.SiteVisitId == visit.Id && f.IssueCode == issueCode, ct);
        if (finding is null) db.SiteVisitFindings.Add(finding = new SiteVisitFinding { SiteVisitId = visit.Id, IssueCode = issueCode });
        finding.Text = body.Text!.Trim();
        finding.AdjustedScore = body.AdjustedScore is { } s ? Math.Round(s, 2, MidpointRounding.AwayFromZero) : null;
        finding.AdjustmentReason = body.AdjustedScore is null ? null : body.Reason!.Trim();
        finding.UpdatedAt = clock.GetUtcNow();
        finding.UpdatedBy = me.Name;
        return await SaveAsync(assessment, ct);
    }

    public async Task<Outcome<VisitView>> CompleteAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Manage, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        var visit = await db.SiteVisits.Include(v => v.Findings).SingleOrDefaultAsync(v => v.AssessmentId == assessmentId, ct);
        if (visit is { ScheduledAt: { } at } && at > clock.GetUtcNow()) return new Outcome<VisitView>.Conflict(NotYet(visit));
        var facts = new TransitionFacts { VisitScheduled = visit?.ScheduledAt is not null, FindingsRecorded = visit?.Findings.Count > 0 };
        var moved = await workflow.MoveAsync(assessment, AssessmentAction.CompleteSiteVisit, facts, null, _ => visit!.CompletedAt = clock.GetUtcNow(), ct);
        return moved is Outcome<AssessmentState>.Conflict c ? new Outcome<VisitView>.Conflict(c.Message) : await ViewAsync(assessment, ct);
    }

    /// <summary>Certified with the status band of the final score (an issue certificate valid to the end of
    /// the next fiscal year), or Not certified with a reason.</summary>
    public async Task<Outcome<VisitView>> DecideAsync(Guid assessmentId, bool certified, string? reason, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Manage, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<VisitView>(found);
        if (!certified && string.IsNullOrWhiteSpace(reason))
            return new ValidationErrors().Add("reason", "กรุณาระบุเหตุผลที่ไม่รับรอง", "Give the reason for not certifying.");
        if (new ValidationErrors().Limit("reason", reason, TextLimits.Reason) is { Any: true } tooLong) return tooLong;
        var context = await scores.ContextAsync(assessment, ct);
        var verified = await scores.ConsensusCardAsync(assessment, context, ct);
        var final = await finals.FinalCardAsync(assessment, context, verified, ct) ?? verified;
        if (certified && final.Status == MaturityLevel.None)
            return new Outcome<VisitView>.Conflict(new Msg("คะแนนสุดท้ายยังไม่ถึงระดับพื้นฐาน จึงรับรองไม่ได้",
                "The final score is below the Basic band, so it cannot be certified."));
        var now = clock.GetUtcNow();
        // The number and the certificate commit together (see CertificateNumbers).
        await using var transaction = certified ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = certified ? await Certificates.CertificateNumbers.NextAsync(db, assessment.Round!.FiscalYear, ct) : "";
        var moved = await workflow.MoveAsync(assessment, certified ? AssessmentAction.Certify : AssessmentAction.DenyCertification, TransitionFacts.None, reason, a =>
        {
            a.FinalScoreJson = JsonSerializer.Serialize(AssessmentScores.ToJson(final), FrameworkPackJson.Options);
            a.FinalTotal = final.RoundedTotal;
            a.CertificationReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            if (certified)
                db.Certificates.Add(new Certificate
                {
                    AssessmentId = a.Id, OrganizationId = a.OrganizationId, FiscalYear = a.Round!.FiscalYear, Status = final.Status.ToString(),
                    FinalScore = final.RoundedTotal, IssuedAt = now, ValidUntil = ThaiTime.FiscalYearStart(a.Round.FiscalYear + 2).AddSeconds(-1).ToUniversalTime(),
                    Number = number, SignatoryName = a.Round.SignatoryName, SignatoryPosition = a.Round.SignatoryPosition,
                });
        }, ct);
        if (moved is Outcome<AssessmentState>.Conflict c) return new Outcome<VisitView>.Conflict(c.Message);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return await ViewAsync(assessment, ct);
    }

    private static readonly Msg NotAccepted = new("ขั้นตอนนี้ทำได้หลังจากหน่วยงานตอบรับการตรวจ ณ พื้นที่ และก่อนบันทึกว่าตรวจเสร็จ",
        "This step is possible once the agency accepted the visit and before the visit is marked done.");
    private static readonly Msg Stale = new("มีผู้อื่นแก้ไขนัดหมายนี้ก่อน กรุณาโหลดใหม่", "Someone else changed this visit first; reload it.");

    /// <summary>Findings and "done" describe a visit that took place: not before its scheduled time.</summary>
    private static Msg NotYet(SiteVisit visit)
    {
        var at = visit.ScheduledAt!.Value;
        return new($"ยังไม่ถึงเวลาตรวจตามนัดหมาย ({ThaiTime.FormatDateTime(at, true)}) จึงบันทึกข้อค้นพบหรือบันทึกว่าตรวจเสร็จยังไม่ได้",
            $"The visit is scheduled for {ThaiTime.FormatDateTime(at, false)}: findings and completion can be recorded once that time has come.");
    }

    private static List<Guid> Team(SiteVisit visit) => JsonSerializer.Deserialize<List<Guid>>(visit.TeamJson) ?? [];

    private async Task<Outcome<VisitView>> SaveAsync(Assessment assessment, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            return new Outcome<VisitView>.Conflict(Stale);
        }
        return await ViewAsync(assessment, ct);
    }

    /// <summary>The visit as the page and the API show it, for an assessment the caller already loaded.</summary>
    public async Task<VisitView> ViewAsync(Assessment a, CancellationToken ct = default)
    {
        var visit = await db.SiteVisits.AsNoTracking().Include(v => v.Findings).SingleOrDefaultAsync(v => v.AssessmentId == a.Id, ct);
        var teamIds = visit is null ? [] : Team(visit);
        var team = await db.Users.AsNoTracking().Where(u => teamIds.Contains(u.Id))
            .Select(u => new TeamMember(u.Id, u.DisplayName, u.Email!, false, null, null)).ToListAsync(ct);
        object? final = null;
        if (a.FinalScoreJson is not null) final = JsonDocument.Parse(a.FinalScoreJson).RootElement;
        else if (a.State.IsVerified())
        {
            var context = await scores.ContextAsync(a, ct);
            var verified = await scores.ConsensusCardAsync(a, context, ct);
            final = AssessmentScores.ToJson(await finals.FinalCardAsync(a, context, verified, ct) ?? verified);
        }
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.AssessmentId == a.Id).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        return new VisitView(a.State.ToString(), a.VerifiedTotal, a.State >= AssessmentState.SiteVisitOffered || a.SiteVisitDeclineReason is not null,
            a.SiteVisitDeclineReason, visit?.ScheduledAt, visit?.ScheduledAt is null ? null : visit.Mode.ToString(), visit?.Location, team, visit?.Agenda,
            visit?.CompletedAt, visit?.Version ?? 0,
            visit?.Findings.OrderBy(f => f.IssueCode, StringComparer.Ordinal).Select(f => new FindingView(f.IssueCode, f.Text, f.AdjustedScore, f.AdjustmentReason, f.UpdatedBy, f.UpdatedAt)).ToList() ?? [],
            final, certificate, a.CertificationReason);
    }
}
