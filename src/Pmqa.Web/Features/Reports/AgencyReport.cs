namespace Pmqa.Web.Features.Reports;

/// <summary>
/// Everything the agency report shows, once: the JSON of <c>GET …/report</c>, the web page, the PDF printed from
/// it and the Excel workbook all read this record, so their numbers cannot differ. Scores are rounded to 2
/// decimals as everywhere; verified and final scores are null until they exist. Levels and states are the API's
/// names (<c>Basic</c>, <c>UnderReview</c>); names come in Thai and English.
/// </summary>
public sealed record AgencyReport(
    Guid AssessmentId, ReportCover Cover, IReadOnlyList<ReportProfileSection> Profile, ReportTotals Totals,
    IReadOnlyList<ReportCategory> Categories, IReadOnlyList<ReportIssue> Issues, IReadOnlyList<ReportDimension> Dimensions,
    ReportLastYear? LastYear, ReportGaps Gaps, ReportPath? Path, IReadOnlyList<ReportFeedback> StrengthsAndOpportunities,
    ReportPlan? Plan, DateTimeOffset GeneratedAt);

public sealed record ReportCover(
    string OrganizationCode, string OrganizationNameTh, string OrganizationNameEn, string OrganizationType, int FiscalYear,
    string FrameworkNameTh, string FrameworkNameEn, string State, DateTimeOffset? SubmittedAt, string? ApproverName, string? ApproverPosition,
    DateTimeOffset? VerifiedAt);

/// <summary>A section of the organisation profile: its text cut to <see cref="ReportQueries.ProfileSummaryLength"/> characters.</summary>
public sealed record ReportProfileSection(string Code, string Group, string NameTh, string NameEn, string Summary, bool Shortened);

/// <summary>The totals: the agency's own, the verified one (review team) and the final one (after a site visit).
/// <see cref="Headline"/> is the one that counts now (final, else verified, else self-assessed).</summary>
public sealed record ReportTotals(
    decimal Self, string SelfStatus, decimal? Verified, string? VerifiedStatus, decimal? Final, string? FinalStatus,
    decimal Headline, string HeadlineKind, decimal SiteVisitThreshold, bool SiteVisitEligible);

public sealed record ReportCategory(string Code, string NameTh, string NameEn, decimal Weight, decimal Self, decimal? Verified, decimal? Final, decimal? LastYear);

public sealed record ReportIssue(
    string Code, string CategoryCode, string NameTh, string NameEn, string Kind, decimal Self, string SelfLevel,
    decimal? Verified, string? VerifiedLevel, decimal? Final, string? FinalLevel);

public sealed record ReportDimension(string Code, string NameTh, string NameEn, decimal Self, decimal? Verified, decimal? Final);

/// <summary>The organisation's latest assessment of an earlier fiscal year, by the score that counted for it.</summary>
public sealed record ReportLastYear(Guid AssessmentId, int FiscalYear, string Kind, decimal Total, IReadOnlyList<ReportCodeScore> Categories);

public sealed record ReportCodeScore(string Code, decimal Score);

/// <summary>The gap list: from the review team's consensus once verified (<c>verified</c>), else the agency's answers (<c>self</c>).</summary>
public sealed record ReportGaps(string Basis, IReadOnlyList<ReportGap> Items);

public sealed record ReportGap(
    string IssueCode, string CategoryCode, string Level, decimal Score, string TargetLevel, decimal ScoreAtTarget, bool Closed,
    IReadOnlyList<string> MissingItems, IReadOnlyList<string> IndicatorsBelowTarget, int? Impact, int? Urgency, bool Selected);

/// <summary>The fewest ticks from the agency's answers to the next line above its total (the site-visit threshold or
/// the next status band), exact (ADR 0016); null when the total is at the top already.</summary>
public sealed record ReportPath(decimal Current, decimal Target, string TargetKind, bool Reachable, int Ticks, decimal TotalAfter,
    decimal Shortfall, IReadOnlyList<ReportPathStep> Steps);

public sealed record ReportPathStep(string IssueCode, IReadOnlyList<string> Items, decimal ScoreBefore, decimal ScoreAfter);

/// <summary>The review team's strengths and opportunities for improvement of one issue (once verified).</summary>
public sealed record ReportFeedback(string IssueCode, string Strengths, string Opportunities);

/// <summary>The newest version of the improvement plan made from this assessment.</summary>
public sealed record ReportPlan(
    Guid PlanId, string Horizon, int VersionNumber, string Status, decimal TotalBudget, int Projects, int Actions,
    int OnTrack, int Late, int Done, IReadOnlyList<string> ReportsSubmitted);
