using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Reviews;

namespace Pmqa.Web.Features.SiteVisits;

/// <summary>The final score: the verified card with the site visit's adjusted issue scores rolled up again.</summary>
public sealed class SiteVisitScores(PmqaDbContext db)
{
    /// <summary>Null when no visit adjusted anything (the verified score is then the final one).</summary>
    public async Task<ScoreCard?> FinalCardAsync(Assessment assessment, ReviewScores.Context context, ScoreCard verified, CancellationToken ct = default)
    {
        var adjusted = await db.SiteVisitFindings.AsNoTracking()
            .Where(f => f.AdjustedScore != null && db.SiteVisits.Any(v => v.Id == f.SiteVisitId && v.AssessmentId == assessment.Id))
            .ToDictionaryAsync(f => f.IssueCode, f => f.AdjustedScore!.Value, ct);
        if (adjusted.Count == 0) return null;
        return Scoring.Adjust(context.Pack, verified, adjusted, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, context.Pack));
    }
}
