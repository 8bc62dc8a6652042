using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Scoring;

/// <summary>
/// An issue's score. <see cref="Score"/> is unrounded because roll-ups are computed from unrounded
/// values; <see cref="Rounded"/> is what is shown. <see cref="UncountedItems"/> are ticked item codes
/// (in pack order) that do not count yet because a lower level is incomplete. <see cref="Complete"/> is
/// false for a results issue with no indicator or with an invalid one; a process issue is always complete.
/// </summary>
public sealed record IssueScore(string Code, decimal Score, MaturityLevel Level, bool Complete, IReadOnlyList<string> UncountedItems)
{
    public decimal Rounded => Scoring.Round(Score);
}

/// <summary>An unrounded score of a category or a Government 4.0 dimension, by its code.</summary>
public sealed record CodeScore(string Code, decimal Score)
{
    public decimal Rounded => Scoring.Round(Score);
}

/// <summary>
/// The scores of one assessment. <see cref="Total"/> is unrounded; <see cref="Status"/> and
/// <see cref="SiteVisitEligible"/> come from the rounded total. Categories and issues are in pack order,
/// dimensions in the order of the pack's dimensions, leaving out a dimension no issue is tagged with.
/// </summary>
public sealed record ScoreCard(
    decimal Total,
    MaturityLevel Status,
    bool SiteVisitEligible,
    IReadOnlyList<CodeScore> Categories,
    IReadOnlyList<IssueScore> Issues,
    IReadOnlyList<CodeScore> Dimensions)
{
    public decimal RoundedTotal => Scoring.Round(Total);
}
