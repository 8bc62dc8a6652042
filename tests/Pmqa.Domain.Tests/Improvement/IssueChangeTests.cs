using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Tests.Improvement;

public sealed class IssueChangeTests
{
    private const MaturityLevel None = MaturityLevel.None, Basic = MaturityLevel.Basic, Advance = MaturityLevel.Advance, Top = MaturityLevel.Significance;

    [Fact]
    public void Reaching_the_default_target_the_next_level_closes_the_gap()
    {
        var change = IssueChanges.Of("1.1", (300m, Basic), (400m, Advance), storedTarget: null);
        Assert.Equal(Advance, change.TargetLevel);
        Assert.True(change.GapClosed);
        Assert.True(change.Improved);
        Assert.Equal(100m, change.Change);
    }

    [Fact]
    public void A_higher_score_below_the_target_level_improves_without_closing_the_gap()
    {
        var change = IssueChanges.Of("1.1", (300m, Basic), (366.67m, Basic), storedTarget: null);
        Assert.True(change.Improved);
        Assert.False(change.GapClosed);
    }

    [Fact]
    public void The_agency_s_own_target_of_last_year_is_the_one_to_reach()
    {
        // Last year the agency aimed at Significance: reaching Advance is progress, not a closed gap.
        var change = IssueChanges.Of("2.1", (300m, Basic), (450m, Advance), storedTarget: Top);
        Assert.Equal(Top, change.TargetLevel);
        Assert.False(change.GapClosed);
        Assert.True(IssueChanges.Of("2.1", (300m, Basic), (500m, Top), storedTarget: Top).GapClosed);
    }

    [Fact]
    public void Falling_back_below_last_year_s_level_is_neither_improved_nor_closed()
    {
        var change = IssueChanges.Of("3.1", (400m, Advance), (300m, Basic), storedTarget: null);
        Assert.False(change.Improved);
        Assert.False(change.GapClosed);
        Assert.Equal(-100m, change.Change);
    }

    [Fact]
    public void No_gap_to_close_when_last_year_was_already_at_the_top_or_there_is_no_last_year()
    {
        var top = IssueChanges.Of("4.1", (500m, Top), (500m, Top), storedTarget: null);
        Assert.Null(top.GapClosed);
        Assert.False(top.Improved); // the same score is not an improvement
        var first = IssueChanges.Of("4.1", null, (300m, Basic), storedTarget: null);
        Assert.Null(first.GapClosed);
        Assert.Null(first.PreviousScore);
        Assert.False(first.Improved);
        Assert.Null(first.Change);
        // From nothing at all, the default target is Basic.
        Assert.True(IssueChanges.Of("4.2", (150m, None), (300m, Basic), storedTarget: null).GapClosed);
    }

    [Fact]
    public void A_project_s_issues_split_into_improved_and_not_improved()
    {
        var changes = new[]
        {
            IssueChanges.Of("1.1", (300m, Basic), (400m, Advance), null),
            IssueChanges.Of("4.1", (300m, Basic), (300m, Basic), null),
        }.ToDictionary(c => c.IssueCode);
        var outcome = IssueChanges.OutcomeOf(["1.1", "4.1", "9.9", "1.1"], changes);
        Assert.Equal(["1.1"], outcome.IssuesImproved);
        Assert.Equal(["4.1", "9.9"], outcome.IssuesNotImproved); // 9.9 has nothing to compare: not claimed
    }
}

public sealed class IndicatorHistoryTests
{
    private static IndicatorReport Report(int year, decimal? r2, decimal? r1, decimal? r0, string name = "ร้อยละความพึงพอใจ", Direction direction = Direction.Higher) =>
        new(year, "7.1", new IndicatorInput(name, "ร้อยละ", direction, 80, r2, r1, r0, null));

    [Fact]
    public void Each_year_is_the_value_of_its_own_assessment_and_earlier_years_come_from_the_reports_before()
    {
        // 2569 reported 60, 65, 70 for 2567–2569; 2570 reported its own 78 and said 2569 was 72 (a correction).
        var history = Assert.Single(IndicatorHistories.Of([Report(2570, 65, 72, 78), Report(2569, 60, 65, 70)]));
        Assert.Equal([2567, 2568, 2569, 2570], history.Values.Select(v => v.FiscalYear));
        Assert.Equal([60m, 65m, 70m, 78m], history.Values.Select(v => v.Value));
        Assert.Equal(Trend.Improving, history.Trend);
    }

    [Fact]
    public void A_year_without_an_assessment_of_its_own_is_taken_from_the_next_report()
    {
        // No 2569 assessment: 2570's r1 stands for 2569, its r2 for 2568 (2568's own r0 wins for 2568).
        var history = Assert.Single(IndicatorHistories.Of([Report(2568, null, 50, 55), Report(2570, 56, 61, null)]));
        Assert.Equal([(2567, 50m), (2568, 55m), (2569, 61m)], history.Values.Select(v => (v.FiscalYear, v.Value)));
    }

    [Theory]
    [InlineData(Direction.Higher, 70, 78, Trend.Improving)]
    [InlineData(Direction.Higher, 78, 70, Trend.Worsening)]
    [InlineData(Direction.Lower, 78, 70, Trend.Improving)]
    [InlineData(Direction.Lower, 70, 78, Trend.Worsening)]
    [InlineData(Direction.Lower, 70, 70, Trend.Steady)]
    public void The_trend_reads_the_last_two_years_in_the_indicator_s_direction(Direction direction, int before, int last, Trend trend) =>
        Assert.Equal(trend, IndicatorHistories.TrendOf([new(2569, before), new(2570, last)], direction));

    [Fact]
    public void Names_match_across_years_ignoring_case_and_spaces_and_different_names_stay_apart()
    {
        var histories = IndicatorHistories.Of([Report(2569, 1, 2, 3, "Complaints closed "), Report(2570, 2, 3, 4, "complaints closed"), Report(2570, 5, 6, 7, "Waiting days", Direction.Lower)]);
        Assert.Equal(2, histories.Count);
        Assert.Equal(4, histories.Single(h => h.Name == "complaints closed").Values.Count);
        Assert.Equal(Trend.Worsening, histories.Single(h => h.Name == "Waiting days").Trend);
        Assert.Equal(Trend.Unknown, IndicatorHistories.TrendOf([new(2570, 5)], Direction.Higher));
    }
}
