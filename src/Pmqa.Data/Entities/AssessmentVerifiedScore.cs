namespace Pmqa.Data.Entities;

/// <summary>
/// One verified score of an assessment as a typed number (ADR 0023, 2026-12-07): a category, dimension or issue of
/// <see cref="Assessment.VerifiedScoreJson"/>, rounded as the verified score shows it. Written at confirmation in the
/// same transaction as the JSON, so OPDC's dashboard takes the verified quartiles and the calibration in SQL without
/// unpacking JSON. Derived data, like the JSON beside it: the confirmation is audited, these rows are not.
/// </summary>
public sealed class AssessmentVerifiedScore
{
    public Guid AssessmentId { get; set; }
    /// <summary><see cref="AssessmentCardScore.Category"/>, <see cref="AssessmentCardScore.Dimension"/> or <see cref="AssessmentCardScore.Issue"/>.</summary>
    public short Part { get; set; }
    /// <summary>The position in the verified score's order of that part (the pack's order), from 0.</summary>
    public short Position { get; set; }
    public string Code { get; set; } = "";
    public decimal Score { get; set; }
}
