namespace Pmqa.Data.Entities;

/// <summary>
/// One self-assessed score of a stored card as a typed number (ADR 0023): a category, dimension or issue of the
/// pack, unrounded. Written with its <see cref="AssessmentScoreCard"/> in the same transaction, so OPDC's dashboard
/// can take percentiles, order and filter in SQL. Derived data, like the card: not audited itself.
/// </summary>
public sealed class AssessmentCardScore
{
    public const short Category = 0, Dimension = 1, Issue = 2;

    public Guid AssessmentId { get; set; }
    /// <summary><see cref="Category"/>, <see cref="Dimension"/> or <see cref="Issue"/>.</summary>
    public short Part { get; set; }
    /// <summary>The position in the pack's order of that part, from 0.</summary>
    public short Position { get; set; }
    public string Code { get; set; } = "";
    public decimal Score { get; set; }
}
