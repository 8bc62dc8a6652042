namespace Pmqa.Data.Entities;

/// <summary>A reviewer's question to the agency about one issue, answered in the same thread. While a
/// question is open the assessment shows that it waits for the agency, with the due date.</summary>
public sealed class Clarification : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string IssueCode { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public Guid AskedByUserId { get; set; }
    /// <summary>Set by the reviewers once the answer is enough; a closed thread takes no more messages.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public int Version { get; set; }

    public List<ClarificationMessage> Messages { get; set; } = [];
}

/// <summary>One message of a clarification thread, from a reviewer or from the agency, with an optional
/// evidence file of the assessment.</summary>
public sealed class ClarificationMessage : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClarificationId { get; set; }
    public bool FromAgency { get; set; }
    public string Text { get; set; } = "";
    public Guid? EvidenceId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
}
