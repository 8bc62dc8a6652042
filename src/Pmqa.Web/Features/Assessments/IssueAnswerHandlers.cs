using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>An issue's answers as read back, with its live score and the version to send as If-Match.</summary>
public sealed record IssueAnswerView(
    string IssueCode, string Kind, IReadOnlyList<string> Checked, IReadOnlyDictionary<string, string> Explanations,
    IReadOnlyList<IndicatorDto> Indicators, decimal Score, string Level, IReadOnlyList<string> UncountedItems, bool Complete,
    int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public string ETag => $"\"{Version}\"";
}

public sealed class IssueAnswerHandlers(PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog, TimeProvider clock,
    Infrastructure.Auth.CurrentUser me, CategoryAssignments assignments, ScoreCards cards)
{
    // Every read and save of an issue runs one of these: compiled once, not rebuilt and looked up per request.
    private static readonly CompiledPerModel<Func<PmqaDbContext, Guid, string, Task<IssueAnswer?>>> AnswerToRead = new(() => EF.CompileAsyncQuery(
        (PmqaDbContext db, Guid assessmentId, string issueCode) =>
            db.IssueAnswers.AsNoTracking().SingleOrDefault(a => a.AssessmentId == assessmentId && a.IssueCode == issueCode)));

    private static readonly CompiledPerModel<Func<PmqaDbContext, Guid, string, Task<IssueAnswer?>>> AnswerToChange = new(() => EF.CompileAsyncQuery(
        (PmqaDbContext db, Guid assessmentId, string issueCode) =>
            db.IssueAnswers.SingleOrDefault(a => a.AssessmentId == assessmentId && a.IssueCode == issueCode)));

    public async Task<Outcome<(Assessment Assessment, FrameworkPack Pack, Issue Issue, IssueAnswerView View)>> GetAsync(
        Guid assessmentId, string issueCode, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<(Assessment, FrameworkPack, Issue, IssueAnswerView)>(found);
        var pack = await PackOf(assessment, ct);
        if (pack.FindIssue(issueCode) is not { } issue) return new Outcome<(Assessment, FrameworkPack, Issue, IssueAnswerView)>.NotFound();
        var row = await AnswerToRead.For(db)(db, assessmentId, issueCode);
        return (assessment, pack, issue, View(issue, row, pack.Scoring));
    }

    /// <summary>Saves an issue's answers if <paramref name="ifMatch"/> is the version stored now; otherwise
    /// answers with the current state so the person can merge. Nothing is ever overwritten silently.</summary>
    public async Task<Outcome<IssueAnswerView>> SaveAsync(Guid assessmentId, string issueCode, int ifMatch, IssueAnswerBody body, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<IssueAnswerView>(found);
        var pack = await PackOf(assessment, ct);
        if (pack.FindIssue(issueCode) is not { } issue) return new Outcome<IssueAnswerView>.NotFound();
        if (!await assignments.MayEditAsync(assessment, pack.CategoryOf(issue).Code, ct))
            return new Outcome<IssueAnswerView>.Forbidden(new Msg("หมวดนี้ยังไม่ได้มอบหมายให้คุณ ผู้ประสานงานมอบหมายหมวดได้ที่หน้าการประเมิน",
                "This category is not assigned to you; the coordinator assigns categories on the assessment's page."));
        if (!assessment.State.IsEditable())
            return new Outcome<IssueAnswerView>.Conflict(new Msg("การประเมินนี้ส่งแล้ว จึงแก้ไขไม่ได้ จนกว่าสำนักงาน ก.พ.ร. จะเปิดให้แก้ไข",
                "This assessment has been submitted; it cannot change unless OPDC reopens it."));
        var errors = Validate(issue, body);
        if (errors.Any) return errors;

        var row = await AnswerToChange.For(db)(db, assessmentId, issueCode);
        if ((row?.Version ?? 0) != ifMatch) return new Outcome<IssueAnswerView>.Conflict(StaleMessage);
        if (row is null)
        {
            row = new IssueAnswer { AssessmentId = assessmentId, IssueCode = issueCode };
            db.IssueAnswers.Add(row);
        }
        var codes = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToList();
        AnswerDocuments.Write(row,
            codes.Where(c => body.Checked?.Contains(c) == true),
            body.Explanations ?? [],
            body.Indicators ?? []);
        var changed = db.Entry(row).State is EntityState.Modified or EntityState.Added;
        if (!changed) return View(issue, row, pack.Scoring);
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = me.Name;
        if (db.Entry(row).State == EntityState.Added) row.Version = 1;
        else db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch;
        try
        {
            // The answers and the assessment's stored score card commit together (ADR 0015).
            await using var transaction = await cards.BeginAsync(ct);
            await cards.UpdateAsync(assessment, pack, [row], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            // Someone saved in between (a concurrency token or the unique index on a first save).
            return new Outcome<IssueAnswerView>.Conflict(StaleMessage);
        }
        return View(issue, row, pack.Scoring);
    }

    public static readonly Msg StaleMessage = new(
        "มีผู้อื่นบันทึกประเด็นนี้หลังจากที่คุณเปิดอ่าน กรุณาเปรียบเทียบฉบับของคุณกับฉบับล่าสุดแล้วบันทึกอีกครั้ง",
        "Someone else saved this issue after you opened it. Compare your version with theirs and save again.");

    private Task<FrameworkPack> PackOf(Assessment assessment, CancellationToken ct) => catalog.PackOfAsync(assessment, ct);

    public static IssueAnswerView View(Issue issue, IssueAnswer? row, ScoringParameters parameters)
    {
        var answers = AnswerDocuments.ToAnswers(row);
        var score = issue.Kind == IssueKind.Process
            ? Scoring.ScoreProcess(issue, answers.Checked, parameters)
            : Scoring.ScoreResults(issue, answers.Indicators, parameters);
        return new IssueAnswerView(issue.Code, issue.Kind == IssueKind.Process ? "process" : "results",
            AnswerDocuments.Checked(row), AnswerDocuments.Explanations(row), AnswerDocuments.Indicators(row),
            score.Rounded, score.Level.ToString(), score.UncountedItems, score.Complete, row?.Version ?? 0, row?.UpdatedAt, row?.UpdatedBy);
    }

    /// <summary>Field errors named as the API's fields: <c>checked</c>, <c>explanations.Advance</c>, <c>indicators[1].target</c>.</summary>
    public static ValidationErrors Validate(Issue issue, IssueAnswerBody body)
    {
        var errors = new ValidationErrors();
        if (issue.Kind == IssueKind.Process)
        {
            if (body.Indicators is { Count: > 0 })
                errors.Add("indicators", "ประเด็นเชิงกระบวนการไม่มีตัวชี้วัด", "A process issue has no indicators.");
            var codes = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToHashSet();
            foreach (var unknown in (body.Checked ?? []).Where(c => !codes.Contains(c)))
                errors.Add("checked", $"ไม่มีรายการ {unknown} ในประเด็น {issue.Code}", $"Issue {issue.Code} has no item {unknown}.");
            foreach (var (level, text) in body.Explanations ?? [])
            {
                if (!Enum.TryParse<MaturityLevel>(level, ignoreCase: true, out var l) || l == MaturityLevel.None || int.TryParse(level, out _))
                    errors.Add("explanations", $"ระดับ {level} ไม่ถูกต้อง ใช้ Basic, Advance หรือ Significance", $"Unknown level {level}: use Basic, Advance or Significance.");
                else
                    errors.Limit($"explanations.{level}", text, TextLimits.Explanation);
            }
            return errors;
        }
        if (body.Checked is { Count: > 0 } || body.Explanations is { Count: > 0 })
            errors.Add("checked", "ประเด็นเชิงผลลัพธ์ตอบด้วยตัวชี้วัด", "A results issue is answered with indicators.");
        var indicators = body.Indicators ?? [];
        if (indicators.Count > TextLimits.IndicatorsPerIssue)
            errors.Add("indicators", $"ประเด็นหนึ่งมีตัวชี้วัดได้ไม่เกิน {TextLimits.IndicatorsPerIssue} ตัว (ขณะนี้ {indicators.Count})",
                $"An issue holds at most {TextLimits.IndicatorsPerIssue} indicators (this has {indicators.Count}).");
        for (var i = 0; i < indicators.Count; i++)
        {
            var dto = indicators[i];
            errors.Limit($"indicators[{i}].code", dto.Code, TextLimits.Code)
                .Limit($"indicators[{i}].name", dto.Name, TextLimits.Name)
                .Limit($"indicators[{i}].unit", dto.Unit, TextLimits.Name)
                .Limit($"indicators[{i}].comparisonSource", dto.ComparisonSource, TextLimits.Name);
            if (dto.Direction is not ("higher" or "lower"))
                errors.Add($"indicators[{i}].direction", "ทิศทางต้องเป็น higher หรือ lower", "The direction must be higher or lower.");
            foreach (var e in Scoring.Validate(AnswerDocuments.ToInput(dto)))
                errors.Add($"indicators[{i}].{e.Field}", e.MessageTh, e.MessageEn);
        }
        return errors;
    }
}
