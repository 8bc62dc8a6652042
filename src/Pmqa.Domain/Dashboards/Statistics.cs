namespace Pmqa.Domain.Dashboards;

/// <summary>Median and quartiles of a set of scores, rounded as scores are shown.</summary>
public sealed record Quartiles(int Count, decimal Q1, decimal Median, decimal Q3);

/// <summary>
/// The statistics OPDC's dashboard and an agency's benchmark show, as pure functions of the scores. Quantiles
/// interpolate linearly between the closest ranks (Excel's QUARTILE.INC, R's type 7): the median of 1, 2, 3, 4 is
/// 2.5 and its first quartile 1.75, so a small group's figures are the ones a spreadsheet gives for the same list.
/// </summary>
public static class Statistics
{
    /// <summary>The <paramref name="p"/> quantile (0–1) of unsorted values; null for none.</summary>
    public static decimal? Quantile(IReadOnlyList<decimal> values, decimal p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        return QuantileOfSorted(sorted, p);
    }

    private static decimal QuantileOfSorted(decimal[] sorted, decimal p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /// <summary>First quartile, median and third quartile, each rounded to 2 decimals; null for no values.</summary>
    public static Quartiles? QuartilesOf(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        return new Quartiles(sorted.Length, Round(QuantileOfSorted(sorted, 0.25m)), Round(QuantileOfSorted(sorted, 0.5m)), Round(QuantileOfSorted(sorted, 0.75m)));
    }

    /// <summary>
    /// <see cref="QuartilesOf"/> of values given as a histogram: how many times each value occurs (ADR 0031). The same
    /// rule (linear interpolation between the closest ranks) by a cumulative walk over the distinct values, so the
    /// figures equal those of the list with each value repeated its count times. Counts of 0 (a bucket everyone left)
    /// are ignored; a value listed twice counts twice.
    /// </summary>
    public static Quartiles? QuartilesOfCounts(IEnumerable<(decimal Value, int Count)> counts)
    {
        var sorted = Distinct(counts);
        var n = sorted.Sum(c => (long)c.Count);
        if (n == 0) return null;
        return new Quartiles((int)n, Round(QuantileOfCounts(sorted, n, 0.25m)), Round(QuantileOfCounts(sorted, n, 0.5m)), Round(QuantileOfCounts(sorted, n, 0.75m)));
    }

    /// <summary>The <paramref name="p"/> quantile (0–1) of values given as a histogram, unrounded (as
    /// <see cref="Quantile"/>); null for none.</summary>
    public static decimal? QuantileOfCounts(IEnumerable<(decimal Value, int Count)> counts, decimal p)
    {
        var sorted = Distinct(counts);
        var n = sorted.Sum(c => (long)c.Count);
        return n == 0 ? null : QuantileOfCounts(sorted, n, p);
    }

    /// <summary><see cref="Mean"/> of values given as a histogram; null for none.</summary>
    public static decimal? MeanOfCounts(IEnumerable<(decimal Value, int Count)> counts)
    {
        var sorted = Distinct(counts);
        var n = sorted.Sum(c => (long)c.Count);
        return n == 0 ? null : Round(sorted.Sum(c => c.Value * c.Count) / n);
    }

    private static (decimal Value, int Count)[] Distinct(IEnumerable<(decimal Value, int Count)> counts) =>
        [.. counts.GroupBy(c => c.Value).Select(g => (Value: g.Key, Count: g.Sum(c => c.Count))).Where(c => c.Count > 0).OrderBy(c => c.Value)];

    private static decimal QuantileOfCounts((decimal Value, int Count)[] sorted, long n, decimal p)
    {
        var h = (n - 1) * p;
        var low = (long)Math.Floor(h);
        var high = Math.Min(low + 1, n - 1);
        var atLow = ValueAtRank(sorted, low);
        return atLow + (h - low) * (ValueAtRank(sorted, high) - atLow);
    }

    /// <summary>The value at 0-based <paramref name="rank"/> of the expanded sorted list.</summary>
    private static decimal ValueAtRank((decimal Value, int Count)[] sorted, long rank)
    {
        foreach (var (value, count) in sorted)
        {
            if (rank < count) return value;
            rank -= count;
        }
        return sorted[^1].Value;
    }

    /// <summary>
    /// Where <paramref name="value"/> stands in <paramref name="group"/>, 0–100: the share of the group below it plus
    /// half the share equal to it (the mid-rank), so the middle of five distinct scores is at 50 and a tie is not
    /// ranked above the organisations it ties with. Rounded to a whole percent; null for an empty group.
    /// </summary>
    public static int? PercentileRank(IReadOnlyCollection<decimal> group, decimal value)
    {
        if (group.Count == 0) return null;
        var below = group.Count(v => v < value);
        var equal = group.Count(v => v == value);
        return (int)Math.Round((below + equal / 2m) * 100m / group.Count, MidpointRounding.AwayFromZero);
    }

    /// <summary>Counts of values in bins of <paramref name="width"/> from 0 to <paramref name="max"/>: each bin holds
    /// from ≤ x &lt; to, the last also x = max.</summary>
    public static IReadOnlyList<(decimal From, decimal To, int Count)> Histogram(IEnumerable<decimal> values, decimal width, decimal max)
    {
        var bins = (int)Math.Ceiling(max / width);
        var counts = new int[bins];
        foreach (var v in values) counts[BinOf(v, width, bins)]++;
        return counts.Select((c, i) => (i * width, Math.Min((i + 1) * width, max), c)).ToList();
    }

    /// <summary>The bin a value falls in (values outside 0–max go to the first or last bin).</summary>
    public static int BinOf(decimal value, decimal width, int bins) => Math.Clamp((int)Math.Floor(value / width), 0, bins - 1);

    /// <summary>
    /// For each checklist item (a position in the tick strings), the share of assessments that did not tick it,
    /// 0–1 rounded to 4 decimals. A tick string has '1' where the item is ticked; a shorter string leaves the rest
    /// unticked. Null when there is no assessment.
    /// </summary>
    public static decimal[]? MissedShares(IReadOnlyCollection<string> ticks, int items) => MissedSharesOfCounts(TickedCounts(ticks, items), ticks.Count);

    /// <summary>For each item, how many of the tick strings tick it (positions past <paramref name="items"/> are not items).</summary>
    public static int[] TickedCounts(IEnumerable<string> ticks, int items)
    {
        var ticked = new int[items];
        foreach (var t in ticks)
            for (var i = 0; i < Math.Min(items, t.Length); i++)
                if (t[i] == '1') ticked[i]++;
        return ticked;
    }

    /// <summary>The missed shares of <see cref="MissedShares(IReadOnlyCollection{string}, int)"/> from each item's ticked
    /// count among <paramref name="assessments"/> (stored counters, ADR 0035); null when there is no assessment.</summary>
    public static decimal[]? MissedSharesOfCounts(IReadOnlyList<int> ticked, int assessments)
    {
        if (assessments == 0) return null;
        return [.. ticked.Select(n => Math.Round((assessments - n) / (decimal)assessments, 4, MidpointRounding.AwayFromZero))];
    }

    /// <summary>The mean of values, rounded to 2 decimals; null for none.</summary>
    public static decimal? Mean(IReadOnlyCollection<decimal> values) => values.Count == 0 ? null : Round(values.Sum() / values.Count);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
