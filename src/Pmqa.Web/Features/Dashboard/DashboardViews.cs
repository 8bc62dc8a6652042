namespace Pmqa.Web.Features.Dashboard;

// The API's shapes of OPDC's dashboard (GET /api/v1/rounds/{roundId}/dashboard) and its drill-down lists.

public sealed record DashboardView(
    Guid RoundId, int FiscalYear, FilterView Filter, int Organizations, int Scored, int VerifiedCount,
    ProgressView Progress, IReadOnlyList<DistributionBin> Distribution, IReadOnlyList<CategoryFigure> Categories,
    HeatmapView Heatmap, IReadOnlyList<DimensionFigure> Dimensions, AtThresholdView AtThreshold,
    IReadOnlyList<MissedItem> MostMissedItems, IReadOnlyList<MissedByType> MostMissedByType);

public sealed record FilterView(string? Type, string? Ministry, string? Cluster, string? Band);

/// <summary>How many organisations are at each step of the round.</summary>
public sealed record StageCounts(int NotStarted, int Draft, int AwaitingApproval, int Submitted, int UnderReview, int Verified, int Certified)
{
    public int Total => NotStarted + Draft + AwaitingApproval + Submitted + UnderReview + Verified + Certified;

    public int this[ProgressStage stage] => stage switch
    {
        ProgressStage.NotStarted => NotStarted, ProgressStage.Draft => Draft, ProgressStage.AwaitingApproval => AwaitingApproval,
        ProgressStage.Submitted => Submitted, ProgressStage.UnderReview => UnderReview, ProgressStage.Verified => Verified, _ => Certified,
    };
}

/// <summary>One row of the progress table: an organisation type (key = its API name) or a ministry or province
/// cluster (key = its code; empty for organisations under neither).</summary>
public sealed record ProgressRow(string Key, string NameTh, string NameEn, StageCounts Counts);

public sealed record ProgressView(StageCounts Total, IReadOnlyList<ProgressRow> ByType, IReadOnlyList<ProgressRow> ByGroup);

/// <summary>Organisations whose rounded total lies in from ≤ total &lt; to (the last bin includes 500).</summary>
public sealed record DistributionBin(decimal From, decimal To, int Self, int Verified);

public sealed record QuartileView(int Count, decimal Q1, decimal Median, decimal Q3);

/// <summary>How far self-assessment overstates the verified score: self − verified over the assessments that have both.</summary>
public sealed record OverstatementView(int Pairs, decimal Mean, decimal Median);

/// <summary>A category's self-assessed median and quartiles (null while nothing is submitted), the verified ones, and
/// the calibration between them.</summary>
public sealed record CategoryFigure(
    string Code, string NameTh, string NameEn, decimal? Median, decimal? Q1, decimal? Q3, int Count,
    QuartileView? Verified, OverstatementView? Overstatement);

public sealed record DimensionFigure(string Code, string NameTh, string NameEn, QuartileView? Self, QuartileView? Verified);

public sealed record OrganizationRow(
    Guid AssessmentId, Guid OrganizationId, string Code, string NameTh, string NameEn, string Type, string State, string Stage,
    decimal SelfTotal, decimal? VerifiedTotal, string Band, decimal? Score);

public sealed record AtThresholdView(decimal Threshold, int SelfCount, int VerifiedCount, IReadOnlyList<OrganizationRow> Organizations);

public sealed record MissedItem(string ItemCode, string IssueCode, string Level, string TextTh, string TextEn, decimal MissedShare, int Missed, int Of);

public sealed record MissedByType(string Type, IReadOnlyList<MissedItem> Items);

public sealed record HeatRow(
    Guid AssessmentId, Guid OrganizationId, string Code, string NameTh, string NameEn, string Type, decimal SelfTotal, decimal? VerifiedTotal,
    string Band, IReadOnlyList<decimal> Scores);

/// <summary>Issues × organisations, one page of organisations sorted by <see cref="Sort"/>.</summary>
public sealed record HeatmapView(IReadOnlyList<string> Issues, string Sort, bool Descending, int Page, int PageSize, int TotalRows, IReadOnlyList<HeatRow> Rows);

public sealed record OrganizationList(int Total, int Page, int PageSize, string Sort, bool Descending, IReadOnlyList<OrganizationRow> Items);

/// <summary>One fiscal year of the trend: its rounds' assessments, submitted and verified, and the totals' quartiles.</summary>
public sealed record TrendYear(int FiscalYear, int Organizations, int Submitted, int VerifiedCount, int Certified, int AtThreshold,
    QuartileView? Self, QuartileView? Verified);

public sealed record TrendView(FilterView Filter, IReadOnlyList<TrendYear> Years);

/// <summary>An agency's anonymous position among the submitted organisations of its type in the round.</summary>
public sealed record BenchmarkView(
    Guid AssessmentId, string OrganizationType, int GroupSize, int MinimumGroupSize, bool Shown, BenchmarkPart? Total, IReadOnlyList<BenchmarkPart> Categories);

public sealed record BenchmarkPart(string Code, string NameTh, string NameEn, decimal Score, int Percentile, decimal GroupMedian);
