using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Improvement;

public enum Trend { Unknown, Improving, Steady, Worsening }

/// <summary>One fiscal year's value of an indicator.</summary>
public sealed record YearValue(int FiscalYear, decimal Value);

/// <summary>An indicator of a results issue across the organisation's assessments, oldest year first, with its trend
/// (the last two years, read in the indicator's direction). Unit, direction and target are the newest report's.</summary>
public sealed record IndicatorHistory(string IssueCode, string Name, string Unit, Direction Direction, decimal? Target,
    IReadOnlyList<YearValue> Values, Trend Trend);

/// <summary>An indicator as one assessment reported it: its results for that fiscal year (r0) and the two before (r1, r2).</summary>
public sealed record IndicatorReport(int FiscalYear, string IssueCode, IndicatorInput Indicator);

public static class IndicatorHistories
{
    /// <summary>
    /// Every indicator's values by fiscal year. An indicator is the same across years when its issue and its name
    /// (trimmed, ignoring case) are. Each assessment reports three years (r0 its own year, r1 and r2 the two before);
    /// where several assessments report one year, the value of the assessment closest after it wins: a year's own
    /// result (r0) first, then what next year's assessment said of it (r1), then r2. Each year is measured by the
    /// assessment made for it, and corrections only fill in years that have no assessment of their own.
    /// </summary>
    public static IReadOnlyList<IndicatorHistory> Of(IEnumerable<IndicatorReport> reports)
    {
        var histories = new List<IndicatorHistory>();
        foreach (var group in reports.GroupBy(r => (r.IssueCode, Name: r.Indicator.Name.Trim().ToUpperInvariant())))
        {
            var byYear = new Dictionary<int, (int Distance, decimal Value)>();
            void Offer(int year, int distance, decimal? value)
            {
                if (value is not { } v) return;
                if (!byYear.TryGetValue(year, out var held) || distance < held.Distance) byYear[year] = (distance, v);
            }
            foreach (var r in group)
            {
                Offer(r.FiscalYear, 0, r.Indicator.R0);
                Offer(r.FiscalYear - 1, 1, r.Indicator.R1);
                Offer(r.FiscalYear - 2, 2, r.Indicator.R2);
            }
            var newest = group.OrderBy(r => r.FiscalYear).Last().Indicator;
            var values = byYear.OrderBy(y => y.Key).Select(y => new YearValue(y.Key, y.Value.Value)).ToList();
            histories.Add(new IndicatorHistory(group.Key.IssueCode, newest.Name.Trim(), newest.Unit, newest.Direction, newest.Target, values,
                TrendOf(values, newest.Direction)));
        }
        return histories;
    }

    /// <summary>The last value against the one before it, in the indicator's direction; fewer than two values: unknown.</summary>
    public static Trend TrendOf(IReadOnlyList<YearValue> values, Direction direction)
    {
        if (values.Count < 2) return Trend.Unknown;
        var (before, last) = (values[^2].Value, values[^1].Value);
        if (last == before) return Trend.Steady;
        return (last > before) == (direction == Direction.Higher) ? Trend.Improving : Trend.Worsening;
    }
}
