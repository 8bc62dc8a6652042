using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Frameworks;

namespace Pmqa.Web.Features.Assessments;

/// <summary>The score card of an assessment: its answers scored by the pure scoring rules with the
/// parameters of the framework version and the round's thresholds.</summary>
public sealed class AssessmentScores(PmqaDbContext db, FrameworkCatalog catalog)
{
    public async Task<(FrameworkPack Pack, ScoreCard Card, IReadOnlyList<IssueAnswer> Answers)> ScoreAsync(Assessment assessment, CancellationToken ct = default)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var answers = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id).ToListAsync(ct);
        var card = Scoring.Score(pack, answers.ToDictionary(a => a.IssueCode, AnswerDocuments.ToAnswers),
            assessment.Round!.SiteVisitThreshold, BandsOf(assessment.Round, pack));
        return (pack, card, answers);
    }

    /// <summary>Only the card: reads ticks and indicators, not the explanations (up to 20,000 characters
    /// per level, which scoring never looks at), so the score API moves a fraction of the bytes.</summary>
    public async Task<(FrameworkPack Pack, ScoreCard Card)> CardAsync(Assessment assessment, CancellationToken ct = default)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var answers = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id)
            .Select(a => new IssueAnswer { IssueCode = a.IssueCode, CheckedJson = a.CheckedJson, IndicatorsJson = a.IndicatorsJson })
            .ToListAsync(ct);
        var card = Scoring.Score(pack, answers.ToDictionary(a => a.IssueCode, AnswerDocuments.ToAnswers),
            assessment.Round!.SiteVisitThreshold, BandsOf(assessment.Round, pack));
        return (pack, card);
    }

    /// <summary>The framework pack the assessment is scored with (cached; no query).</summary>
    public Task<FrameworkPack> PackAsync(Assessment assessment, CancellationToken ct = default) => catalog.PackOfAsync(assessment, ct);

    /// <summary>The round's status bands when it set its own, else the framework version's.</summary>
    public static IReadOnlyList<StatusBand> BandsOf(Round round, FrameworkPack pack) =>
        string.IsNullOrEmpty(round.StatusBandsJson)
            ? pack.Scoring.StatusBands
            : System.Text.Json.JsonSerializer.Deserialize<List<StatusBand>>(round.StatusBandsJson, FrameworkPackJson.Options)!;

    /// <summary>The API's shape: scores rounded to 2 decimals.</summary>
    public static object ToJson(ScoreCard card) => new
    {
        total = card.RoundedTotal,
        status = card.Status.ToString(),
        siteVisitEligible = card.SiteVisitEligible,
        categories = card.Categories.Select(c => new { code = c.Code, score = c.Rounded }),
        issues = card.Issues.Select(i => new { code = i.Code, score = i.Rounded, level = i.Level.ToString() }),
        dimensions = card.Dimensions.Select(d => new { code = d.Code, score = d.Rounded }),
    };
}
