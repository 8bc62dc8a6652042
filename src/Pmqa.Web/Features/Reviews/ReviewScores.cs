using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;

namespace Pmqa.Web.Features.Reviews;

/// <summary>Scores a reviewer's review or the team's consensus with the same pure scoring code that
/// scores the agency's own answers (scoring.md: one code for self-assessed and verified scores).</summary>
public sealed class ReviewScores(PmqaDbContext db, FrameworkCatalog catalog)
{
    public sealed record Context(FrameworkPack Pack, IReadOnlyDictionary<string, IssueAnswer> Agency);

    public async Task<Context> ContextAsync(Assessment assessment, CancellationToken ct = default)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var agency = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id).ToDictionaryAsync(a => a.IssueCode, ct);
        return new Context(pack, agency);
    }

    /// <summary>A score card from per-issue (ticks, judgements) JSON; an issue missing from the map keeps the agency's answer.</summary>
    public static ScoreCard Score(Assessment assessment, Context context, IReadOnlyDictionary<string, (string Checked, string Judgements)> answers)
    {
        var verified = context.Pack.Issues.ToDictionary(i => i.Code, i =>
        {
            var given = answers.TryGetValue(i.Code, out var a) ? a : ((string Checked, string Judgements)?)null;
            return ReviewDocuments.Verified(i, context.Agency.GetValueOrDefault(i.Code), given?.Checked, given?.Judgements);
        });
        return Scoring.Score(context.Pack, verified, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, context.Pack));
    }

    /// <summary>The saved answers of each given review (assignment → issue code → ticks and judgements), in one query.</summary>
    public async Task<Dictionary<Guid, Dictionary<string, (string Checked, string Judgements)>>> ReviewAnswersAsync(
        IReadOnlyCollection<Guid> assignmentIds, CancellationToken ct = default)
    {
        var rows = await db.ReviewAnswers.AsNoTracking().Where(r => assignmentIds.Contains(r.ReviewAssignmentId))
            .Select(r => new { r.ReviewAssignmentId, r.IssueCode, r.CheckedJson, r.JudgementsJson }).ToListAsync(ct);
        return assignmentIds.ToDictionary(id => id, id => rows.Where(r => r.ReviewAssignmentId == id)
            .ToDictionary(r => r.IssueCode, r => (r.CheckedJson, r.JudgementsJson)));
    }

    public async Task<ScoreCard> ConsensusCardAsync(Assessment assessment, Context context, CancellationToken ct = default)
    {
        var rows = await db.ConsensusAnswers.AsNoTracking().Where(r => r.AssessmentId == assessment.Id)
            .ToDictionaryAsync(r => r.IssueCode, r => (r.CheckedJson, r.JudgementsJson), ct);
        return Score(assessment, context, rows);
    }
}
