namespace Pmqa.Domain.Reviews;

/// <summary>One reviewer's answer to one issue, as the consensus screen compares them.</summary>
public sealed record ReviewerView(string Reviewer, IReadOnlyCollection<string> Checked, IReadOnlyCollection<IndicatorJudgement> Judgements, decimal Score);

/// <summary>Where reviewers disagree on one issue: the items some but not all ticked, the indicators
/// judged differently, and the spread of their scores.</summary>
public sealed record IssueDifferences(IReadOnlySet<string> DisputedItems, IReadOnlySet<int> DisputedIndicators, decimal ScoreSpread)
{
    public bool Any => DisputedItems.Count > 0 || DisputedIndicators.Count > 0 || ScoreSpread != 0;
}

public static class ReviewDifferences
{
    public static IssueDifferences Of(IReadOnlyList<ReviewerView> reviews, int reportedIndicators)
    {
        if (reviews.Count < 2) return new IssueDifferences(new HashSet<string>(), new HashSet<int>(), 0);
        var allTicks = reviews.SelectMany(r => r.Checked).ToHashSet(StringComparer.Ordinal);
        var disputed = allTicks.Where(code => !reviews.All(r => r.Checked.Contains(code))).ToHashSet(StringComparer.Ordinal);
        var indicators = Enumerable.Range(0, reportedIndicators)
            .Where(n => reviews.Select(r => Normalise(r.Judgements.LastOrDefault(j => j.Index == n), n)).Distinct().Count() > 1)
            .ToHashSet();
        var spread = reviews.Max(r => r.Score) - reviews.Min(r => r.Score);
        return new IssueDifferences(disputed, indicators, spread);
    }

    /// <summary>A missing judgement means "accept"; the reason's wording is not a disagreement.</summary>
    private static IndicatorJudgement Normalise(IndicatorJudgement? j, int index) =>
        j is null || j.Decision == IndicatorDecision.Accept ? new IndicatorJudgement(index, IndicatorDecision.Accept) : j with { Reason = null };
}
