using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>The body of <c>PUT …/gaps/{issueCode}</c>. It replaces the settings: a field left out is cleared
/// (targetLevel null = the default target, impact/urgency null = not rated, selected false).</summary>
public sealed record GapSettingBody(string? TargetLevel, int? Impact, int? Urgency, bool? Selected, string? Rationale);

/// <summary>
/// Saves the agency's decisions about one gap. Whoever may edit the issue's answers (the coordinator; a category
/// owner for the categories given to them) may set them, in any state of the assessment: priorities are set after
/// submission too. Versioned like the answers: a save from a stale copy is refused with the current settings.
/// </summary>
public sealed class GapCommands(PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog, CategoryAssignments assignments,
    GapQueries gaps, TimeProvider clock, Infrastructure.Auth.CurrentUser me)
{
    public static readonly Msg StaleMessage = new(
        "มีผู้อื่นบันทึกเป้าหมายหรือลำดับความสำคัญของประเด็นนี้หลังจากที่คุณเปิดอ่าน กรุณาตรวจสอบค่าล่าสุดแล้วบันทึกอีกครั้ง",
        "Someone else saved this issue's target or priority after you opened it. Check the saved values and save again.");

    public async Task<Outcome<GapView>> SaveAsync(Guid assessmentId, string issueCode, int ifMatch, GapSettingBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<GapView>(found);
        var pack = await catalog.PackOfAsync(assessment, ct);
        if (pack.FindIssue(issueCode) is not { } issue) return new Outcome<GapView>.NotFound();
        if (!await assignments.MayEditAsync(assessment, pack.CategoryOf(issue).Code, ct))
            return new Outcome<GapView>.Forbidden(new Msg("หมวดนี้ยังไม่ได้มอบหมายให้คุณ ผู้ประสานงานมอบหมายหมวดได้ที่หน้าการประเมิน",
                "This category is not assigned to you; the coordinator assigns categories on the assessment's page."));

        var before = await CurrentAsync(assessmentId, issueCode, ct);
        var errors = Validate(body, before?.Level is { } reached ? Enum.Parse<MaturityLevel>(reached) : MaturityLevel.None, out var target);
        if (errors.Any) return errors;

        var row = await db.GapSettings.SingleOrDefaultAsync(g => g.AssessmentId == assessmentId && g.IssueCode == issueCode, ct);
        if ((row?.Version ?? 0) != ifMatch) return new Outcome<GapView>.Conflict(StaleMessage);
        if (row is null)
        {
            row = new GapSetting { AssessmentId = assessmentId, IssueCode = issueCode, Version = 1 };
            db.GapSettings.Add(row);
        }
        else db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch;
        row.TargetLevel = target;
        row.Impact = body.Impact;
        row.Urgency = body.Urgency;
        row.Selected = body.Selected ?? false;
        row.Rationale = string.IsNullOrWhiteSpace(body.Rationale) ? null : body.Rationale.Trim();
        if (db.Entry(row).State is EntityState.Added or EntityState.Modified)
        {
            row.UpdatedAt = clock.GetUtcNow();
            row.UpdatedBy = me.Name;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            return new Outcome<GapView>.Conflict(StaleMessage);
        }
        return await CurrentAsync(assessmentId, issueCode, ct) is { } view ? view : new Outcome<GapView>.NotFound();
    }

    /// <summary>The issue's gap as stored now (self-assessed view), or null.</summary>
    public async Task<GapView?> CurrentAsync(Guid assessmentId, string issueCode, CancellationToken ct = default) =>
        await gaps.ListAsync(assessmentId, GapSide.Self, ct) is Outcome<GapList>.Ok ok
            ? ok.Value.Gaps.FirstOrDefault(g => g.IssueCode == issueCode) : null;

    /// <summary>Field errors named as the API's fields. A target must be a level (Basic, Advance, Significance) and
    /// not below the level the answers reach now (ADR 0016); a selected gap needs its rationale.</summary>
    public static ValidationErrors Validate(GapSettingBody body, MaturityLevel reached, out MaturityLevel? target)
    {
        var errors = new ValidationErrors();
        target = null;
        if (!string.IsNullOrWhiteSpace(body.TargetLevel))
        {
            if (!Enum.TryParse<MaturityLevel>(body.TargetLevel, ignoreCase: true, out var level) || level == MaturityLevel.None
                || int.TryParse(body.TargetLevel, out _))
                errors.Add("targetLevel", "ระดับเป้าหมายต้องเป็น Basic, Advance หรือ Significance", "The target level must be Basic, Advance or Significance.");
            else if (level < reached)
                errors.Add("targetLevel", $"ระดับเป้าหมายต่ำกว่าระดับที่ทำได้แล้ว ({reached.DisplayName().Th})",
                    $"The target is below the level already reached ({reached.DisplayName().En}).");
            else target = level;
        }
        if (body.Impact is < 1 or > 5) errors.Add("impact", "ผลกระทบต้องเป็นคะแนน 1 ถึง 5", "Impact must be from 1 to 5.");
        if (body.Urgency is < 1 or > 5) errors.Add("urgency", "ความเร่งด่วนต้องเป็นคะแนน 1 ถึง 5", "Urgency must be from 1 to 5.");
        errors.Limit("rationale", body.Rationale, TextLimits.Reason);
        if (body.Selected == true && string.IsNullOrWhiteSpace(body.Rationale))
            errors.Add("rationale", "กรุณาระบุเหตุผลที่เลือกดำเนินการกับช่องว่างนี้", "Give the reason for acting on this gap.");
        return errors;
    }
}
