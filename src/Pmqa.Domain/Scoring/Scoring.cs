using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Scoring;

/// <summary>
/// The scoring rules of <c>shared/domain/scoring.md</c>: pure functions of a framework pack, the answers
/// and the round's settings, all in exact decimal. Every score is kept unrounded and rolled up unrounded;
/// only thresholds (status, site visit, a results issue's level) look at the rounded value.
/// </summary>
public static partial class Scoring
{
    /// <summary>Two decimals, midpoint away from zero (335.625 → 335.63), as every score is shown.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Scores every issue of the pack; an issue without answers is scored as unanswered.</summary>
    public static ScoreCard Score(
        FrameworkPack pack,
        IReadOnlyDictionary<string, IssueAnswers> answers,
        decimal siteVisitThreshold,
        IReadOnlyList<StatusBand> statusBands)
    {
        var byIssue = new Dictionary<Issue, IssueScore>();
        foreach (var issue in pack.Issues)
        {
            var given = answers.TryGetValue(issue.Code, out var a) ? a : IssueAnswers.Empty;
            byIssue[issue] = issue.Kind == IssueKind.Process
                ? ScoreProcess(issue, given.Checked, pack.Scoring)
                : ScoreResults(issue, given.Indicators, pack.Scoring);
        }
        return RollUp(pack, byIssue, siteVisitThreshold, statusBands);
    }

    /// <summary>
    /// The card with some issues' scores replaced (a site visit's adjustments, each 0–500): categories,
    /// dimensions, total, status and site-visit eligibility are rolled up again from the unrounded scores;
    /// an adjusted issue's level follows its new score.
    /// </summary>
    public static ScoreCard Adjust(
        FrameworkPack pack,
        ScoreCard card,
        IReadOnlyDictionary<string, decimal> adjustedIssueScores,
        decimal siteVisitThreshold,
        IReadOnlyList<StatusBand> statusBands)
    {
        var byCode = card.Issues.ToDictionary(i => i.Code);
        var byIssue = new Dictionary<Issue, IssueScore>();
        foreach (var issue in pack.Issues)
        {
            var current = byCode[issue.Code];
            if (adjustedIssueScores.TryGetValue(issue.Code, out var score))
            {
                if (score < 0 || score > pack.Scoring.SignificancePoints)
                    throw new ArgumentOutOfRangeException(nameof(adjustedIssueScores), $"Issue {issue.Code}: {score} is outside 0–{pack.Scoring.SignificancePoints}.");
                current = current with { Score = score, Level = LevelOf(score, pack.Scoring), UncountedItems = [] };
            }
            byIssue[issue] = current;
        }
        return RollUp(pack, byIssue, siteVisitThreshold, statusBands);
    }

    /// <summary>
    /// The card of issues already scored (a stored card's): categories, dimensions, total, status and
    /// site-visit eligibility rolled up as <see cref="Score"/> does, so the result equals a fresh scoring of
    /// the answers those issue scores came from. Every issue of the pack must be given.
    /// </summary>
    public static ScoreCard FromIssueScores(
        FrameworkPack pack,
        IReadOnlyCollection<IssueScore> issues,
        decimal siteVisitThreshold,
        IReadOnlyList<StatusBand> statusBands)
    {
        var byCode = issues.ToDictionary(i => i.Code);
        var byIssue = pack.Issues.ToDictionary(i => i, i => byCode.TryGetValue(i.Code, out var s)
            ? s : throw new ArgumentException($"Issue {i.Code} has no score.", nameof(issues)));
        return RollUp(pack, byIssue, siteVisitThreshold, statusBands);
    }

    /// <summary>One issue scored from its answers, by its kind.</summary>
    public static IssueScore ScoreIssue(Issue issue, IssueAnswers answers, ScoringParameters parameters) =>
        issue.Kind == IssueKind.Process
            ? ScoreProcess(issue, answers.Checked, parameters)
            : ScoreResults(issue, answers.Indicators, parameters);

    private static ScoreCard RollUp(FrameworkPack pack, Dictionary<Issue, IssueScore> byIssue, decimal siteVisitThreshold,
        IReadOnlyList<StatusBand> statusBands)
    {
        var categories = pack.Categories
            .Select(c => new CodeScore(c.Code, Mean(c.Issues.Select(i => byIssue[i].Score))))
            .ToList();
        var total = Total(pack.Categories.Select((c, n) => (categories[n].Score, c.Weight)).ToList());

        var dimensions = pack.Dimensions
            .Select(d => (d.Code, Tagged: pack.Issues.Where(i => i.Dimensions.Contains(d.Code)).ToList()))
            .Where(d => d.Tagged.Count > 0)
            .Select(d => new CodeScore(d.Code, Mean(d.Tagged.Select(i => byIssue[i].Score))))
            .ToList();

        var rounded = Round(total);
        return new ScoreCard(
            total,
            StatusOf(rounded, statusBands),
            rounded >= siteVisitThreshold,
            categories,
            pack.Issues.Select(i => byIssue[i]).ToList(),
            dimensions);
    }

    /// <summary>
    /// Weighted mean Σ w × S / Σ w of unrounded category scores. No weight at all gives 0 rather than a
    /// division by zero (a pack always has positive weights; this only keeps the function total).
    /// </summary>
    public static decimal Total(IReadOnlyList<(decimal Score, decimal Weight)> categories)
    {
        var weights = categories.Sum(c => c.Weight);
        return weights == 0 ? 0 : categories.Sum(c => c.Weight * c.Score) / weights;
    }

    /// <summary>The highest band whose threshold the rounded total reaches; below every band is None.</summary>
    public static MaturityLevel StatusOf(decimal roundedTotal, IReadOnlyList<StatusBand> bands) =>
        bands.OrderBy(b => b.From).LastOrDefault(b => roundedTotal >= b.From)?.Level ?? MaturityLevel.None;

    /// <summary>Mean of unrounded scores; an empty set (a category without issues) scores 0.</summary>
    private static decimal Mean(IEnumerable<decimal> scores)
    {
        var list = scores.ToList();
        return list.Count == 0 ? 0 : list.Sum() / list.Count;
    }

    /// <summary>
    /// points × part / whole for 0 ≤ part ≤ whole. Multiplying first keeps results like 300 × 2.5 / 7.5
    /// exact (100, not 99.999…); dividing first is the fallback when the product would overflow decimal.
    /// </summary>
    private static decimal Share(decimal points, decimal part, decimal whole) =>
        points == 0 || part == 0 ? 0
        : part <= decimal.MaxValue / Math.Abs(points) ? points * part / whole
        : part / whole * points;
}
