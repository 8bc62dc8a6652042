using Pmqa.Domain.Assessments;

namespace Pmqa.Data.Entities;

/// <summary>One organisation's self-assessment in one round.</summary>
public sealed class Assessment : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Round? Round { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public AssessmentState State { get; set; } = AssessmentState.Draft;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApproverName { get; set; }
    public string? ApproverPosition { get; set; }
    /// <summary>The last reason given when the executive rejected or OPDC reopened the assessment.</summary>
    public string? ReturnReason { get; set; }
    /// <summary>The frozen submission in canonical JSON, and its SHA-256 shown on the receipt.</summary>
    public string? SnapshotJson { get; set; }
    public string? SnapshotSha256 { get; set; }
    /// <summary>The verified score card (API JSON shape) fixed at confirmation, and its rounded total.</summary>
    public string? VerifiedScoreJson { get; set; }
    public decimal? VerifiedTotal { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public string? SiteVisitDeclineReason { get; set; }
    /// <summary>The score after the site visit's adjustments (API JSON shape) and its rounded total.</summary>
    public string? FinalScoreJson { get; set; }
    public decimal? FinalTotal { get; set; }
    public string? CertificationReason { get; set; }
    public int Version { get; set; }

    public List<IssueAnswer> Answers { get; set; } = [];
}

/// <summary>An assessment's answers to one issue: ticks and explanations (process) or indicators (results).
/// <see cref="Version"/> is the ETag: a save from a stale copy is refused, never merged silently.</summary>
public sealed class IssueAnswer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string IssueCode { get; set; } = "";
    /// <summary>JSON array of ticked item codes.</summary>
    public string CheckedJson { get; set; } = "[]";
    /// <summary>JSON object level → explanation.</summary>
    public string ExplanationsJson { get; set; } = "{}";
    /// <summary>JSON array of indicators.</summary>
    public string IndicatorsJson { get; set; } = "[]";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}
