namespace Pmqa.Data.Entities;

public enum SiteVisitMode { OnSite, Online }

/// <summary>The visit to an agency that accepted the offer: when, how, who, the agenda; then findings.</summary>
public sealed class SiteVisit : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public SiteVisitMode Mode { get; set; }
    /// <summary>The address (on site) or the meeting link (online).</summary>
    public string Location { get; set; } = "";
    /// <summary>JSON array of the visiting team's user ids.</summary>
    public string TeamJson { get; set; } = "[]";
    public string Agenda { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
    public int Version { get; set; }

    public List<SiteVisitFinding> Findings { get; set; } = [];
}

/// <summary>What the visit found on one issue, and optionally the issue's verified score changed, with the reason.</summary>
public sealed class SiteVisitFinding : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SiteVisitId { get; set; }
    public string IssueCode { get; set; } = "";
    public string Text { get; set; } = "";
    public decimal? AdjustedScore { get; set; }
    public string? AdjustmentReason { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>OPDC's certification decision. A certificate's <see cref="Id"/> is random and public: the QR
/// code on the PDF points to /verify/{Id}, which shows only organisation, year, status and validity.</summary>
public sealed class Certificate : IAudited
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssessmentId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>The status band of the final score (Basic, Advance, Significance).</summary>
    public string Status { get; set; } = "";
    public decimal FinalScore { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The human-readable number printed and shown on the public page, e.g. PMQA-2570-000123
    /// (unique; numbered per fiscal year in order of issue).</summary>
    public string Number { get; set; } = "";
    /// <summary>The round's signatory when the certificate was issued (a later change of the round's
    /// setting does not alter an issued certificate).</summary>
    public string SignatoryName { get; set; } = "";
    public string SignatoryPosition { get; set; } = "";
}

/// <summary>The last certificate number issued in a fiscal year. Raised by one atomic upsert inside the
/// certification's transaction, so two certifications at the same moment never take the same number and a
/// certification that fails gives its number back.</summary>
public sealed class CertificateCounter
{
    public int FiscalYear { get; set; }
    public int LastNumber { get; set; }
}
