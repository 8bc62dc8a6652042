using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;

namespace Pmqa.Web.Features.Assessments;

/// <summary>
/// The verified score as typed rows (<see cref="AssessmentVerifiedScore"/>, ADR 0023 amended 2026-12-07): staged
/// beside <c>VerifiedScoreJson</c> so that the caller's one SaveChanges writes both in the same transaction.
/// OPDC's dashboard reads these rows instead of unpacking the JSON of every verified assessment.
/// </summary>
public static class VerifiedScoreRows
{
    /// <summary>Stages the rows of <paramref name="score"/> for the assessment, replacing the rows of an earlier
    /// confirmation (updated in place where the key is the same, so nothing is deleted and inserted again).</summary>
    public static async Task StageAsync(PmqaDbContext db, Guid assessmentId, ScoreJson score, CancellationToken ct = default)
    {
        var earlier = await db.AssessmentVerifiedScores.Where(s => s.AssessmentId == assessmentId)
            .ToDictionaryAsync(s => (s.Part, s.Position), ct);
        foreach (var row in RowsOf(assessmentId, score))
        {
            if (earlier.Remove((row.Part, row.Position), out var stored))
            {
                stored.Code = row.Code;
                stored.Score = row.Score;
            }
            else db.AssessmentVerifiedScores.Add(row);
        }
        db.AssessmentVerifiedScores.RemoveRange(earlier.Values);
    }

    /// <summary>One row per category, dimension and issue, in the score's (the pack's) order.</summary>
    public static IEnumerable<AssessmentVerifiedScore> RowsOf(Guid assessmentId, ScoreJson score)
    {
        IEnumerable<AssessmentVerifiedScore> Part(short part, IEnumerable<(string Code, decimal Score)> scores) =>
            scores.Select((s, i) => new AssessmentVerifiedScore { AssessmentId = assessmentId, Part = part, Position = (short)i, Code = s.Code, Score = s.Score });
        return Part(AssessmentCardScore.Category, score.Categories.Select(c => (c.Code, c.Score)))
            .Concat(Part(AssessmentCardScore.Dimension, score.Dimensions.Select(d => (d.Code, d.Score))))
            .Concat(Part(AssessmentCardScore.Issue, score.Issues.Select(i => (i.Code, i.Score))));
    }
}
