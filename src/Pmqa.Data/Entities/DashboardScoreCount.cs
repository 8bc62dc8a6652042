namespace Pmqa.Data.Entities;

/// <summary>
/// How many organisations of a round, of one type and under one ministry or province cluster, have one score in one
/// category or dimension (ADR 0031): a histogram OPDC's national dashboard takes its quartiles and calibration from
/// without reading every organisation's score. Written only by PostgreSQL triggers on the typed card and verified
/// scores, the assessments and the organisations, in the transaction of the change (atomic increments); SQLite keeps
/// the table empty and takes the figures from the typed scores in .NET (its decimals are text).
/// </summary>
public sealed class DashboardScoreCount
{
    public const short Self = 0, Verified = 1, Calibration = 2;

    public Guid RoundId { get; set; }
    /// <summary><see cref="Self"/> (the submitted's card scores), <see cref="Verified"/> (the verified scores) or
    /// <see cref="Calibration"/> (a verified assessment's shown self-assessed category score less its verified one).</summary>
    public short Basis { get; set; }
    /// <summary><see cref="AssessmentCardScore.Category"/> or <see cref="AssessmentCardScore.Dimension"/>.</summary>
    public short Part { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The organisation type's name, as Organizations."Type" stores it.</summary>
    public string OrganizationType { get; set; } = "";
    /// <summary>The ministry or province cluster; <see cref="Guid.Empty"/> for an organisation under neither (a key
    /// column cannot be null).</summary>
    public Guid ParentId { get; set; }
    public decimal Score { get; set; }
    /// <summary>Organisations with this score; 0 once they all left it (rows are not deleted, so that concurrent
    /// increments never race a delete).</summary>
    public int Count { get; set; }
}
