using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>The roll-up of scoring.md: categories, weighted total, dimensions, status and site visit.</summary>
public sealed class ScoreCardTests
{
    private static readonly StatusBand[] Bands = [.. Rules.StatusBands];

    /// <summary>
    /// Seven categories of one process issue each, ticked so that the categories score
    /// 350, 300, 420, 275, 310, 390 and 320 (the totals examples of scoring.md).
    /// </summary>
    private static readonly (int nB, int nA, int nS, int b, int a, int s)[] ExampleCategories =
    [
        (1, 2, 1, 1, 1, 0),   // 300 + 100 × 1/2 = 350
        (1, 1, 1, 1, 0, 0),   // 300
        (1, 1, 5, 1, 1, 1),   // 400 + 100 × 1/5 = 420
        (12, 1, 1, 11, 0, 0), // 300 × 11/12 = 275
        (1, 10, 1, 1, 1, 0),  // 310
        (1, 10, 1, 1, 9, 0),  // 390
        (1, 5, 1, 1, 1, 0),   // 320
    ];

    private static (FrameworkPack Pack, Dictionary<string, IssueAnswers> Answers) OneIssuePerCategory(
        (int nB, int nA, int nS, int b, int a, int s)[] shapes, decimal[] weights)
    {
        var categories = shapes.Select((x, n) =>
            Category($"{n + 1}", weights[n], Process($"{n + 1}.1", x.nB, x.nA, x.nS, "OC"))).ToArray();
        var answers = shapes.Select((x, n) => (Code: $"{n + 1}.1", Ticks: Ticks($"{n + 1}.1", x.b, x.a, x.s)))
            .ToDictionary(x => x.Code, x => Checked(x.Ticks));
        return (Pack(categories), answers);
    }

    [Fact]
    public void Equal_weights_give_337_86_and_no_site_visit()
    {
        var (pack, answers) = OneIssuePerCategory(ExampleCategories, [1, 1, 1, 1, 1, 1, 1]);
        var card = Scoring.Score(pack, answers, 350, Bands);
        Assert.Equal([350m, 300m, 420m, 275m, 310m, 390m, 320m], card.Categories.Select(c => c.Rounded));
        Assert.Equal(337.86m, card.RoundedTotal);
        Assert.Equal(MaturityLevel.Basic, card.Status);
        Assert.False(card.SiteVisitEligible);
    }

    [Fact]
    public void Weights_1_1_1_1_1_1_2_give_335_63_rounding_the_midpoint_away_from_zero()
    {
        var (pack, answers) = OneIssuePerCategory(ExampleCategories, [1, 1, 1, 1, 1, 1, 2]);
        var card = Scoring.Score(pack, answers, 350, Bands);
        Assert.Equal(335.625m, card.Total);
        Assert.Equal(335.63m, card.RoundedTotal);
    }

    [Fact]
    public void Six_categories_at_350_and_one_at_349_965_round_to_350_and_are_offered_a_site_visit()
    {
        // 300 + 100 × 9 993 / 20 000 = 349.965 needs an Advance level of 20 000 items.
        (int, int, int, int, int, int)[] shapes = [.. Enumerable.Repeat((1, 2, 1, 1, 1, 0), 6), (1, 20_000, 1, 1, 9_993, 0)];
        var (pack, answers) = OneIssuePerCategory(shapes, [1, 1, 1, 1, 1, 1, 1]);
        var card = Scoring.Score(pack, answers, 350, Bands);
        Assert.Equal(349.965m, card.Categories[6].Score);
        Assert.Equal(349.995m, card.Total);
        Assert.Equal(350.00m, card.RoundedTotal);
        Assert.True(card.SiteVisitEligible);
    }

