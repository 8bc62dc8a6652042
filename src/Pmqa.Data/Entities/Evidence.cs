namespace Pmqa.Data.Entities;

/// <summary>A file an agency attached to its assessment as evidence. The bytes live in the blob store under
/// <see cref="Sha256"/>; removing the file only sets <see cref="RemovedAt"/>, so the history keeps it.</summary>
public sealed class Evidence : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content: the blob's address.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The uploader's file name, made safe to show and to save (its extension matches the content).</summary>
    public string FileName { get; set; } = "";
    /// <summary>Detected from the content, never taken from the client.</summary>
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovedBy { get; set; }

    public List<EvidenceLink> Links { get; set; } = [];
}

/// <summary>One file supporting one issue; a file may support several issues.</summary>
public sealed class EvidenceLink : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EvidenceId { get; set; }
    public string IssueCode { get; set; } = "";
}
