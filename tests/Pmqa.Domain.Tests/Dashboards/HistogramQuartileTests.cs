using Pmqa.Domain.Dashboards;

namespace Pmqa.Domain.Tests.Dashboards;

/// <summary>ADR 0031: the national dashboard's quartiles from counts per score equal those of the list of scores.</summary>
public sealed class HistogramQuartileTests
{
    [Fact]
    public void Counts_give_the_spreadsheet_quartiles_of_the_expanded_list()
    {
        // {1, 2, 2, 2, 4, 4}: QUARTILE.INC → Q1 2, median 2, Q3 3.5
        var q = Statistics.QuartilesOfCounts([(4m, 2), (1m, 1), (2m, 3)])!;
        Assert.Equal(new Quartiles(6, 2m, 2m, 3.5m), q);
        Assert.Equal(Statistics.QuartilesOf([1, 2, 2, 2, 4, 4]), q);
    }

    [Fact]
    public void Empty_buckets_are_ignored_and_a_value_listed_twice_counts_twice()
    {
        // Buckets everyone left stay at 0 (rows are never deleted); 1.5 and 1.50 are one value; per-group rows of
        // the same score are summed.
        var q = Statistics.QuartilesOfCounts([(9m, 0), (1.5m, 1), (1.50m, 1), (3m, 2)])!;
        Assert.Equal(Statistics.QuartilesOf([1.5m, 1.5m, 3m, 3m]), q);
        Assert.Null(Statistics.QuartilesOfCounts([(5m, 0)]));
        Assert.Null(Statistics.MeanOfCounts([]));
        Assert.Equal(Statistics.Mean([-2.5m, 1m, 1m]), Statistics.MeanOfCounts([(-2.5m, 1), (1m, 2)]));
    }

    [Fact]
    public void Counts_equal_the_list_on_random_scores_with_ties()
    {
        var random = new Random(31);
        for (var round = 0; round < 300; round++)
        {
            // Unrounded scores on a few levels (many ties, as scores of a bounded scale have) and a few unique ones.
            var values = Enumerable.Range(0, random.Next(1, 60))
                .Select(_ => random.Next(3) == 0 ? Math.Round((decimal)random.NextDouble() * 500m, 6) : random.Next(0, 9) * 62.5m / 3m)
                .ToList();
            var counts = values.GroupBy(v => v).Select(g => (g.Key, g.Count())).ToList();
            Assert.Equal(Statistics.QuartilesOf(values), Statistics.QuartilesOfCounts(counts));
            Assert.Equal(Statistics.Mean(values), Statistics.MeanOfCounts(counts));
        }
    }
}
