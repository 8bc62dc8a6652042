using Pmqa.Domain.Frameworks;

namespace Pmqa.Data.Entities;

/// <summary>
/// What the agency decides about one issue's gap (the gap itself is computed from the answers, never stored):
/// the target level (null = the default, the next level above the one reached), impact and urgency (1–5, null =
/// not rated yet), whether it acts on the gap and why. Improvement plans refer to a selected gap by
/// (<see cref="AssessmentId"/>, <see cref="IssueCode"/>).
/// </summary>
public sealed class GapSetting : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string IssueCode { get; set; } = "";
    public MaturityLevel? TargetLevel { get; set; }
    public int? Impact { get; set; }
    public int? Urgency { get; set; }
    public bool Selected { get; set; }
    public string? Rationale { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}
