using Pmqa.Domain.Practices;

namespace Pmqa.Data.Entities;

/// <summary>
/// One issue of a certified assessment shared as an example for other agencies (ADR 0022). The explanations, the
/// issue's name and the verified level are copied when the coordinator shares, so later edits elsewhere never change
/// what OPDC approved. Only approved examples are in the library; <see cref="Version"/> is the ETag of the share
/// and of OPDC's decision.
/// </summary>
public sealed class SharedPractice : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string IssueCode { get; set; } = "";
    public string IssueNameTh { get; set; } = "";
    public string IssueNameEn { get; set; } = "";
    /// <summary>Buddhist Era, the year of the assessment's round.</summary>
    public int FiscalYear { get; set; }
    /// <summary>The issue's verified level (final score after a site visit, else the confirmed consensus): Advance or Significance.</summary>
    public string Level { get; set; } = "";
    /// <summary>JSON object level → explanation, frozen at sharing time.</summary>
    public string ExplanationsJson { get; set; } = "{}";
    /// <summary>The evidence files shared with the texts, comma-separated ids of the assessment's evidence.</summary>
    public string EvidenceIds { get; set; } = "";
    public PracticeStatus Status { get; set; }
    public DateTimeOffset SharedAt { get; set; }
    public string SharedBy { get; set; } = "";
    public DateTimeOffset? DecidedAt { get; set; }
    public string DecidedBy { get; set; } = "";
    public string DeclineReason { get; set; } = "";
    public int Version { get; set; }

    public IReadOnlyList<Guid> EvidenceIdList =>
        [.. EvidenceIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];
}
