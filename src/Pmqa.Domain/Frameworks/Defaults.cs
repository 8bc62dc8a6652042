namespace Pmqa.Domain.Frameworks;

/// <summary>The default scoring rules of <c>shared/domain/scoring.md</c>, used where a pack omits a value.</summary>
public static class Defaults
{
    public static readonly ScoringParameters Scoring = new(
        BasicPoints: 300, AdvancePoints: 400, SignificancePoints: 500,
        IndicatorLevelPoints: 300, IndicatorTrendStepPoints: 50, IndicatorComparisonPoints: 100,
        SiteVisitThreshold: 350,
        StatusBands: [new(MaturityLevel.Basic, 300), new(MaturityLevel.Advance, 400), new(MaturityLevel.Significance, 500)]);
}
