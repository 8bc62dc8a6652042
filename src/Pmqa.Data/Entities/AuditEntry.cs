namespace Pmqa.Data.Entities;

/// <summary>One change to one entity: who, when, which entity and key, and each field's old → new.
/// Autosaved entities (answers) are coalesced: one person's consecutive saves of one record within a few
/// minutes are one entry holding the first "before" and the last "after" (ADR 0013).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>When the change (for a coalesced entry: its last save) was made.</summary>
    public DateTimeOffset At { get; set; }
    /// <summary>For a coalesced entry, when its first save was made; null for a single save.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>How many saves this entry stands for (1 unless coalesced).</summary>
    public int Saves { get; set; } = 1;
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>The organisation the change belongs to, when it belongs to one (for filtering).</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>The assessment the change belongs to, when it belongs to one (for filtering and links).</summary>
    public Guid? AssessmentId { get; set; }
    /// <summary>JSON array of <see cref="Auditing.FieldChange"/>.</summary>
    public string ChangesJson { get; set; } = "[]";
}

public enum AuditAction { Created, Updated, Deleted }
