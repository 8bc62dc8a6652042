namespace Pmqa.Domain.Frameworks;

/// <summary>
/// One version of an assessment framework (e.g. PMQA 4.0, version 2569.1) as data: categories,
/// issues, maturity levels with checklists, suggested indicators, dimension tags and the scoring
/// parameters that belong to the version. Immutable: a change is a new version.
/// </summary>
public sealed record FrameworkPack(
    string Code,
    string Version,
    string NameTh,
    string NameEn,
    string DescriptionTh,
    string DescriptionEn,
    ScoringParameters Scoring,
    IReadOnlyList<Dimension> Dimensions,
    IReadOnlyList<ProfileSection> ProfileSections,
    IReadOnlyList<Category> Categories)
{
    public IEnumerable<Issue> Issues => Categories.SelectMany(c => c.Issues);

    public Issue? FindIssue(string code) => Issues.FirstOrDefault(i => i.Code == code);

    public Category CategoryOf(Issue issue) => Categories.First(c => c.Issues.Contains(issue));
}

public sealed record ScoringParameters(
    decimal BasicPoints,
    decimal AdvancePoints,
    decimal SignificancePoints,
    decimal IndicatorLevelPoints,
    decimal IndicatorTrendStepPoints,
    decimal IndicatorComparisonPoints,
    decimal SiteVisitThreshold,
    IReadOnlyList<StatusBand> StatusBands);

public sealed record StatusBand(MaturityLevel Level, decimal From);

public sealed record Dimension(string Code, string NameTh, string NameEn, string DescriptionTh, string DescriptionEn);

public sealed record ProfileSection(string Code, string Group, string NameTh, string NameEn, string GuidanceTh, string GuidanceEn);

public sealed record Category(
    string Code,
    string NameTh,
    string NameEn,
    decimal Weight,
    string DescriptionTh,
    string DescriptionEn,
    IReadOnlyList<Issue> Issues);

public sealed record Issue(
    string Code,
    string NameTh,
    string NameEn,
    IssueKind Kind,
    IReadOnlyList<string> Dimensions,
    string DescriptionTh,
    string DescriptionEn,
    IReadOnlyList<LevelStatement> Levels,
    IReadOnlyList<SuggestedIndicator> SuggestedIndicators);

public sealed record LevelStatement(MaturityLevel Level, string StatementTh, string StatementEn, IReadOnlyList<ChecklistItem> Items);

public sealed record ChecklistItem(string Code, string TextTh, string TextEn);

public sealed record SuggestedIndicator(
    string Code,
    string NameTh,
    string NameEn,
    string UnitTh,
    string UnitEn,
    Direction Direction);

public enum IssueKind { Process, Results }

/// <summary>The three cumulative maturity levels; None means below Basic.</summary>
public enum MaturityLevel { None, Basic, Advance, Significance }

public enum Direction { Higher, Lower }
