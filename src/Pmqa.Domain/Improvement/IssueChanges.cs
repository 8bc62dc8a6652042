using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Improvement;

/// <summary>
/// One issue this year beside the same issue in the previous fiscal year's assessment (workflow.md, step 5).
/// Scores are as shown (rounded to 2 decimals). <see cref="TargetLevel"/> is the previous assessment's gap target
/// (the agency's, or the default next level); <see cref="GapClosed"/> is null when there is nothing to close: no
/// previous assessment, or its answers had already reached that target.
/// </summary>
public sealed record IssueChange(
    string IssueCode,
    decimal? PreviousScore,
    decimal Score,
    MaturityLevel? PreviousLevel,
    MaturityLevel Level,
    MaturityLevel? TargetLevel,
    bool? GapClosed)
{
    /// <summary>The score rose. A level reached again at the same score is not an improvement.</summary>
    public bool Improved => PreviousScore is { } before && Score > before;

    public decimal? Change => PreviousScore is { } before ? Score - before : null;
}

/// <summary>Whether the issues a project addressed improved by the next year's assessment.</summary>
public sealed record ProjectOutcome(IReadOnlyList<string> IssuesImproved, IReadOnlyList<string> IssuesNotImproved);

public static class IssueChanges
{
    /// <summary>
    /// The change of one issue. <paramref name="storedTarget"/> is the target the agency set on the previous
    /// assessment's gap (null: the default, the next level above the one reached then).
    /// </summary>
    public static IssueChange Of(string issueCode, (decimal Score, MaturityLevel Level)? previous, (decimal Score, MaturityLevel Level) now,
        MaturityLevel? storedTarget)
    {
        if (previous is not { } before) return new IssueChange(issueCode, null, now.Score, null, now.Level, null, null);
        var target = storedTarget is { } t && t != MaturityLevel.None ? t : Gaps.DefaultTarget(before.Level);
        bool? closed = before.Level >= target ? null : now.Level >= target;
        return new IssueChange(issueCode, before.Score, now.Score, before.Level, now.Level, target, closed);
    }

    /// <summary>
    /// Splits a project's issues by whether they improved. An issue with nothing to compare (not in either year's
    /// framework) counts as not improved: the project cannot claim it.
    /// </summary>
    public static ProjectOutcome OutcomeOf(IEnumerable<string> issueCodes, IReadOnlyDictionary<string, IssueChange> changes)
    {
        var codes = issueCodes.Distinct(StringComparer.Ordinal).ToList();
        var improved = codes.Where(c => changes.TryGetValue(c, out var change) && change.Improved).ToList();
        return new ProjectOutcome(improved, [.. codes.Except(improved, StringComparer.Ordinal)]);
    }
}
