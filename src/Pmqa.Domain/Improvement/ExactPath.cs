using System.Numerics;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Improvement;

/// <summary>The ticks one issue needs on the path, in the order they count, and the issue's score before and after (unrounded).</summary>
public sealed record PathStep(string IssueCode, IReadOnlyList<string> Items, decimal ScoreBefore, decimal ScoreAfter)
{
    public decimal Gain => ScoreAfter - ScoreBefore;
}

/// <summary>
/// The fewest additional ticks that lift the rounded total to <see cref="Target"/> or above. Totals are unrounded
/// (round them to show). When <see cref="Reachable"/> is false, <see cref="Ticks"/> is every unticked item and
/// <see cref="TotalAfter"/> is the most ticks alone can give, short of the target by <see cref="Shortfall"/>.
/// </summary>
public sealed record PathResult(
    decimal Current,
    decimal Target,
    bool Reachable,
    IReadOnlyList<string> Ticks,
    decimal TotalAfter,
    IReadOnlyList<PathStep> Steps,
    ScoreCard CardAfter)
{
    /// <summary>How far the rounded best total stays below the target (0 when reachable).</summary>
    public decimal Shortfall => Reachable ? 0 : Math.Max(0, Target - Scoring.Scoring.Round(TotalAfter));
}

/// <summary>
/// The exact path to a target total (ADR 0016). Within one issue the order of useful ticks is forced: a tick
/// counts only at the lowest incomplete level, so the k ticks worth most are the first k unticked items taken
/// level by level. Across issues the choice of how many ticks each issue gets is a multiple-choice knapsack,
/// solved by dynamic programming over the number of ticks in exact fractions: for every tick count K it finds
/// the largest total any K ticks can give, so the first K whose best total rounds to the target is the minimum,
/// and no greedy choice can miss it. The answer is then scored again by the real scorer.
/// </summary>
public static class ExactPath
{
    public static PathResult Find(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> answers, decimal target,
        decimal siteVisitThreshold, IReadOnlyList<StatusBand> statusBands)
    {
        var now = Scoring.Scoring.Score(pack, answers, siteVisitThreshold, statusBands);
        if (Scoring.Scoring.Round(now.Total) >= target)
            return new PathResult(now.Total, target, true, [], now.Total, [], now);

        var options = Options(pack, answers, now);
        // Every contribution over one common denominator, so the table holds integers.
        var common = options.SelectMany(o => o.Contribution).Select(f => f.Denominator).Append(BigInteger.One)
            .Aggregate((a, b) => a / BigInteger.GreatestCommonDivisor(a, b) * b);
        var need = Fraction.LeastRoundingTo(target);
        var most = options.Sum(o => o.Unticked.Count);

        // best[K]: the largest total (× common) any K added ticks give over the issues seen so far; null = impossible.
        var best = new BigInteger?[most + 1];
        best[0] = BigInteger.Zero;
        var choice = new int[options.Count, most + 1];
        for (var j = 0; j < options.Count; j++)
        {
            var values = options[j].Contribution.Select(f => f.Over(common)).ToList();
            var next = new BigInteger?[most + 1];
            for (var total = 0; total <= most; total++)
                for (var k = 0; k < values.Count && k <= total; k++)
                {
                    if (best[total - k] is not { } before) continue;
                    var value = before + values[k];
                    if (next[total] is { } known && known >= value) continue;
                    next[total] = value;
                    choice[j, total] = k;
                }
            best = next;
        }

        // The first K whose best total reaches the target; the real scorer confirms (see ADR 0016 on ties at x.xx5).
        for (var total = 0; total <= most; total++)
        {
            if (best[total] is not { } value || !(new Fraction(value, common) >= need)) continue;
            var result = Build(pack, answers, now, options, choice, total, target, siteVisitThreshold, statusBands, reachable: true);
            if (Scoring.Scoring.Round(result.TotalAfter) >= target) return result;
        }
        return Build(pack, answers, now, options, choice, most, target, siteVisitThreshold, statusBands, reachable: false);
    }

    /// <summary>One issue's choices: its unticked items in the order they count, and its exact contribution to the
    /// total (weight / (issues in the category × all weights) × score) after each number of them.</summary>
    private sealed record IssueOptions(Issue Issue, IReadOnlyList<string> Unticked, IReadOnlyList<Fraction> Contribution);

