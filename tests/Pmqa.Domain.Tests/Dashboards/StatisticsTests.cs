using Pmqa.Domain.Dashboards;
using static Pmqa.Domain.Tests.Scoring.TestPacks;

namespace Pmqa.Domain.Tests.Dashboards;

public sealed class StatisticsTests
{
    [Fact]
    public void Quartiles_interpolate_between_ranks_as_a_spreadsheet_does()
    {
        // QUARTILE.INC({1,2,3,4}, 1..3) = 1.75, 2.5, 3.25
        var q = Statistics.QuartilesOf([4, 1, 3, 2])!;
        Assert.Equal((4, 1.75m, 2.5m, 3.25m), (q.Count, q.Q1, q.Median, q.Q3));
        // Odd count: the median is the middle score; 300, 320, 350, 410, 455 → Q1 320, Q3 410.
        var odd = Statistics.QuartilesOf([455, 300, 410, 350, 320])!;
        Assert.Equal((320m, 350m, 410m), (odd.Q1, odd.Median, odd.Q3));
    }

    [Fact]
    public void Quartiles_of_one_score_are_that_score_and_of_none_are_absent()
    {
        Assert.Equal(new Quartiles(1, 333.33m, 333.33m, 333.33m), Statistics.QuartilesOf([333.333333m]));
        Assert.Null(Statistics.QuartilesOf([]));
        Assert.Null(Statistics.Quantile([], 0.5m));
    }

    [Fact]
    public void Percentile_rank_counts_those_below_and_half_of_the_ties()
    {
        decimal[] group = [100, 200, 300, 400, 500];
        Assert.Equal(50, Statistics.PercentileRank(group, 300));
        Assert.Equal(10, Statistics.PercentileRank(group, 100));
        Assert.Equal(90, Statistics.PercentileRank(group, 500));
        // Three tied at the top of five: (2 below + 3/2) / 5 = 70 %.
        Assert.Equal(70, Statistics.PercentileRank([100, 200, 450, 450, 450], 450));
        // A score outside the group (a draft compared with submitted peers) is placed among them.
        Assert.Equal(100, Statistics.PercentileRank(group, 501));
        Assert.Null(Statistics.PercentileRank([], 1));
    }

    [Fact]
    public void The_histogram_puts_each_score_in_its_bin_and_500_in_the_last()
    {
        var bins = Statistics.Histogram([0, 49.99m, 50, 349.99m, 350, 500], 50, 500);
        Assert.Equal(10, bins.Count);
        Assert.Equal((0m, 50m, 2), bins[0]);
        Assert.Equal(1, bins[1].Count);
        Assert.Equal(1, bins[6].Count);  // 349.99 in 300–350
        Assert.Equal(1, bins[7].Count);  // 350 in 350–400
        Assert.Equal((450m, 500m, 1), bins[9]);
    }

    [Fact]
    public void Missed_share_is_the_share_that_did_not_tick_each_item()
    {
        var shares = Statistics.MissedShares(["110", "100", "1", "000"], 3)!;
        Assert.Equal([0.25m, 0.75m, 1m], shares);
        Assert.Null(Statistics.MissedShares([], 3));
        Assert.Equal(0.6667m, Statistics.MissedShares(["1", "0", "0"], 1)![0]);
    }

    [Fact]
    public void Missed_shares_from_stored_ticked_counts_equal_those_from_the_tick_strings()
    {
        string[] ticks = ["110", "100", "1", "000", "1101"];
        Assert.Equal([4, 2, 0], Statistics.TickedCounts(ticks, 3));
        Assert.Equal(Statistics.MissedShares(ticks, 3), Statistics.MissedSharesOfCounts([4, 2, 0], ticks.Length));
        Assert.Null(Statistics.MissedSharesOfCounts([0, 0, 0], 0));
    }

    [Fact]
    public void The_mean_is_rounded_as_scores_are_shown()
    {
        Assert.Equal(33.33m, Statistics.Mean([0, 0, 100]));
        Assert.Null(Statistics.Mean([]));
    }

    [Fact]
    public void A_tick_string_has_one_character_per_process_item_and_keeps_unchanged_issues()
    {
        var pack = Pack(Category("1", 1, Process("1.1", 2, 1, 1), Process("1.2", 1, 1, 1)), Category("7", 1, Results("7.1")));
        Assert.Equal(7, TickStrings.Items(pack).Count);
        Assert.Equal("1.2.B1", TickStrings.Items(pack)[4].Item.Code);

        var first = TickStrings.Compose(pack, code => code == "1.1" ? ["1.1.B2", "1.1.S1"] : null, previous: null);
        Assert.Equal("0101" + "000", first); // 1.1: B1 B2 A1 S1; 1.2: B1 A1 S1
        var second = TickStrings.Compose(pack, code => code == "1.2" ? ["1.2.B1", "1.2.S1"] : null, first);
        Assert.Equal("0101" + "101", second);
        // A previous string of another pack's length is not trusted.
        Assert.Equal("0000" + "000", TickStrings.Compose(pack, _ => null, "11"));
    }
}
