using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>Something that keeps an assessment from being submitted, with where to fix it.</summary>
public sealed record Incomplete(string IssueCode, string ProblemTh, string ProblemEn);

/// <summary>Submit, approve, reject and reopen. The state machine (pure domain) decides what is allowed;
/// this class checks the people, the deadline and completeness, and freezes the approved submission.</summary>
public sealed class AssessmentTransitions(PmqaDbContext db, AssessmentAccess access, AssessmentScores scores, TimeProvider clock,
    Infrastructure.Auth.CurrentUser me, AssessmentWorkflow workflow, Frameworks.FrameworkCatalog catalog)
{
    public sealed record Receipt(AssessmentState State, string? SnapshotSha256, DateTimeOffset? ApprovedAt);

    public async Task<Outcome<IReadOnlyList<Incomplete>>> ListIncompleteAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindAsync(id, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<IReadOnlyList<Incomplete>>(found);
        return new Outcome<IReadOnlyList<Incomplete>>.Ok(await IncompleteAsync(assessment, ct));
    }

    public async Task<Outcome<Receipt>> SubmitAsync(Guid id, CancellationToken ct = default)
    {
        var found = await access.FindAsync(id, AssessmentPermission.Submit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<Receipt>(found);
        var now = clock.GetUtcNow();
        var extension = await db.RoundExtensions.Where(e => e.RoundId == assessment.RoundId && e.OrganizationId == assessment.OrganizationId)
            .Select(e => (DateTimeOffset?)e.Until).ToListAsync(ct);
        var deadline = extension.Append(assessment.Round!.SubmissionDeadline).Max()!.Value;
        if (now > deadline)
            return new Outcome<Receipt>.Conflict(new Msg(
                $"เลยกำหนดส่งแล้ว ({Domain.Time.ThaiTime.FormatDateTime(deadline, true)}) กรุณาขอขยายเวลาจากสำนักงาน ก.พ.ร.",
                $"The deadline has passed ({Domain.Time.ThaiTime.FormatDateTime(deadline, false)}); ask OPDC for an extension."));
        var incomplete = await IncompleteAsync(assessment, ct);
        if (incomplete.Count > 0)
        {
            var errors = new ValidationErrors();
            foreach (var i in incomplete) errors.Add(i.IssueCode, i.ProblemTh, i.ProblemEn);
            return errors;
        }
        return await MoveAsync(assessment, AssessmentAction.Submit, null, a => { a.SubmittedAt = now; a.SubmittedBy = me.Name; }, ct);
    }

    public async Task<Outcome<Receipt>> ApproveAsync(Guid id, string? name, string? position, CancellationToken ct = default)
    {
        var found = await access.FindAsync(id, AssessmentPermission.Approve, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<Receipt>(found);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "กรุณากรอกชื่อผู้อนุมัติ", "Enter the approver's name.");
        if (string.IsNullOrWhiteSpace(position)) errors.Add("position", "กรุณากรอกตำแหน่งผู้อนุมัติ", "Enter the approver's position.");
        if (errors.Any) return errors;
        var now = clock.GetUtcNow();
        var snapshot = await SnapshotAsync(assessment, name!.Trim(), position!.Trim(), now, ct);
        return await MoveAsync(assessment, AssessmentAction.Approve, null, a =>
        {
            a.ApprovedAt = now;
            a.ApproverName = name.Trim();
            a.ApproverPosition = position.Trim();
            a.SnapshotJson = snapshot;
            a.SnapshotSha256 = FrameworkPackJson.Sha256(snapshot);
        }, ct);
    }

    public Task<Outcome<Receipt>> RejectAsync(Guid id, string? reason, CancellationToken ct = default) =>
        ReturnToDraftAsync(id, reason, AssessmentPermission.Approve, AssessmentAction.Reject, ct);

    public Task<Outcome<Receipt>> ReopenAsync(Guid id, string? reason, CancellationToken ct = default) =>
        ReturnToDraftAsync(id, reason, AssessmentPermission.Reopen, AssessmentAction.Reopen, ct);

    private async Task<Outcome<Receipt>> ReturnToDraftAsync(Guid id, string? reason, AssessmentPermission need, AssessmentAction action, CancellationToken ct)
    {
        var found = await access.FindAsync(id, need, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<Receipt>(found);
        if (string.IsNullOrWhiteSpace(reason)) return new ValidationErrors().Add("reason", "กรุณาระบุเหตุผล", "Give the reason.");
        return await MoveAsync(assessment, action, reason, a =>
        {
            a.ReturnReason = reason.Trim();
            a.SnapshotJson = null;
            a.SnapshotSha256 = null;
        }, ct);
    }

    private async Task<Outcome<Receipt>> MoveAsync(Assessment assessment, AssessmentAction action, string? reason, Action<Assessment> apply, CancellationToken ct) =>
        await workflow.MoveAsync(assessment, action, TransitionFacts.None, reason, apply, ct) switch
        {
            Outcome<AssessmentState>.Ok => new Receipt(assessment.State, assessment.SnapshotSha256, assessment.ApprovedAt),
            Outcome<AssessmentState>.Conflict c => new Outcome<Receipt>.Conflict(c.Message),
            _ => new Outcome<Receipt>.NotFound(),
        };

    private async Task<List<Incomplete>> IncompleteAsync(Assessment assessment, CancellationToken ct)
    {
        var (pack, card, answers) = await scores.ScoreAsync(assessment, ct);
        var byCode = answers.ToDictionary(a => a.IssueCode);
        var incomplete = new List<Incomplete>();
        foreach (var issue in pack.Issues)
        {
            var row = byCode.GetValueOrDefault(issue.Code);
            if (issue.Kind == IssueKind.Process && AnswerDocuments.Explanations(row).Count == 0)
                incomplete.Add(new(issue.Code, "ยังไม่มีคำอธิบายผลการดำเนินงาน", "No explanation written yet."));
            if (issue.Kind == IssueKind.Results && !card.Issues.First(i => i.Code == issue.Code).Complete)
                incomplete.Add(new(issue.Code, "ยังไม่มีตัวชี้วัด หรือมีตัวชี้วัดที่ข้อมูลไม่ครบถ้วน", "No indicator yet, or an indicator with missing values."));
        }
        var written = await db.ProfileAnswers.AsNoTracking().Where(p => p.AssessmentId == assessment.Id && p.Text != "")
            .Select(p => p.SectionCode).ToListAsync(ct);
        foreach (var section in pack.ProfileSections.Where(s => !written.Contains(s.Code)))
            incomplete.Add(new($"profile.{section.Code}", $"ลักษณะสำคัญขององค์การ: ยังไม่ได้เขียนหัวข้อ \"{section.NameTh}\"",
                $"Organisation profile: the section \"{section.NameEn}\" is empty."));
        return incomplete;
    }

    /// <summary>The submission in a canonical JSON form: keys in a fixed order, issues by code, scores
    /// rounded, no insignificant whitespace. Its SHA-256 proves later that nothing changed.</summary>
    private async Task<string> SnapshotAsync(Assessment assessment, string approver, string position, DateTimeOffset at, CancellationToken ct)
    {
        var (pack, card, answers) = await scores.ScoreAsync(assessment, ct);
        var root = new JsonObject
        {
            ["assessmentId"] = assessment.Id.ToString(),
            ["organization"] = assessment.Organization!.Code,
            ["fiscalYear"] = assessment.Round!.FiscalYear,
            ["framework"] = new JsonObject { ["code"] = pack.Code, ["version"] = pack.Version, ["sha256"] = (await catalog.VersionOfAsync(assessment, ct)).Sha256 },
            ["answers"] = new JsonArray(answers.OrderBy(a => a.IssueCode, StringComparer.Ordinal).Select(a => (JsonNode)new JsonObject
            {
                ["issue"] = a.IssueCode,
                ["checked"] = JsonNode.Parse(a.CheckedJson),
                ["explanations"] = JsonNode.Parse(a.ExplanationsJson),
                ["indicators"] = JsonNode.Parse(a.IndicatorsJson),
            }).ToArray()),
            ["score"] = JsonSerializer.SerializeToNode(AssessmentScores.ToJson(card), FrameworkPackJson.Options),
            ["approvedBy"] = new JsonObject { ["name"] = approver, ["position"] = position, ["at"] = at.ToUniversalTime().ToString("O") },
        };
        return root.ToJsonString(FrameworkPackJson.Options);
    }
}
