using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Improvement;

/// <summary>An item not ticked yet on the way to the target level, with the level it belongs to.</summary>
public sealed record MissingItem(string Code, MaturityLevel Level);

public enum IndicatorConcern { BelowTarget, Worsening, Rejected }

/// <summary>A category 7 indicator that needs work: below its target, worse than last year, or rejected by the reviewers.</summary>
public sealed record IndicatorGap(string Name, IReadOnlyList<IndicatorConcern> Concerns);

/// <summary>
/// The gap of one issue between where its answers put it and the target level (shared/domain/workflow.md, step 2).
/// <see cref="Score"/> is unrounded. <see cref="UncountedItems"/> are ticks kept at a level that does not count yet
/// because a lower level is incomplete; <see cref="MissingExplanations"/> are the levels up to the target (process
/// issues) with no explanation written.
/// </summary>
public sealed record IssueGap(
    string IssueCode,
    IssueKind Kind,
    MaturityLevel Level,
    decimal Score,
    MaturityLevel TargetLevel,
    bool TargetIsDefault,
    decimal ScoreAtTarget,
    IReadOnlyList<MissingItem> MissingItems,
    IReadOnlyList<string> UncountedItems,
    IReadOnlyList<MaturityLevel> MissingExplanations,
    IReadOnlyList<IndicatorGap> Indicators)
{
    /// <summary>The target is reached: the gap is closed.</summary>
    public bool Closed => Level >= TargetLevel;
}

/// <summary>Gaps are derived from the answers and the pack, never typed: recomputed on every read.</summary>
public static class Gaps
{
    /// <summary>The default target: the next level above the one reached (Significance stays Significance).</summary>
    public static MaturityLevel DefaultTarget(MaturityLevel reached) =>
        reached == MaturityLevel.Significance ? MaturityLevel.Significance : reached + 1;

    /// <summary>The points a level starts at: Basic 300, Advance 400, Significance 500 by default.</summary>
    public static decimal PointsOf(MaturityLevel level, ScoringParameters parameters) => level switch
    {
        MaturityLevel.Basic => parameters.BasicPoints,
        MaturityLevel.Advance => parameters.AdvancePoints,
        MaturityLevel.Significance => parameters.SignificancePoints,
        _ => 0,
    };

    /// <summary>
    /// The gap of one issue. <paramref name="target"/> null means the default target. A results issue's level
    /// follows its score band, so its target is a band too; it has no checklist and no explanations.
    /// </summary>
    public static IssueGap Of(Issue issue, IssueAnswers answers, IReadOnlySet<MaturityLevel> explained, MaturityLevel? target,
        ScoringParameters parameters)
    {
        var score = issue.Kind == IssueKind.Process
            ? Scoring.Scoring.ScoreProcess(issue, answers.Checked, parameters)
            : Scoring.Scoring.ScoreResults(issue, answers.Indicators, parameters);
        var goal = target is { } t && t != MaturityLevel.None ? t : DefaultTarget(score.Level);
        var atTarget = PointsOf(goal, parameters);
        if (issue.Kind == IssueKind.Results)
            return new IssueGap(issue.Code, issue.Kind, score.Level, score.Score, goal, target is null, atTarget, [], [], [],
                [.. answers.Indicators.Select(i => IndicatorGapOf(i, parameters)).OfType<IndicatorGap>()]);

        var ticked = answers.Checked.ToHashSet(StringComparer.Ordinal);
        var upToTarget = issue.Levels.Where(l => l.Level != MaturityLevel.None && l.Level <= goal).ToList();
        var missing = upToTarget.SelectMany(l => l.Items.Where(i => !ticked.Contains(i.Code)).Select(i => new MissingItem(i.Code, l.Level))).ToList();
        var unexplained = upToTarget.Select(l => l.Level).Distinct().Where(l => !explained.Contains(l)).ToList();
        return new IssueGap(issue.Code, issue.Kind, score.Level, score.Score, goal, target is null, atTarget, missing,
            score.UncountedItems, unexplained, []);
    }

    /// <summary>What is wrong with an indicator, or null when nothing is. An invalid indicator is left to the issue page.</summary>
    public static IndicatorGap? IndicatorGapOf(IndicatorInput indicator, ScoringParameters parameters)
    {
        if (indicator.Rejected) return new IndicatorGap(indicator.Name, [IndicatorConcern.Rejected]);
        if (Scoring.Scoring.Validate(indicator).Count > 0) return null;
        var concerns = new List<IndicatorConcern>();
        var higher = indicator.Direction == Direction.Higher;
        var (r0, target) = (indicator.R0!.Value, indicator.Target!.Value);
        if (higher ? r0 < target : r0 > target) concerns.Add(IndicatorConcern.BelowTarget);
        if (indicator.R1 is { } r1 && (higher ? r0 < r1 : r0 > r1)) concerns.Add(IndicatorConcern.Worsening);
        return concerns.Count == 0 ? null : new IndicatorGap(indicator.Name, concerns);
    }
}
