namespace Pmqa.Data.Entities;

/// <summary>
/// One organisation's verified result of one round as published in the open data (issue 11). Rows are never
/// changed: a correction after publication adds the next <see cref="VersionNumber"/> with a
/// <see cref="Note"/> and the earlier row stops being current but stays downloadable. Only these columns are
/// ever published; the organisation's names are copied so the record says what was published that day.
/// </summary>
public sealed class PublishedResult : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid AssessmentId { get; set; }
    public int FiscalYear { get; set; }
    public int VersionNumber { get; set; }
    public bool IsCurrent { get; set; }
    public string Note { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public string OrganizationCode { get; set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>The organisation type's API name (department, publicOrganization, province).</summary>
    public string OrganizationType { get; set; } = "";
    /// <summary>The ministry or province cluster, when the organisation has one.</summary>
    public string GroupCode { get; set; } = "";
    public string GroupNameTh { get; set; } = "";
    public string GroupNameEn { get; set; } = "";
    public decimal VerifiedTotal { get; set; }
    /// <summary>JSON array of {code, score}, the verified category scores.</summary>
    public string CategoriesJson { get; set; } = "[]";
    public string StatusBand { get; set; } = "";
    public string SiteVisitOutcome { get; set; } = "";
    public Guid? CertificateId { get; set; }
    public string CertificateNumber { get; set; } = "";
    public DateTimeOffset? CertificateValidUntil { get; set; }
}

/// <summary>OPDC keeps one organisation's result of a round out of the open data, with the reason (audited).
/// A withheld result is never published, and one published before disappears from every file and page.</summary>
public sealed class ResultWithholding : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid OrganizationId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset WithheldAt { get; set; }
    public string WithheldBy { get; set; } = "";
}
