using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Practices;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Practices;

/// <summary>The body of <c>POST …/practices/{issueCode}</c>: the evidence files (of that issue) to share with the texts.</summary>
public sealed record ShareBody(IReadOnlyList<Guid>? EvidenceIds);

/// <summary>The body of <c>POST /practices/{id}/decline</c>.</summary>
public sealed record DeclineBody(string? Reason);

/// <summary>
/// Sharing an issue as an example and OPDC's decision on it (ADR 0022). Every change is a versioned row, so the
/// audit trail records who shared, approved or declined, and a decision made on a stale copy is refused.
/// </summary>
public sealed class PracticeCommands(PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog, CurrentUser me, TimeProvider clock,
    PracticeQueries queries)
{
    public const int MaxFiles = 20;

    public static readonly Msg StaleMessage = new(
        "ตัวอย่างนี้ถูกแก้ไขหรือพิจารณาแล้วหลังจากที่คุณเปิดอ่าน กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง",
        "This example was changed or decided after you opened it. Reload it and try again.");

    /// <summary>An example that exists already is shared again only over the version the caller read.</summary>
    public static readonly Msg VersionRequired = new(
        "ประเด็นนี้เคยแบ่งปันแล้ว กรุณาระบุเวอร์ชันที่อ่าน (If-Match) เพื่อไม่ให้ทับการเปลี่ยนแปลงของผู้อื่น",
        "This issue was shared before: send the version you read (If-Match) so that no one else's change is overwritten.");

    public async Task<Outcome<PracticeView>> ShareAsync(Guid assessmentId, string issueCode, int? ifMatch, ShareBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<PracticeView>(found);
        if (!await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator))
            return new Outcome<PracticeView>.Forbidden(new("เฉพาะผู้ประสานงานของหน่วยงานที่แบ่งปันตัวอย่างได้", "Only the agency's coordinator shares examples."));
        var pack = await catalog.PackOfAsync(assessment, ct);
        if (pack.FindIssue(issueCode) is not { } issue) return new Outcome<PracticeView>.NotFound();

        var level = VerifiedLevel(assessment, issueCode);
        switch (PracticeRules.MayShare(assessment.State, level))
        {
            case ShareRefusal.NotCertified:
                return new Outcome<PracticeView>.Conflict(new("แบ่งปันเป็นตัวอย่างได้หลังจากการประเมินได้รับการรับรองแล้วเท่านั้น",
                    "An issue can be shared as an example only once the assessment is certified."));
            case ShareRefusal.LevelTooLow:
                return new Outcome<PracticeView>.Conflict(new($"ประเด็น {issueCode} ผ่านการตรวจในระดับ {level.DisplayName().Th} ตัวอย่างต้องถึงระดับ Advance หรือ Significance",
                    $"Issue {issueCode} was verified at {level.DisplayName().En}; examples must have reached Advance or Significance."));
        }

        var answer = await db.IssueAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.AssessmentId == assessmentId && a.IssueCode == issueCode, ct);
        var explanations = AnswerDocuments.Explanations(answer).Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToDictionary();
        var errors = new ValidationErrors();
        if (explanations.Count == 0)
            errors.Add("explanations", "ประเด็นนี้ไม่มีคำอธิบายให้แบ่งปัน", "This issue has no explanation to share.");
        var wanted = (body.EvidenceIds ?? []).Distinct().ToList();
        if (wanted.Count > MaxFiles)
            errors.Add("evidenceIds", $"เลือกไฟล์ได้ไม่เกิน {MaxFiles} ไฟล์", $"Choose at most {MaxFiles} files.");
        var ofIssue = await db.EvidenceLinks.AsNoTracking()
            .Where(l => l.IssueCode == issueCode && wanted.Contains(l.EvidenceId))
            .Join(db.Evidence.Where(e => e.AssessmentId == assessmentId && e.RemovedAt == null), l => l.EvidenceId, e => e.Id, (l, e) => e.Id)
            .ToListAsync(ct);
        if (wanted.Except(ofIssue).Any())
            errors.Add("evidenceIds", "เลือกได้เฉพาะไฟล์หลักฐานของประเด็นนี้ในการประเมินนี้", "Choose only evidence files of this issue in this assessment.");
        if (errors.Any) return errors;

        var row = await db.SharedPractices.SingleOrDefaultAsync(p => p.AssessmentId == assessmentId && p.IssueCode == issueCode, ct);
        if (row is null)
        {
            row = new SharedPractice { AssessmentId = assessmentId, OrganizationId = assessment.OrganizationId, IssueCode = issueCode, Version = 1 };
            db.SharedPractices.Add(row);
        }
        else if (ifMatch is null) return new Outcome<PracticeView>.Conflict(VersionRequired);
        else if (row.Version != ifMatch) return new Outcome<PracticeView>.Conflict(StaleMessage);
        else db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch.Value;

        row.IssueNameTh = issue.NameTh;
        row.IssueNameEn = issue.NameEn;
        row.FiscalYear = assessment.Round!.FiscalYear;
        row.Level = level.ToString();
        row.ExplanationsJson = JsonSerializer.Serialize(explanations);
        row.EvidenceIds = string.Join(",", wanted);
        // Shared again: the new copy waits for OPDC, and the old one leaves the library until it is approved.
        row.Status = PracticeStatus.Pending;
        row.SharedAt = clock.GetUtcNow();
        row.SharedBy = me.Name;
        row.DecidedAt = null;
        row.DecidedBy = "";
        row.DeclineReason = "";
        return await SaveAsync(row.Id, ct);
    }

    public Task<Outcome<PracticeView>> ApproveAsync(Guid id, int? ifMatch, CancellationToken ct = default) =>
        DecideAsync(id, ifMatch, PracticeStatus.Approved, "", ct);

    public Task<Outcome<PracticeView>> DeclineAsync(Guid id, int? ifMatch, DeclineBody body, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Reason))
            errors.Add("reason", "กรุณาระบุเหตุผลที่ไม่อนุมัติ เพื่อให้หน่วยงานปรับปรุงได้", "Give the reason for declining, so the agency can improve it.");
        errors.Limit("reason", body.Reason, TextLimits.Reason);
        return errors.Any ? Task.FromResult<Outcome<PracticeView>>(errors) : DecideAsync(id, ifMatch, PracticeStatus.Declined, body.Reason!.Trim(), ct);
    }

    private async Task<Outcome<PracticeView>> DecideAsync(Guid id, int? ifMatch, PracticeStatus decision, string reason, CancellationToken ct)
    {
        if (!await me.SeesAllOrganizationsAsync()) return new Outcome<PracticeView>.NotFound();
        var row = await db.SharedPractices.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return new Outcome<PracticeView>.NotFound();
        if (ifMatch is { } version && version != row.Version) return new Outcome<PracticeView>.Conflict(StaleMessage);
        if (!PracticeRules.MayDecide(row.Status))
            return new Outcome<PracticeView>.Conflict(new("ตัวอย่างนี้ได้รับการพิจารณาแล้ว", "This example has been decided already."));
        row.Status = decision;
        row.DecidedAt = clock.GetUtcNow();
        row.DecidedBy = me.Name;
        row.DeclineReason = reason;
        return await SaveAsync(row.Id, ct);
    }

    private async Task<Outcome<PracticeView>> SaveAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            return new Outcome<PracticeView>.Conflict(StaleMessage);
        }
        return await queries.GetAsync(id, ct);
    }

    /// <summary>The issue's level in the score OPDC stands by: after a site visit the final score, else the confirmed consensus.</summary>
    public static MaturityLevel VerifiedLevel(Assessment assessment, string issueCode)
    {
        if ((assessment.FinalScoreJson ?? assessment.VerifiedScoreJson) is not { } json) return MaturityLevel.None;
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("issues", out var issues)) return MaturityLevel.None;
        foreach (var issue in issues.EnumerateArray())
            if (issue.GetProperty("code").GetString() == issueCode
                && Enum.TryParse<MaturityLevel>(issue.GetProperty("level").GetString(), ignoreCase: true, out var level))
                return level;
        return MaturityLevel.None;
    }
}
