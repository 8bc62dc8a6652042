using Pmqa.Domain.Plans;

namespace Pmqa.Data.Entities;

/// <summary>
/// One version of an organisation's one-year or three-year improvement plan for a fiscal year, built on one
/// of its assessments (ADR 0017). Revising an approved plan copies it into a new version (the approved one
/// stays as it was). Every change to a project or action also touches the plan, so the plan's
/// <see cref="Version"/> is the ETag of the whole plan.
/// </summary>
public sealed class ImprovementPlan : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Guid AssessmentId { get; set; }
    public Assessment? Assessment { get; set; }
    /// <summary>The (first) fiscal year, Buddhist Era.</summary>
    public int FiscalYear { get; set; }
    public PlanHorizon Horizon { get; set; }
    /// <summary>1 for the first plan of its organisation, year and horizon; +1 for each revision.</summary>
    public int VersionNumber { get; set; } = 1;
    public Guid? PreviousPlanId { get; set; }
    public PlanStatus Status { get; set; }
    /// <summary>The plan's approach in the agency's words (why these projects, how they fit together).</summary>
    public string Summary { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public string ApproverName { get; set; } = "";
    public string ApproverPosition { get; set; } = "";
    /// <summary>Also the moment the plan went to OPDC.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }
    public string RejectionReason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public List<PlanProject> Projects { get; set; } = [];
}

/// <summary>A project of a plan: what it changes (the issues of the plan's assessment it addresses), who owns
/// it, when, for how much, and the indicator that tells whether it worked.</summary>
public sealed class PlanProject : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public string Title { get; set; } = "";
    public string Objective { get; set; } = "";
    /// <summary>Issue codes of the plan's assessment, comma-separated ("1.1,2.3").</summary>
    public string IssueCodes { get; set; } = "";
    public Guid OwnerUserId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public decimal Budget { get; set; }
    public string IndicatorName { get; set; } = "";
    public string IndicatorUnit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }

    public List<ProjectAction> Actions { get; set; } = [];
}

/// <summary>A step of a project. Status and progress are follow-up: reports update them after approval.</summary>
public sealed class ProjectAction : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProjectId { get; set; }
    public string Title { get; set; } = "";
    public Guid OwnerUserId { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public decimal Budget { get; set; }
    public ActionStatus Status { get; set; }
    public int Progress { get; set; }
    /// <summary>When its owner and the coordinator were told it is late (once).</summary>
    public DateTimeOffset? LateNotifiedAt { get; set; }
}

/// <summary>OPDC's comment on a plan (whole, a project, or a report) or the agency's answer to one.</summary>
public sealed class PlanComment : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? ReportId { get; set; }
    /// <summary>The OPDC comment an agency's answer answers.</summary>
    public Guid? ReplyToId { get; set; }
    public bool FromAgency { get; set; }
    public string Text { get; set; } = "";
    public Guid AuthorUserId { get; set; }
    public string AuthorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A 6- or 12-month follow-up report of an approved plan.</summary>
public sealed class PlanReport : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public ReportPeriod Period { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the coordinator was told it is late (once).</summary>
    public DateTimeOffset? LateNotifiedAt { get; set; }
    public int Version { get; set; }

    public List<PlanReportEntry> Entries { get; set; } = [];
    public List<PlanReportResult> Results { get; set; } = [];
}

/// <summary>One action's progress in a report, with evidence files of the plan's assessment.</summary>
public sealed class PlanReportEntry : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public Guid ActionId { get; set; }
    public ActionStatus Status { get; set; }
    public int Progress { get; set; }
    public string Narrative { get; set; } = "";
    /// <summary>Evidence ids, comma-separated.</summary>
    public string EvidenceIds { get; set; } = "";
}

/// <summary>The 12-month result of one project against its indicator.</summary>
public sealed class PlanReportResult : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReportId { get; set; }
    public Guid ProjectId { get; set; }
    public decimal? Actual { get; set; }
    public string Narrative { get; set; } = "";
}
