using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

public sealed record ProfileSectionView(
    string Code, string Group, string NameTh, string NameEn, string GuidanceTh, string GuidanceEn, string Text, Guid? AttachmentId,
    int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>The organisation profile (ลักษณะสำคัญขององค์การ): one versioned text per section of the framework
/// version, with an optional attachment among the assessment's evidence files.</summary>
public sealed class ProfileHandlers(PmqaDbContext db, AssessmentAccess access, AssessmentScores scores, TimeProvider clock,
    Infrastructure.Auth.CurrentUser me)
{
    public static readonly Msg StaleMessage = new(
        "มีผู้อื่นบันทึกหัวข้อนี้หลังจากที่คุณเปิดอ่าน ข้อความที่คุณพิมพ์ยังอยู่ครบ กรุณาเปรียบเทียบกับฉบับล่าสุดแล้วบันทึกอีกครั้ง",
        "Someone else saved this section after you opened it. What you typed is kept; compare it with the saved text and save again.");

    public async Task<Outcome<IReadOnlyList<ProfileSectionView>>> GetAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<IReadOnlyList<ProfileSectionView>>(found);
        var pack = await scores.PackAsync(assessment, ct);
        var rows = await db.ProfileAnswers.AsNoTracking().Where(p => p.AssessmentId == assessmentId).ToDictionaryAsync(p => p.SectionCode, ct);
        return new Outcome<IReadOnlyList<ProfileSectionView>>.Ok(pack.ProfileSections.Select(s => View(s, rows.GetValueOrDefault(s.Code))).ToList());
    }

    public async Task<Outcome<ProfileSectionView>> SaveAsync(Guid assessmentId, string sectionCode, int ifMatch, string? text, Guid? attachmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<ProfileSectionView>(found);
        var pack = await scores.PackAsync(assessment, ct);
        if (pack.ProfileSections.FirstOrDefault(s => s.Code == sectionCode) is not { } section) return new Outcome<ProfileSectionView>.NotFound();
        if (!assessment.State.IsEditable())
            return new Outcome<ProfileSectionView>.Conflict(new Msg("การประเมินนี้ส่งแล้ว จึงแก้ไขไม่ได้", "This assessment has been submitted and cannot change."));
        var errors = new ValidationErrors();
        errors.Limit("text", text, TextLimits.Explanation);
        if (attachmentId is { } fileId && !await db.Evidence.AnyAsync(e => e.Id == fileId && e.AssessmentId == assessmentId && e.RemovedAt == null, ct))
            errors.Add("attachmentId", "ไฟล์แนบต้องเป็นเอกสารหลักฐานของการประเมินนี้", "The attachment must be one of this assessment's evidence files.");
        if (errors.Any) return errors;

        var row = await db.ProfileAnswers.SingleOrDefaultAsync(p => p.AssessmentId == assessmentId && p.SectionCode == sectionCode, ct);
        if ((row?.Version ?? 0) != ifMatch) return new Outcome<ProfileSectionView>.Conflict(StaleMessage);
        if (row is null)
        {
            row = new ProfileAnswer { AssessmentId = assessmentId, SectionCode = sectionCode, Version = 1 };
            db.ProfileAnswers.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch;
        }
        row.Text = text?.Trim() ?? "";
        row.AttachmentId = attachmentId;
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
            return new Outcome<ProfileSectionView>.Conflict(StaleMessage);
        }
        return View(section, row);
    }

    private static ProfileSectionView View(ProfileSection s, ProfileAnswer? row) => new(
        s.Code, s.Group, s.NameTh, s.NameEn, s.GuidanceTh, s.GuidanceEn, row?.Text ?? "", row?.AttachmentId, row?.Version ?? 0, row?.UpdatedAt, row?.UpdatedBy);
}
