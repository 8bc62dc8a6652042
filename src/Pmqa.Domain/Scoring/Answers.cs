using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Scoring;

/// <summary>One indicator of a results issue as the agency (or a reviewer) entered it. Null = not entered.
/// <see cref="Rejected"/> marks an indicator a reviewer rejected: it scores 0 and still counts in the mean,
/// so rejecting an indicator never raises an issue's score.</summary>
public sealed record IndicatorInput(
    string Name,
    string Unit,
    Direction Direction,
    decimal? Target,
    decimal? R2,
    decimal? R1,
    decimal? R0,
    decimal? Comparison,
    bool Rejected = false);

/// <summary>
/// A validation problem on one field of an indicator. <see cref="Field"/> is the API's camelCase name
/// ("name", "unit", "direction", "target", "r2", "r1", "r0", "comparison").
/// </summary>
public sealed record IndicatorError(string Field, string MessageTh, string MessageEn);

/// <summary>What one issue's answers are: ticked item codes (process) or indicators (results).</summary>
public sealed record IssueAnswers(IReadOnlyCollection<string> Checked, IReadOnlyList<IndicatorInput> Indicators)
{
    public static readonly IssueAnswers Empty = new([], []);
}
