using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Scoring;

public static partial class Scoring
{
    /// <summary>
    /// One valid indicator: a level part for achievement, a trend part (only when the target is met) for
    /// strict improvement over the last two steps, and a comparison part (only with the full trend) when
    /// this year's result is at least as good as the comparison value.
    /// </summary>
    public static decimal ScoreIndicator(IndicatorInput indicator, ScoringParameters parameters)
    {
        var errors = Validate(indicator);
        if (errors.Count > 0)
            throw new ArgumentException(
                $"Indicator '{indicator.Name}' is invalid: {string.Join(" ", errors.Select(e => e.MessageEn))}", nameof(indicator));

        var target = indicator.Target!.Value;
        var r0 = indicator.R0!.Value;
        var higher = indicator.Direction == Direction.Higher;

        // Achievement q = achieved / wanted: r0 / T when higher is better, T / r0 when lower is.
        // Lower-is-better with r0 = 0 has no ratio but is better than any target, so it counts as met.
        var (achieved, wanted) = higher ? (r0, target) : (target, r0);
        var met = wanted == 0 || achieved >= wanted;

        // 300 × clamp((q − 0.5) / 0.5, 0, 1) written as 300 × (achieved − wanted/2) / (wanted/2),
        // so that e.g. T = 10, r0 = 15 (lower) gives exactly 100 rather than a repeating decimal.
        var half = wanted / 2;
        var level = met ? parameters.IndicatorLevelPoints
            : achieved <= half ? 0
            : Share(parameters.IndicatorLevelPoints, achieved - half, half);
        if (!met) return level;

        bool Better(decimal? before, decimal? after) =>
            before is { } b && after is { } a && (higher ? a > b : a < b);
        var rising = Better(indicator.R2, indicator.R1);
        var risingNow = Better(indicator.R1, r0);
        var trend = ((rising ? 1 : 0) + (risingNow ? 1 : 0)) * parameters.IndicatorTrendStepPoints;
        if (!(rising && risingNow)) return level + trend;

        var beatsComparison = indicator.Comparison is { } c && (higher ? r0 >= c : r0 <= c);
        return level + trend + (beatsComparison ? parameters.IndicatorComparisonPoints : 0);
    }

    /// <summary>
    /// A results issue: the mean of its indicators' unrounded scores. It never throws on bad input: an
    /// invalid indicator contributes 0 and, like an issue without indicators, marks the issue incomplete,
    /// so the screen shows the field errors instead of a silent zero. The level label follows the rounded score.
    /// </summary>
    public static IssueScore ScoreResults(Issue issue, IReadOnlyList<IndicatorInput> indicators, ScoringParameters parameters)
    {
        if (issue.Kind != IssueKind.Results)
            throw new ArgumentException($"Issue {issue.Code} is not a results issue.", nameof(issue));
        if (indicators.Count == 0)
            return new IssueScore(issue.Code, 0, MaturityLevel.None, Complete: false, []);

        // A rejected indicator is judged, not entered: it scores 0 without making the issue incomplete.
        var valid = indicators.Select(i => i.Rejected || Validate(i).Count == 0).ToList();
        var sum = indicators.Select((i, n) => valid[n] && !i.Rejected ? ScoreIndicator(i, parameters) : 0).Sum();
        var score = sum / indicators.Count;

        return new IssueScore(issue.Code, score, LevelOf(score, parameters), Complete: valid.All(v => v), []);
    }

    /// <summary>The level label a score earns on its own (results issues, adjusted scores): the rounded
    /// score against the level thresholds.</summary>
    public static MaturityLevel LevelOf(decimal score, ScoringParameters parameters)
    {
        var rounded = Round(score);
        return rounded >= parameters.SignificancePoints ? MaturityLevel.Significance
            : rounded >= parameters.AdvancePoints ? MaturityLevel.Advance
            : rounded >= parameters.BasicPoints ? MaturityLevel.Basic
            : MaturityLevel.None;
    }
}
