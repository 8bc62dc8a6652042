using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>
/// Starts this year's assessment from the organisation's assessment of the previous fiscal year: ticks
/// and explanations for items that still exist, and indicators shifted one year (r0 → r1, r1 → r2; this
/// year's result left empty to be filled in). Only into a draft that has no answers yet, so it never
/// overwrites anyone's work.
/// </summary>
public sealed class CopyForward(PmqaDbContext db, AssessmentAccess access, AssessmentScores scores, TimeProvider clock,
    Infrastructure.Auth.CurrentUser me, ScoreCards cards)
{
    public sealed record Result(Guid FromAssessmentId, int FromFiscalYear, int IssuesCopied, int EvidenceCopied);

    /// <summary>The assessment this one could start from, if any.</summary>
    public async Task<Assessment?> SourceAsync(Assessment target, CancellationToken ct = default) =>
        await db.Assessments.AsNoTracking().Include(a => a.Round)
            .Where(a => a.OrganizationId == target.OrganizationId && a.Round!.FiscalYear == target.Round!.FiscalYear - 1)
            .OrderByDescending(a => a.Round!.CreatedAt)
            .FirstOrDefaultAsync(ct);

    public async Task<Outcome<Result>> HandleAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var target }) return AssessmentAccess.Fail<Result>(found);
        if (!target.State.IsEditable())
            return new Outcome<Result>.Conflict(new Msg("การประเมินนี้ส่งแล้ว", "This assessment has been submitted."));
        if (await db.IssueAnswers.AnyAsync(a => a.AssessmentId == target.Id, ct))
            return new Outcome<Result>.Conflict(new Msg("การประเมินนี้มีคำตอบแล้ว จึงคัดลอกทับไม่ได้", "This assessment already has answers; copying would overwrite them."));
        if (await SourceAsync(target, ct) is not { } source)
            return new Outcome<Result>.Conflict(new Msg("ไม่มีการประเมินของปีงบประมาณก่อนหน้า", "There is no assessment of the previous fiscal year."));

        var pack = await scores.PackAsync(target, ct);
        var previous = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == source.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var copied = 0;
        foreach (var old in previous)
        {
            if (pack.FindIssue(old.IssueCode) is not { } issue) continue;
            var items = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToHashSet();
            var answer = new IssueAnswer { AssessmentId = target.Id, IssueCode = old.IssueCode, UpdatedAt = now, UpdatedBy = me.Name, Version = 1 };
            AnswerDocuments.Write(answer,
                AnswerDocuments.Checked(old).Where(items.Contains),
                AnswerDocuments.Explanations(old),
                AnswerDocuments.Indicators(old).Select(k => k with { R2 = k.R1, R1 = k.R0, R0 = null }));
            db.IssueAnswers.Add(answer);
            copied++;
        }
        var evidence = await CopyEvidenceAsync(source.Id, target.Id, pack, now, ct);
        await using var transaction = await cards.BeginAsync(ct);
        await cards.UpdateAsync(target, pack, db.ChangeTracker.Entries<IssueAnswer>().Select(e => e.Entity).ToList(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(source.Id, source.Round!.FiscalYear, copied, evidence);
    }

    /// <summary>Last year's files that still support an issue of this framework come along with their links.
    /// The bytes are not copied: the new records point to the same content-addressed blob.</summary>
    private async Task<int> CopyEvidenceAsync(Guid sourceId, Guid targetId, Domain.Frameworks.FrameworkPack pack, DateTimeOffset now, CancellationToken ct)
    {
        var files = await db.Evidence.AsNoTracking().Include(e => e.Links)
            .Where(e => e.AssessmentId == sourceId && e.RemovedAt == null).ToListAsync(ct);
        var count = 0;
        foreach (var file in files)
        {
            var issues = file.Links.Select(l => l.IssueCode).Where(code => pack.FindIssue(code) is not null).Distinct().ToList();
            if (issues.Count == 0) continue;
            db.Evidence.Add(new Data.Entities.Evidence
            {
                AssessmentId = targetId, Sha256 = file.Sha256, FileName = file.FileName, ContentType = file.ContentType, Length = file.Length,
                UploadedAt = now, UploadedBy = me.Name,
                Links = issues.Select(code => new EvidenceLink { IssueCode = code }).ToList(),
            });
            count++;
        }
        return count;
    }
}
