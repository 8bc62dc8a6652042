using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>The process-issue examples of scoring.md: levels are cumulative.</summary>
public sealed class ProcessScoringTests
{
    private static readonly Issue Issue322 = Process("1.1", nB: 3, nA: 2, nS: 2);

    [Theory]
    [InlineData(0, 0, 0, "0.00", MaturityLevel.None)]
    [InlineData(2, 0, 0, "200.00", MaturityLevel.None)]
    [InlineData(2, 2, 2, "200.00", MaturityLevel.None)]
    [InlineData(3, 0, 0, "300.00", MaturityLevel.Basic)]
    [InlineData(3, 1, 2, "350.00", MaturityLevel.Basic)]
    [InlineData(3, 2, 1, "450.00", MaturityLevel.Advance)]
    [InlineData(3, 2, 2, "500.00", MaturityLevel.Significance)]
    public void Issue_with_3_2_2_items_scores_as_the_worked_example_table(int b, int a, int s, string score, MaturityLevel level)
    {
        var result = Scoring.ScoreProcess(Issue322, Ticks("1.1", b, a, s), Rules);
        Assert.Equal(Dec(score), result.Rounded);
        Assert.Equal(level, result.Level);
        Assert.True(result.Complete);
    }

    [Fact]
    public void Advance_and_significance_ticks_do_not_count_while_basic_is_incomplete_and_are_listed()
    {
        var result = Scoring.ScoreProcess(Issue322, Ticks("1.1", 2, 2, 2), Rules);
        Assert.Equal(200m, result.Score);
        Assert.Equal(["1.1.A1", "1.1.A2", "1.1.S1", "1.1.S2"], result.UncountedItems);
    }

    [Fact]
    public void Significance_ticks_do_not_count_while_advance_is_incomplete()
    {
        var result = Scoring.ScoreProcess(Issue322, Ticks("1.1", 3, 1, 2), Rules);
        Assert.Equal(["1.1.S1", "1.1.S2"], result.UncountedItems);
    }

    [Fact]
    public void Counted_ticks_are_not_listed_as_uncounted()
    {
        Assert.Empty(Scoring.ScoreProcess(Issue322, Ticks("1.1", 3, 2, 1), Rules).UncountedItems);
        Assert.Empty(Scoring.ScoreProcess(Issue322, Ticks("1.1", 2, 0, 0), Rules).UncountedItems);
    }

    [Theory]
    [InlineData(1, "333.33")]
    [InlineData(2, "366.67")]
    public void Issue_with_2_3_1_items_scores_thirds_of_the_advance_step(int a, string score)
    {
        var result = Scoring.ScoreProcess(Process("2.1", nB: 2, nA: 3, nS: 1), Ticks("2.1", 2, a, 0), Rules);
        Assert.Equal(Dec(score), result.Rounded);
        Assert.Equal(MaturityLevel.Basic, result.Level);
    }

    [Fact]
    public void Codes_of_other_issues_and_repeated_ticks_are_ignored()
    {
        var result = Scoring.ScoreProcess(Issue322, ["1.1.B1", "1.1.B1", "1.2.B1", "9.9.B2", "nonsense"], Rules);
        Assert.Equal(100m, result.Score);
        Assert.Empty(result.UncountedItems);
    }

    [Fact]
    public void Points_come_from_the_pack_parameters()
    {
        var rules = Rules with { BasicPoints = 3, AdvancePoints = 4, SignificancePoints = 5 };
        Assert.Equal(3.5m, Scoring.ScoreProcess(Issue322, Ticks("1.1", 3, 1, 0), rules).Score);
    }

    [Fact]
    public void A_results_issue_is_refused_as_a_process_issue() =>
        Assert.Throws<ArgumentException>(() => Scoring.ScoreProcess(Results("7.1"), [], Rules));
}
