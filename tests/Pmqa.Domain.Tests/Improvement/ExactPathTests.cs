using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Scoring;
using ScoringRules = Pmqa.Domain.Scoring.Scoring;
using static Pmqa.Domain.Tests.Scoring.TestPacks;

namespace Pmqa.Domain.Tests.Improvement;

public sealed class ExactPathTests
{
    /// <summary>Seven categories of one issue each (nB = nA = nS = 1), every issue at Basic: total 300.</summary>
    private static (FrameworkPack Pack, Dictionary<string, IssueAnswers> Answers) SevenAtBasic()
    {
        var issues = Enumerable.Range(1, 7).Select(n => Process($"{n}.1", 1, 1, 1)).ToList();
        var pack = Pack([.. issues.Select((i, n) => Category($"{n + 1}", 1, i))]);
        return (pack, issues.ToDictionary(i => i.Code, i => Checked(Ticks(i.Code, 1, 0, 0))));
    }

    private static PathResult PathTo(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> answers, decimal target) =>
        ExactPath.Find(pack, answers, target, 350, Rules.StatusBands);

    [Fact]
    public void Reaching_350_from_300_takes_four_ticks_of_100_points_each()
    {
        var (pack, answers) = SevenAtBasic();
        var path = PathTo(pack, answers, 350);
        Assert.True(path.Reachable);
        Assert.Equal(300m, path.Current);
        // Σ issue scores must reach 349.995 × 7 = 2449.965: +350, so 4 ticks (3 give only 2400 / 7 = 342.86).
        Assert.Equal(4, path.Ticks.Count);
        Assert.Equal(357.14m, ScoringRules.Round(path.TotalAfter));
        Assert.True(path.CardAfter.SiteVisitEligible);
        Assert.Equal(400m, path.Steps.Sum(s => s.Gain)); // every tick adds 100 to one issue
    }

    [Fact]
    public void Ticks_at_an_advance_level_wait_for_the_missing_basic_item_which_the_path_ticks_first()
    {
        // 1.1 has its Advance and Significance items ticked but one Basic item open: that one tick is worth 500 − 100.
        var issue = Process("1.1", 3, 1, 1);
        var pack = Pack(Category("1", 1, issue));
        var answers = new Dictionary<string, IssueAnswers> { ["1.1"] = Checked(Ticks("1.1", 1, 1, 1)) };
        Assert.Equal(100m, ScoringRules.Score(pack, answers, 350, Rules.StatusBands).Total);
        var path = PathTo(pack, answers, 500);
        Assert.Equal(["1.1.B2", "1.1.B3"], path.Ticks);
        Assert.Equal(500m, path.TotalAfter);
        Assert.Equal(400m, Assert.Single(path.Steps).Gain);
    }

    [Fact]
    public void Category_weights_decide_where_a_tick_is_worth_most()
    {
        // Category 2 weighs 3: its issue's ticks move the total three times as much as category 1's.
        var light = Process("1.1", 1, 2, 1);
        var heavy = Process("2.1", 1, 2, 1);
        var pack = Pack(Category("1", 1, light), Category("2", 3, heavy));
        var answers = new Dictionary<string, IssueAnswers> { ["1.1"] = Checked("1.1.B1"), ["2.1"] = Checked("2.1.B1") };
        var path = PathTo(pack, answers, 337.5m);
        Assert.Equal(["2.1.A1"], path.Ticks); // (300 + 3 × 350) / 4 = 337.5
        Assert.Equal(337.5m, path.TotalAfter);
    }

    [Fact]
    public void A_target_already_reached_needs_no_tick()
    {
        var (pack, answers) = SevenAtBasic();
        var path = PathTo(pack, answers, 300);
        Assert.True(path.Reachable);
        Assert.Empty(path.Ticks);
        Assert.Equal(300m, path.TotalAfter);
    }

    [Fact]
    public void A_target_beyond_what_ticks_can_give_says_so_and_by_how_much()
    {
        // Category 7 is a results issue with no indicator: 0 whatever is ticked, so the best is 6 × 500 / 7.
        var pack = Pack([.. Enumerable.Range(1, 6).Select(n => Category($"{n}", 1, Process($"{n}.1", 1, 1, 1))), Category("7", 1, Results("7.1"))]);
        var path = PathTo(pack, new Dictionary<string, IssueAnswers>(), 450);
        Assert.False(path.Reachable);
        Assert.Equal(18, path.Ticks.Count);
        Assert.Equal(428.57m, ScoringRules.Round(path.TotalAfter));
        Assert.Equal(21.43m, path.Shortfall);
    }

    [Fact]
    public void A_total_that_rounds_to_the_target_is_enough()
    {
        // 2400 / 7 = 342.857… shows as 342.86, so three ticks reach a target of 342.86 (thresholds look at the rounded total).
        var (pack, answers) = SevenAtBasic();
        var path = PathTo(pack, answers, 342.86m);
        Assert.Equal(3, path.Ticks.Count);
        Assert.Equal(342.86m, ScoringRules.Round(path.TotalAfter));
        Assert.Equal(4, PathTo(pack, answers, 342.87m).Ticks.Count);
    }
}
