using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>The indicator examples of scoring.md and the results-issue mean.</summary>
public sealed class IndicatorScoringTests
{
    // Rows 1–7 of the table in scoring.md, in order; '–' there is an empty value (null) here.
    [Theory]
    [InlineData(Direction.Higher, "80", "70", "75", "80", "85", "400.00")]
    [InlineData(Direction.Higher, "80", "70", "75", "80", "78", "500.00")]
    [InlineData(Direction.Higher, "100", null, "95", "90", null, "240.00")]
    [InlineData(Direction.Lower, "10", "12", "9", "8", "8", "500.00")]
    [InlineData(Direction.Lower, "10", null, null, "15", null, "100.00")]
    [InlineData(Direction.Higher, "50", "55", "60", "60", "40", "350.00")]
    [InlineData(Direction.Higher, "100", null, null, "40", null, "0.00")]
    public void Indicator_scores_as_the_worked_example_table(
        Direction direction, string target, string? r2, string? r1, string r0, string? comparison, string score)
    {
        var indicator = Indicator(direction, D(target), D(r2), D(r1), D(r0), D(comparison));
        Assert.Equal(Dec(score), Scoring.Round(Scoring.ScoreIndicator(indicator, Rules)));
    }

    [Fact]
    public void Lower_is_better_at_two_thirds_achievement_is_exactly_100() =>
        Assert.Equal(100m, Scoring.ScoreIndicator(Indicator(Direction.Lower, 10, null, null, 15, null), Rules));

    [Fact]
    public void Lower_is_better_with_a_result_of_zero_counts_as_met()
    {
        Assert.Equal(300m, Scoring.ScoreIndicator(Indicator(Direction.Lower, 5, null, null, 0, null), Rules));
        Assert.Equal(500m, Scoring.ScoreIndicator(Indicator(Direction.Lower, 5, 3, 1, 0, 0), Rules));
    }

    [Fact]
    public void A_missing_previous_year_is_a_step_not_improved()
    {
        // Only r1 → r0 can be judged: +50, and no comparison points because the trend is not full.
        Assert.Equal(350m, Scoring.ScoreIndicator(Indicator(Direction.Higher, 80, null, 75, 80, 0), Rules));
        // r1 missing breaks both steps.
        Assert.Equal(300m, Scoring.ScoreIndicator(Indicator(Direction.Higher, 80, 70, null, 80, 0), Rules));
    }

    [Fact]
    public void Exceeding_the_target_gives_no_more_than_the_level_points() =>
        Assert.Equal(300m, Scoring.ScoreIndicator(Indicator(Direction.Higher, 10, null, null, 1000, null), Rules));

    [Fact]
    public void Half_achievement_or_less_gives_nothing() =>
        Assert.Equal(0m, Scoring.ScoreIndicator(Indicator(Direction.Lower, 10, null, null, 20, null), Rules));

    [Fact]
    public void An_invalid_indicator_is_refused_by_the_single_indicator_score() =>
        Assert.Throws<ArgumentException>(() => Scoring.ScoreIndicator(Indicator(Direction.Higher, 0, null, null, 1, null), Rules));

    [Fact]
    public void Issue_with_indicators_1_and_3_scores_320_at_basic()
    {
        var indicator3 = Indicator(Direction.Higher, 100, null, 95, 90, null);
        var result = Scoring.ScoreResults(Results("7.1"), [Scoring400, indicator3], Rules);
        Assert.Equal(320.00m, result.Rounded);
        Assert.Equal(MaturityLevel.Basic, result.Level);
        Assert.True(result.Complete);
        Assert.Empty(result.UncountedItems);
    }

    [Fact]
    public void Issue_without_indicators_scores_0_and_is_incomplete()
    {
        var result = Scoring.ScoreResults(Results("7.1"), [], Rules);
        Assert.Equal((0m, MaturityLevel.None, false), (result.Score, result.Level, result.Complete));
    }

    [Fact]
    public void Results_level_follows_the_rounded_score()
    {
        // 300 × 49 999.99 / 50 000 = 299.9994: below 300 unrounded, 300.00 shown, so Basic.
        var justBasic = Scoring.ScoreResults(Results("7.1"), [Indicator(Direction.Higher, 100_000, null, null, 99_999.99m, null)], Rules);
        Assert.True(justBasic.Score < 300m);
        Assert.Equal((300.00m, MaturityLevel.Basic), (justBasic.Rounded, justBasic.Level));

        // 299.994 shows as 299.99: still below Basic.
        var below = Scoring.ScoreResults(Results("7.1"), [Indicator(Direction.Higher, 100_000, null, null, 99_999, null)], Rules);
        Assert.Equal((299.99m, MaturityLevel.None), (below.Rounded, below.Level));

        // (500 + 300) / 2 = 400: Advance; one 500 alone: Significance.
        var met = Indicator(Direction.Higher, 80, null, null, 80, null);
        Assert.Equal(MaturityLevel.Advance, Scoring.ScoreResults(Results("7.1"), [Scoring500, met], Rules).Level);
        Assert.Equal(MaturityLevel.Significance, Scoring.ScoreResults(Results("7.1"), [Scoring500], Rules).Level);
    }

    [Fact]
    public void A_process_issue_is_refused_as_a_results_issue() =>
        Assert.Throws<ArgumentException>(() => Scoring.ScoreResults(Process("1.1", 1, 1, 1), [], Rules));

    private static decimal? D(string? text) => text is null ? null : Dec(text);
}