    [Theory]
    [InlineData(new[] { "350", "300", "420", "275", "310", "390", "320" }, new[] { "1", "1", "1", "1", "1", "1", "1" }, "337.86")]
    [InlineData(new[] { "350", "300", "420", "275", "310", "390", "320" }, new[] { "1", "1", "1", "1", "1", "1", "2" }, "335.63")]
    [InlineData(new[] { "350", "350", "350", "350", "350", "350", "349.965" }, new[] { "1", "1", "1", "1", "1", "1", "1" }, "350.00")]
    public void Total_is_the_weighted_mean_of_unrounded_category_scores(string[] scores, string[] weights, string total)
    {
        var categories = scores.Select((s, n) => (Dec(s), Dec(weights[n]))).ToList();
        Assert.Equal(Dec(total), Scoring.Round(Scoring.Total(categories)));
    }

    [Fact]
    public void Total_without_weight_is_0() => Assert.Equal(0m, Scoring.Total([]));

    [Fact]
    public void Status_bands_are_compared_with_the_rounded_total()
    {
        // Unrounded 337.857… is below 337.86, the rounded total is not.
        var (pack, answers) = OneIssuePerCategory(ExampleCategories, [1, 1, 1, 1, 1, 1, 1]);
        var card = Scoring.Score(pack, answers, 337.86m, [new(MaturityLevel.Advance, 337.86m)]);
        Assert.Equal(MaturityLevel.Advance, card.Status);
        Assert.True(card.SiteVisitEligible);
    }

    [Fact]
    public void Status_takes_the_highest_band_reached_whatever_the_band_order_and_None_below_the_first()
    {
        var (pack, answers) = OneIssuePerCategory(ExampleCategories, [1, 1, 1, 1, 1, 1, 1]);
        StatusBand[] shuffled = [new(MaturityLevel.Significance, 500), new(MaturityLevel.Basic, 300), new(MaturityLevel.Advance, 400)];
        Assert.Equal(MaturityLevel.Basic, Scoring.Score(pack, answers, 350, shuffled).Status);
        Assert.Equal(MaturityLevel.None, Scoring.Score(pack, answers, 350, [new(MaturityLevel.Basic, 340)]).Status);
        Assert.Equal(MaturityLevel.None, Scoring.Score(pack, answers, 350, []).Status);
    }

    [Fact]
    public void Score_card_rolls_up_a_mixed_pack_and_omits_untagged_dimensions()
    {
        var pack = Pack(
            Category("1", 1, Process("1.1", 1, 2, 1, "OC"), Process("1.2", 1, 1, 1, "OC")),
            Category("7", 2, Results("7.1", "OC", "CC")));
        var answers = new Dictionary<string, IssueAnswers>
        {
            ["1.1"] = Checked("1.1.B1", "1.1.A1", "1.1.S1"),
            ["7.1"] = Indicators(Scoring400),
            ["9.9"] = Checked("9.9.B1"), // not an issue of this pack: ignored
        };

        var card = Scoring.Score(pack, answers, 320, Bands);

        Assert.Equal(["1.1", "1.2", "7.1"], card.Issues.Select(i => i.Code));
        Assert.Equal([350m, 0m, 400m], card.Issues.Select(i => i.Score));
        Assert.Equal(["1.1.S1"], card.Issues[0].UncountedItems);
        Assert.Equal([("1", 175m), ("7", 400m)], card.Categories.Select(c => (c.Code, c.Score)));
        Assert.Equal(325m, card.Total); // (175 × 1 + 400 × 2) / 3
        Assert.Equal(MaturityLevel.Basic, card.Status);
        Assert.True(card.SiteVisitEligible); // the round's threshold here is 320
        Assert.Equal([("OC", 250m), ("CC", 400m)], card.Dimensions.Select(d => (d.Code, d.Score)));
    }

    [Fact]
    public void An_unanswered_results_issue_is_incomplete_and_scores_0()
    {
        var pack = Pack(Category("7", 1, Results("7.1", "CC")));
        var card = Scoring.Score(pack, new Dictionary<string, IssueAnswers>(), 350, Bands);
        var issue = Assert.Single(card.Issues);
        Assert.Equal((0m, false), (issue.Score, issue.Complete));
        Assert.Equal(0m, card.Total);
    }
}
