using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Reviews;
using Pmqa.Domain.Scoring;
using Pmqa.Domain.Tests.Scoring;
using ScoringRules = Pmqa.Domain.Scoring.Scoring;

namespace Pmqa.Domain.Tests.Reviews;

public sealed class JudgementsTests
{
    private static readonly Issue Results = TestPacks.Results("7.1");
    private static readonly IndicatorInput[] Reported = [TestPacks.Scoring400, TestPacks.Scoring500];

    private static decimal Score(params IndicatorJudgement[] judgements) =>
        ScoringRules.Round(ScoringRules.ScoreResults(Results, Judgements.Apply(Reported, judgements), TestPacks.Rules).Score);

    [Fact]
    public void Indicators_without_a_judgement_are_accepted_as_reported() => Assert.Equal(450m, Score());

    [Fact]
    public void An_adjusted_indicator_is_scored_with_the_reviewers_values()
    {
        // Example 3 of scoring.md's values on the first indicator: 240; (240 + 500) / 2 = 370.
        Assert.Equal(370m, Score(new IndicatorJudgement(0, IndicatorDecision.Adjust, "หลักฐานไม่ตรง", 100, null, 95, 90, null)));
    }

    [Fact]
    public void A_rejected_indicator_scores_zero_and_still_counts_so_rejecting_never_raises_a_score()
    {
        Assert.Equal(250m, Score(new IndicatorJudgement(0, IndicatorDecision.Reject, "ไม่เกี่ยวข้อง")));
        var issue = ScoringRules.ScoreResults(Results, Judgements.Apply(Reported, [new IndicatorJudgement(0, IndicatorDecision.Reject, "x")]), TestPacks.Rules);
        Assert.True(issue.Complete);
    }

    [Fact]
    public void Adjusting_or_rejecting_needs_a_reason_and_adjusted_values_follow_the_scoring_rules()
    {
        var errors = Judgements.Validate(Reported, [
            new IndicatorJudgement(0, IndicatorDecision.Reject),
            new IndicatorJudgement(1, IndicatorDecision.Adjust, "ปรับ", Target: 0, R0: -1),
            new IndicatorJudgement(4, IndicatorDecision.Accept),
        ]);
        Assert.Equal(["judgements[0].reason", "judgements[1].target", "judgements[1].r0", "judgements[2].index"], errors.Select(e => e.Field));
        Assert.Empty(Judgements.Validate(Reported, [new IndicatorJudgement(1, IndicatorDecision.Accept)]));
    }

    [Fact]
    public void Differences_name_the_items_and_indicators_reviewers_disagree_on()
    {
        var a = new ReviewerView("ก", ["1.1.B1", "1.1.B2"], [new IndicatorJudgement(0, IndicatorDecision.Accept, "ok")], 300);
        var b = new ReviewerView("ข", ["1.1.B1"], [new IndicatorJudgement(0, IndicatorDecision.Reject, "no"), new IndicatorJudgement(1, IndicatorDecision.Accept)], 200);
        var differences = ReviewDifferences.Of([a, b], reportedIndicators: 2);
        Assert.Equal(["1.1.B2"], differences.DisputedItems);
        Assert.Equal([0], differences.DisputedIndicators);
        Assert.Equal(100m, differences.ScoreSpread);
        Assert.False(ReviewDifferences.Of([a, a with { Reviewer = "ค" }], 2).Any);
    }
}
