namespace Pmqa.Data.Entities;

/// <summary>One change to one entity: who, when, which entity and key, and each field's old → new.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityKey { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON array of <see cref="Auditing.FieldChange"/>.</summary>
    public string ChangesJson { get; set; } = "[]";
}

public enum AuditAction { Created, Updated, Deleted }
