namespace Pmqa.Data.Entities;

/// <summary>An assessment round (รอบการประเมิน) of one fiscal year for some audiences. Its dates are
/// instants; the screens show them in Bangkok time.</summary>
public sealed class Round : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int FiscalYear { get; set; }
    public Guid FrameworkVersionId { get; set; }
    public FrameworkVersion? FrameworkVersion { get; set; }
    /// <summary>Comma-separated organisation types the round assesses, e.g. "department,publicOrganization".</summary>
    public string Audiences { get; set; } = "";
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset SubmissionDeadline { get; set; }
    public DateTimeOffset? VerificationEndsAt { get; set; }
    public DateTimeOffset? SiteVisitFrom { get; set; }
    public DateTimeOffset? SiteVisitTo { get; set; }
    public DateTimeOffset? AwardDate { get; set; }
    public decimal SiteVisitThreshold { get; set; } = 350;
    /// <summary>Status bands on the total as JSON (<c>[{"level":"Basic","from":300},…]</c>); the pack's when empty.</summary>
    public string StatusBandsJson { get; set; } = "";
    /// <summary>Per-category award thresholds on the verified category score as JSON (<c>{"1":400,…}</c>);
    /// a category not named uses <see cref="DefaultCategoryAwardThreshold"/>.</summary>
    public string CategoryAwardThresholdsJson { get; set; } = "";
    public decimal DefaultCategoryAwardThreshold { get; set; } = 400;
    /// <summary>Who signs the round's certificates (name and position, as printed); empty until the officer sets it.</summary>
    public string SignatoryName { get; set; } = "";
    public string SignatoryPosition { get; set; } = "";
    public DateTimeOffset? OpenedAt { get; set; }
    /// <summary>Improvement plans are due to OPDC by then (ADR 0017); none when empty.</summary>
    public DateTimeOffset? PlanDeadline { get; set; }
    public DateTimeOffset? Month6ReportDeadline { get; set; }
    public DateTimeOffset? Month12ReportDeadline { get; set; }
    /// <summary>When OPDC closed verification; closing publishes the verified results (ADR 0024). Null while open.</summary>
    public DateTimeOffset? VerificationClosedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<Assessment> Assessments { get; set; } = [];
    public List<RoundExtension> Extensions { get; set; } = [];
}

/// <summary>A later submission deadline granted to one organisation, with the reason.</summary>
public sealed class RoundExtension : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
}

/// <summary>A round's claim on one audience of its fiscal year. The key (fiscal year, audience) is what
/// makes "one round per fiscal year and audience" hold when two officers create the same round at the same
/// instant; a cancelled round is deleted, and its claims with it. Derived from <see cref="Round.Audiences"/>
/// (which is audited), so not audited itself.</summary>
public sealed class RoundAudience
{
    public int FiscalYear { get; set; }
    public string Audience { get; set; } = "";
    public Guid RoundId { get; set; }
}
