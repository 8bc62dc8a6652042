namespace Pmqa.Data.Entities;

/// <summary>A person on an assessment's review team. Exactly one member of a team is the lead. A reviewer
/// declares that it has no conflict of interest before it sees the agency's answers, works alone, and
/// submits its own review; only then does it see the others'.</summary>
public sealed class ReviewAssignment : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public bool IsLead { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public string AssignedBy { get; set; } = "";
    public DateTimeOffset? NoConflictDeclaredAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public int Version { get; set; }

    public List<ReviewAnswer> Answers { get; set; } = [];
}

/// <summary>One reviewer's judgement of one issue: its own ticks (process) or indicator judgements
/// (results), with strengths (จุดแข็ง) and opportunities for improvement (โอกาสในการปรับปรุง).</summary>
public sealed class ReviewAnswer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReviewAssignmentId { get; set; }
    public string IssueCode { get; set; } = "";
    /// <summary>JSON array of ticked item codes.</summary>
    public string CheckedJson { get; set; } = "[]";
    /// <summary>JSON array of indicator judgements (Pmqa.Domain.Reviews.IndicatorJudgement).</summary>
    public string JudgementsJson { get; set; } = "[]";
    public string Strengths { get; set; } = "";
    public string Opportunities { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The review team's agreed judgement of one issue, recorded by the lead with a rationale; the
/// verified score is computed from these.</summary>
public sealed class ConsensusAnswer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string IssueCode { get; set; } = "";
    public string CheckedJson { get; set; } = "[]";
    public string JudgementsJson { get; set; } = "[]";
    public string Rationale { get; set; } = "";
    public string Strengths { get; set; } = "";
    public string Opportunities { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One step of an assessment's life: who moved it from which state to which, when and why.</summary>
public sealed class AssessmentTransition : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public string Action { get; set; } = "";
    public string FromState { get; set; } = "";
    public string ToState { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}
