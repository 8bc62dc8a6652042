using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>
/// Properties checked over many generated cases. Seeded, so a failure names its case and reproduces.
/// </summary>
public sealed class ScoringPropertyTests
{
    private const int Cases = 500;

    [Fact]
    public void Every_score_of_a_random_pack_and_answers_stays_within_0_to_500()
    {
        var random = new Random(4001);
        for (var n = 0; n < Cases; n++)
        {
            var (pack, answers) = RandomAssessment(random);
            var card = Scoring.Score(pack, answers, 350, Rules.StatusBands);
            var all = card.Issues.Select(i => i.Score).Concat(card.Categories.Select(c => c.Score))
                .Concat(card.Dimensions.Select(d => d.Score)).Append(card.Total);
            Assert.All(all, score => Assert.InRange(score, 0m, 500m));
        }
    }

    [Fact]
    public void Every_valid_indicator_scores_within_0_to_500()
    {
        var random = new Random(4002);
        for (var n = 0; n < Cases * 4; n++)
            Assert.InRange(Scoring.ScoreIndicator(RandomValidIndicator(random), Rules), 0m, 500m);
    }

    [Fact]
    public void Ticking_one_more_item_never_lowers_a_process_issue_score()
    {
        var random = new Random(4003);
        for (var n = 0; n < Cases; n++)
        {
            var issue = Process("1.1", random.Next(1, 6), random.Next(1, 6), random.Next(1, 6));
            var items = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToList();
            var ticked = items.Where(_ => random.Next(2) == 0).ToList();
            var untickedItems = items.Except(ticked).ToList();
            if (untickedItems.Count == 0) continue;

            var before = Scoring.ScoreProcess(issue, ticked, Rules).Score;
            var after = Scoring.ScoreProcess(issue, [.. ticked, untickedItems[random.Next(untickedItems.Count)]], Rules).Score;
            Assert.True(after >= before, $"case {n}: {string.Join(",", ticked)} scored {before}, one more tick {after}");
        }
    }

    [Fact]
    public void A_card_rolled_up_from_stored_issue_scores_equals_scoring_the_answers()
    {
        // The stored score card (ADR 0015) keeps only issue scores and rolls them up when read.
        var random = new Random(4005);
        for (var n = 0; n < Cases; n++)
        {
            var (pack, answers) = RandomAssessment(random);
            var scored = Scoring.Score(pack, answers, 350, Rules.StatusBands);
            var stored = pack.Issues.Select(i => Scoring.ScoreIssue(i, answers.GetValueOrDefault(i.Code) ?? IssueAnswers.Empty, pack.Scoring)).ToList();
            var rolled = Scoring.FromIssueScores(pack, stored, 350, Rules.StatusBands);
            Assert.Equal(scored.Total, rolled.Total);
            Assert.Equal(scored.Status, rolled.Status);
            Assert.Equal(scored.SiteVisitEligible, rolled.SiteVisitEligible);
            Assert.Equal(scored.Categories, rolled.Categories);
            Assert.Equal(scored.Dimensions, rolled.Dimensions);
            Assert.Equal(scored.Issues.Select(i => (i.Code, i.Score, i.Level)), rolled.Issues.Select(i => (i.Code, i.Score, i.Level)));
        }
    }

    [Fact]
    public void The_same_answers_always_give_the_same_score_card()
    {
        var random = new Random(4004);
        for (var n = 0; n < Cases; n++)
        {
            var (pack, answers) = RandomAssessment(random);
            // A copy with fresh collections, ticks in another order and issues in another order.
            var copy = answers.Reverse().ToDictionary(
                a => a.Key,
                a => new IssueAnswers(a.Value.Checked.Reverse().ToList(), a.Value.Indicators.Select(i => i with { }).ToList()));

            Assert.Equal(Snapshot(Scoring.Score(pack, answers, 350, Rules.StatusBands)),
                Snapshot(Scoring.Score(pack, copy, 350, Rules.StatusBands)));
            Assert.Equal(Snapshot(Scoring.Score(pack, answers, 350, Rules.StatusBands)),
                Snapshot(Scoring.Score(pack, answers, 350, Rules.StatusBands)));
        }
    }

