using Pmqa.Domain.Digital;

namespace Pmqa.Data.Entities;

/// <summary>A follow-up period OPDC sets for the digital-government register (issue 12, ADR 0027): the register is
/// reported "as of" <see cref="StartsOn"/> and the executive's approval is due by the end of <see cref="Deadline"/>
/// (Bangkok dates).</summary>
public sealed class DigitalPeriod : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string NameTh { get; set; } = "";
    /// <summary>Empty when OPDC gave only the Thai name; pages then show the Thai name in English too.</summary>
    public string NameEn { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An organisation's progress update for one period (ADR 0027): a frozen copy of its register as JSON
/// (<see cref="RegisterJson"/>) with the figures OPDC compares as typed columns, the coordinator's note, and the
/// executive's approval or return. One per organisation and period; a returned one is sent again in place.
/// </summary>
public sealed class DigitalUpdate : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid PeriodId { get; set; }
    public DigitalPeriod? Period { get; set; }
    public UpdateStatus Status { get; set; }
    public string Note { get; set; } = "";
    /// <summary>The services as they were when sent (not audited field by field: the row itself is the record).</summary>
    public string RegisterJson { get; set; } = "[]";
    public int Services { get; set; }
    public int FullyDigital { get; set; }
    public int OnCentralPlatform { get; set; }
    public int Datasets { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string ApprovedBy { get; set; } = "";
    public string ReturnReason { get; set; } = "";
    public int Version { get; set; }
}
