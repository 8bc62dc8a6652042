namespace Pmqa.Data.Entities;

/// <summary>
/// One imported version of a framework pack, stored as its canonical JSON document (see
/// docs/decisions/0003-framework-versions-as-documents.md). The newest version of a code is current;
/// older ones are superseded. Once a round uses a version it is locked: never changed, never deleted.
/// </summary>
public sealed class FrameworkVersion : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string Version { get; set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string ContentJson { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
}
