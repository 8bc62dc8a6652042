namespace Pmqa.Data.Entities;

/// <summary>One section of the organisation profile (ลักษณะสำคัญขององค์การ) in an assessment: free text and
/// an optional attachment chosen among the assessment's evidence files.</summary>
public sealed class ProfileAnswer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string SectionCode { get; set; } = "";
    public string Text { get; set; } = "";
    public Guid? AttachmentId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>The coordinator gives a category of an assessment to a category owner, who then edits its issues.</summary>
public sealed class CategoryAssignment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string CategoryCode { get; set; } = "";
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
}