    [Fact]
    public void Improving_this_year_result_in_the_indicator_direction_never_lowers_its_score()
    {
        var random = new Random(4005);
        for (var n = 0; n < Cases * 4; n++)
        {
            var indicator = RandomValidIndicator(random);
            var r0 = indicator.R0!.Value;
            if (indicator.Direction == Direction.Lower && r0 == 0) continue;
            var better = indicator.Direction == Direction.Higher
                ? r0 + RandomAmount(random, 50)
                : r0 * random.Next(0, 100) / 100m;

            var before = Scoring.ScoreIndicator(indicator, Rules);
            var after = Scoring.ScoreIndicator(indicator with { R0 = better }, Rules);
            Assert.True(after >= before, $"case {n}: {indicator} scored {before}, with r0 = {better} {after}");
        }
    }

    private static string Snapshot(ScoreCard card) => string.Join("|",
        card.Total, card.Status, card.SiteVisitEligible,
        string.Join(";", card.Categories), string.Join(";", card.Dimensions),
        string.Join(";", card.Issues.Select(i => $"{i.Code}={i.Score}/{i.Level}/{i.Complete}/{string.Join(",", i.UncountedItems)}")));

    private static (FrameworkPack, Dictionary<string, IssueAnswers>) RandomAssessment(Random random)
    {
        string[] tags = ["OC", "CC", "SH"];
        var answers = new Dictionary<string, IssueAnswers>();
        var categories = Enumerable.Range(1, random.Next(1, 8)).Select(c =>
        {
            var issues = Enumerable.Range(1, random.Next(1, 5)).Select(i =>
            {
                var code = $"{c}.{i}";
                var dimensions = tags.Where(_ => random.Next(2) == 0).DefaultIfEmpty("OC").ToArray();
                if (random.Next(3) == 0)
                {
                    var results = Results(code, dimensions);
                    if (random.Next(5) > 0)
                        answers[code] = Indicators([.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomIndicator(random))]);
                    return results;
                }
                var issue = Process(code, random.Next(1, 5), random.Next(1, 5), random.Next(1, 5), dimensions);
                var ticks = issue.Levels.SelectMany(l => l.Items).Select(x => x.Code).Where(_ => random.Next(3) > 0);
                if (random.Next(5) > 0) answers[code] = Checked([.. ticks, "9.9.B1"]);
                return issue;
            });
            return Category($"{c}", random.Next(1, 7) / 2m, [.. issues]);
        });
        return (Pack([.. categories]), answers);
    }

    /// <summary>Mostly valid indicators, sometimes with a missing or impossible value.</summary>
    private static IndicatorInput RandomIndicator(Random random) => random.Next(6) switch
    {
        0 => RandomValidIndicator(random) with { Target = random.Next(2) == 0 ? null : -random.Next(0, 10) },
        1 => RandomValidIndicator(random) with { R1 = -1 },
        _ => RandomValidIndicator(random),
    };

    private static IndicatorInput RandomValidIndicator(Random random)
    {
        var target = RandomAmount(random, 200) + 0.01m;
        decimal? Maybe() => random.Next(4) == 0 ? null : RandomAmount(random, 2 * target);
        return Indicator(random.Next(2) == 0 ? Direction.Higher : Direction.Lower,
            target, Maybe(), Maybe(), RandomAmount(random, 2 * target), Maybe());
    }

    /// <summary>0 to about max with up to 2 decimals, with a fair share of exact ties and zeros.</summary>
    private static decimal RandomAmount(Random random, decimal max) =>
        random.Next(5) == 0 ? Math.Round(max / 2) : Math.Round(max * random.Next(0, 1001) / 1000m, random.Next(0, 3));
}
