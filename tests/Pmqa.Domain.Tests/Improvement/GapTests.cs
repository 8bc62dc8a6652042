using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Tests.Scoring;
using static Pmqa.Domain.Tests.Scoring.TestPacks;

namespace Pmqa.Domain.Tests.Improvement;

public sealed class GapTests
{
    private static readonly Issue Example = Process("1.1", 3, 2, 2);

    [Fact]
    public void Ticks_above_an_unmet_level_do_not_count_and_the_missing_basic_item_is_named()
    {
        // scoring.md: nB = 3, nA = 2, nS = 2 with b = 2, a = 2, s = 2 scores 200, level none.
        var gap = Gaps.Of(Example, Checked(Ticks("1.1", 2, 2, 2)), new HashSet<MaturityLevel>(), null, Rules);
        Assert.Equal(200m, gap.Score);
        Assert.Equal(MaturityLevel.None, gap.Level);
        Assert.Equal(MaturityLevel.Basic, gap.TargetLevel);
        Assert.True(gap.TargetIsDefault);
        Assert.Equal(300m, gap.ScoreAtTarget);
        Assert.Equal([new MissingItem("1.1.B3", MaturityLevel.Basic)], gap.MissingItems);
        Assert.Equal(["1.1.A1", "1.1.A2", "1.1.S1", "1.1.S2"], gap.UncountedItems);
        Assert.Equal([MaturityLevel.Basic], gap.MissingExplanations);
    }

    [Theory]
    [InlineData(3, 1, 2, "350.00", MaturityLevel.Basic, MaturityLevel.Advance, "1.1.A2")]
    [InlineData(3, 2, 1, "450.00", MaturityLevel.Advance, MaturityLevel.Significance, "1.1.S2")]
    [InlineData(3, 0, 0, "300.00", MaturityLevel.Basic, MaturityLevel.Advance, "1.1.A1 1.1.A2")]
    public void The_default_target_is_the_next_level_and_only_its_items_are_missing(int b, int a, int s, string score,
        MaturityLevel level, MaturityLevel target, string missing)
    {
        var gap = Gaps.Of(Example, Checked(Ticks("1.1", b, a, s)), new HashSet<MaturityLevel> { MaturityLevel.Basic, MaturityLevel.Advance }, null, Rules);
        Assert.Equal(Dec(score), gap.Score);
        Assert.Equal(level, gap.Level);
        Assert.Equal(target, gap.TargetLevel);
        Assert.Equal(missing.Split(' '), gap.MissingItems.Select(m => m.Code));
        Assert.False(gap.Closed);
    }

    [Fact]
    public void A_chosen_target_lists_every_item_and_explanation_missing_up_to_it()
    {
        var gap = Gaps.Of(Example, Checked(Ticks("1.1", 3, 1, 0)), new HashSet<MaturityLevel> { MaturityLevel.Basic }, MaturityLevel.Significance, Rules);
        Assert.False(gap.TargetIsDefault);
        Assert.Equal(500m, gap.ScoreAtTarget);
        Assert.Equal(["1.1.A2", "1.1.S1", "1.1.S2"], gap.MissingItems.Select(m => m.Code));
        Assert.Equal([MaturityLevel.Advance, MaturityLevel.Significance, MaturityLevel.Significance], gap.MissingItems.Select(m => m.Level));
        Assert.Equal([MaturityLevel.Advance, MaturityLevel.Significance], gap.MissingExplanations);
    }

    [Fact]
    public void Significance_reached_is_a_closed_gap()
    {
        var gap = Gaps.Of(Example, Checked(Ticks("1.1", 3, 2, 2)), new HashSet<MaturityLevel>(), null, Rules);
        Assert.Equal(MaturityLevel.Significance, gap.TargetLevel);
        Assert.True(gap.Closed);
        Assert.Empty(gap.MissingItems);
    }

    [Fact]
    public void A_results_issue_targets_the_next_score_band_and_names_indicators_below_target_or_worsening()
    {
        // scoring.md: indicators 1 (400) and 3 (240) give 320, Basic.
        var three = Indicator(Direction.Higher, 100, null, 95, 90, null) with { Name = "อัตราความสำเร็จ" };
        var gap = Gaps.Of(Results("7.1"), Indicators(Scoring400, three), new HashSet<MaturityLevel>(), null, Rules);
        Assert.Equal(320m, gap.Score);
        Assert.Equal(MaturityLevel.Basic, gap.Level);
        Assert.Equal(MaturityLevel.Advance, gap.TargetLevel);
        Assert.Equal(400m, gap.ScoreAtTarget);
        var concern = Assert.Single(gap.Indicators);
        Assert.Equal("อัตราความสำเร็จ", concern.Name);
        Assert.Equal([IndicatorConcern.BelowTarget, IndicatorConcern.Worsening], concern.Concerns);
        Assert.Empty(gap.MissingItems);
        Assert.Empty(gap.MissingExplanations);
    }

    [Fact]
    public void A_lower_is_better_indicator_above_its_target_is_below_target()
    {
        // scoring.md example 5: lower is better, T = 10, r0 = 15.
        var concern = Gaps.IndicatorGapOf(Indicator(Direction.Lower, 10, null, null, 15, null), Rules);
        Assert.Equal([IndicatorConcern.BelowTarget], concern!.Concerns);
        Assert.Null(Gaps.IndicatorGapOf(Indicator(Direction.Lower, 10, 12, 9, 8, 8), Rules));
    }
}