    private static List<IssueOptions> Options(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> answers, ScoreCard now)
    {
        var weights = pack.Categories.Aggregate(Fraction.Zero, (sum, c) => sum + Fraction.Of(c.Weight));
        var scoreOf = now.Issues.ToDictionary(i => i.Code);
        var list = new List<IssueOptions>();
        foreach (var category in pack.Categories)
        {
            if (weights.Numerator.IsZero || category.Issues.Count == 0) continue;
            var factor = Fraction.Of(category.Weight) / (weights * new Fraction(category.Issues.Count, 1));
            foreach (var issue in category.Issues)
            {
                if (issue.Kind != IssueKind.Process)
                {
                    // Ticks cannot move a results issue: a fixed part of every total.
                    list.Add(new IssueOptions(issue, [], [factor * Fraction.Of(scoreOf[issue.Code].Score)]));
                    continue;
                }
                var given = answers.TryGetValue(issue.Code, out var a) ? a.Checked : [];
                var ticked = given.ToHashSet(StringComparer.Ordinal);
                var unticked = LevelOrder(issue).Where(c => !ticked.Contains(c)).ToList();
                var contributions = Enumerable.Range(0, unticked.Count + 1)
                    .Select(k => factor * ExactProcessScore(issue, ticked, unticked.Take(k), pack.Scoring)).ToList();
                list.Add(new IssueOptions(issue, unticked, contributions));
            }
        }
        return list;
    }

    /// <summary>Item codes Basic first, then Advance, then Significance, each level in pack order.</summary>
    private static IEnumerable<string> LevelOrder(Issue issue) =>
        new[] { MaturityLevel.Basic, MaturityLevel.Advance, MaturityLevel.Significance }
            .SelectMany(level => issue.Levels.Where(l => l.Level == level).SelectMany(l => l.Items).Select(i => i.Code));

    /// <summary>scoring.md's process rule in fractions: the first incomplete level earns its share, higher levels nothing.</summary>
    private static Fraction ExactProcessScore(Issue issue, HashSet<string> ticked, IEnumerable<string> added, ScoringParameters p)
    {
        var all = new HashSet<string>(ticked, StringComparer.Ordinal);
        all.UnionWith(added);
        var steps = new[] { (MaturityLevel.Basic, 0m, p.BasicPoints), (MaturityLevel.Advance, p.BasicPoints, p.AdvancePoints),
            (MaturityLevel.Significance, p.AdvancePoints, p.SignificancePoints) };
        foreach (var (level, from, to) in steps)
        {
            var items = issue.Levels.Where(l => l.Level == level).SelectMany(l => l.Items).ToList();
            var done = items.Count(i => all.Contains(i.Code));
            if (done < items.Count)
                return Fraction.Of(from) + Fraction.Of(to - from) * new Fraction(done, items.Count);
        }
        return Fraction.Of(p.SignificancePoints);
    }

    private static PathResult Build(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> answers, ScoreCard now,
        List<IssueOptions> options, int[,] choice, int total, decimal target, decimal siteVisitThreshold,
        IReadOnlyList<StatusBand> statusBands, bool reachable)
    {
        // Walk the choices back from the last issue: how many ticks each issue takes.
        var take = new int[options.Count];
        var left = total;
        for (var j = options.Count - 1; j >= 0; j--)
        {
            take[j] = reachable ? choice[j, left] : options[j].Unticked.Count;
            left -= take[j];
        }
        var after = new Dictionary<string, IssueAnswers>(answers);
        var steps = new List<(Issue Issue, List<string> Items)>();
        for (var j = 0; j < options.Count; j++)
        {
            if (take[j] == 0) continue;
            var issue = options[j].Issue;
            var items = options[j].Unticked.Take(take[j]).ToList();
            var given = answers.TryGetValue(issue.Code, out var a) ? a : IssueAnswers.Empty;
            after[issue.Code] = given with { Checked = [.. given.Checked, .. items] };
            steps.Add((issue, items));
        }
        var card = Scoring.Scoring.Score(pack, after, siteVisitThreshold, statusBands);
        var before = now.Issues.ToDictionary(i => i.Code, i => i.Score);
        var later = card.Issues.ToDictionary(i => i.Code, i => i.Score);
        var pathSteps = steps.Select(s => new PathStep(s.Issue.Code, s.Items, before[s.Issue.Code], later[s.Issue.Code])).ToList();
        return new PathResult(now.Total, target, reachable && Scoring.Scoring.Round(card.Total) >= target,
            [.. pathSteps.SelectMany(s => s.Items)], card.Total, pathSteps, card);
    }
}
