using Pmqa.Domain.Digital;

namespace Pmqa.Domain.Tests.Digital;

/// <summary>The pace rule (ADR 0028), figures worked by hand: pace = services digitised per year over the window from
/// the first digitised year (at most five years back) to this year; years left = this year to 2570, both whole.</summary>
public sealed class DigitalPaceTests
{
    private const int ThisYear = 2569; // years left: 2569 and 2570 = 2

    private static ServiceFacts DoneIn(int year) => new(true, ServiceChannel.CitizenPortal, year, false, year);
    private static ServiceFacts ToDo(int target = 2570) => new(false, ServiceChannel.CounterOnly, target, false);

    [Fact]
    public void Three_done_in_three_years_is_one_a_year_and_four_left_need_four_years_so_the_organisation_is_at_risk()
    {
        var figures = DigitalProgress.Figures([DoneIn(2567), DoneIn(2568), DoneIn(2569), ToDo(), ToDo(), ToDo(), ToDo()], ThisYear);
        Assert.Equal(1.00m, figures.Pace);
        Assert.Equal(4.0m, figures.YearsNeeded);
        Assert.True(figures.BehindPace);
        Assert.True(figures.AtRisk); // no target after 2570: the pace alone flags it
    }

    [Fact]
    public void Two_left_at_one_a_year_fit_exactly_in_the_two_years_left()
    {
        var figures = DigitalProgress.Figures([DoneIn(2567), DoneIn(2568), DoneIn(2569), ToDo(), ToDo()], ThisYear);
        Assert.Equal(2.0m, figures.YearsNeeded);
        Assert.False(figures.BehindPace);
        Assert.False(figures.AtRisk);
    }

    [Fact]
    public void The_window_reaches_five_years_back_at_most_so_an_old_service_does_not_dilute_the_pace()
    {
        // 2550 is before the window 2565–2569: 2 digitised in 5 years = 0.4 a year; 1 left needs 2.5 years > 2.
        var services = new[] { DoneIn(2550), DoneIn(2568), DoneIn(2569), ToDo() };
        Assert.Equal(new PaceWindow(2565, 2569, 2), DigitalProgress.Window(services, ThisYear));
        var figures = DigitalProgress.Figures(services, ThisYear);
        Assert.Equal(0.40m, figures.Pace);
        Assert.Equal(2.5m, figures.YearsNeeded);
        Assert.True(figures.BehindPace);
    }

    [Fact]
    public void Nothing_digitised_yet_with_services_left_is_no_pace_and_at_risk()
    {
        var figures = DigitalProgress.Figures([ToDo(), ToDo(2568)], ThisYear);
        Assert.Equal(0m, figures.Pace);
        Assert.Null(figures.YearsNeeded);
        Assert.True(figures.AtRisk);
    }

    [Fact]
    public void All_done_needs_no_year_and_an_empty_register_is_not_at_risk()
    {
        var done = DigitalProgress.Figures([DoneIn(2569)], ThisYear);
        Assert.Equal(0m, done.YearsNeeded);
        Assert.False(done.AtRisk);
        Assert.False(DigitalProgress.Figures([], ThisYear).AtRisk);
    }

    [Fact]
    public void A_target_after_2570_without_exception_stays_at_risk_whatever_the_pace()
    {
        // Fast enough (3 a year, 1 left) but the one left targets 2572 without OPDC's exception.
        var figures = DigitalProgress.Figures([DoneIn(2569), DoneIn(2569), DoneIn(2569), ToDo(2572)], ThisYear);
        Assert.False(figures.BehindPace);
        Assert.True(figures.AtRisk);
    }

    [Fact]
    public void Groups_pool_their_services_for_the_pace()
    {
        // A: 2 done in 2569, nothing left; B: 2 left, none done. Pooled: 2 a year (window 2569 alone), 2 left → 1 year.
        var orgs = new[] { ("X", new[] { DoneIn(2569), DoneIn(2569) }), ("X", new[] { ToDo(), ToDo() }) };
        var group = Assert.Single(DigitalProgress.ByGroup(orgs, o => o.Item1, o => o.Item2, ThisYear));
        Assert.Equal(2.00m, group.Figures.Pace);
        Assert.Equal(1.0m, group.Figures.YearsNeeded);
        Assert.False(group.Figures.AtRisk);
    }

    [Fact]
    public void The_actual_series_counts_services_fully_digital_by_the_end_of_each_year()
    {
        // 4 services: digitised 2566, 2568, 2568 and one still to do.
        var series = DigitalProgress.Actual([DoneIn(2566), DoneIn(2568), DoneIn(2568), ToDo()], ThisYear);
        Assert.Equal([new(2566, 1, 25), new(2567, 1, 25), new(2568, 3, 75), new(2569, 3, 75)], series);
        Assert.Empty(DigitalProgress.Actual([ToDo()], ThisYear));
    }

    [Fact]
    public void Ticking_fully_digital_without_a_year_means_this_year_and_a_year_needs_the_tick()
    {
        ServiceDraft Draft(bool digital, int? digitised) =>
            new("ขอรับรองสำเนาเอกสาร", "people", null, "citizenPortal", digital, [], 2569, null, "กองบริการประชาชน", null, null, false, digitised);
        Assert.Equal(2569, DigitalRules.CheckService(Draft(true, null), ThisYear).Fields!.DigitisedYear);
        Assert.Equal(2566, DigitalRules.CheckService(Draft(true, 2566), ThisYear).Fields!.DigitisedYear);
        Assert.Equal("digitisedYear", Assert.Single(DigitalRules.CheckService(Draft(true, 2570), ThisYear).Errors).Field); // the future
        Assert.Equal("digitisedYear", Assert.Single(DigitalRules.CheckService(Draft(true, 2024), ThisYear).Errors).Field); // a Christian year
        Assert.Equal("digitisedYear", Assert.Single(DigitalRules.CheckService(Draft(false, 2566), ThisYear).Errors).Field);
        Assert.Null(DigitalRules.CheckService(Draft(false, null), ThisYear).Fields!.DigitisedYear);
    }
}

/// <summary>The register's figures as category 7 indicators (ADR 0028), worked by hand.</summary>
public sealed class DigitalIndicatorsTests
{
    [Fact]
    public void Each_years_value_is_as_of_the_end_of_that_year()
    {
        // 4 services now: digitised 2567 (Citizen Portal since 2567), digitised 2569 (Biz Portal, target 2569),
        // own e-service not yet digital, counter only. Datasets registered in 2568, 2569 and one of unknown date.
        ServiceFacts[] services =
        [
            new(true, ServiceChannel.CitizenPortal, 2567, false, 2567), new(true, ServiceChannel.BizPortal, 2569, false, 2569),
            new(false, ServiceChannel.OwnEService, 2570, false), new(false, ServiceChannel.CounterOnly, 2570, false),
        ];
        var offer = DigitalIndicators.Offer(services, [2568, 2569, null], 2569, 2569);
        var digital = offer.Single(i => i.Code == DigitalIndicators.FullyDigitalCode);
        Assert.Equal((25m, 25m, 50m), (digital.R2, digital.R1, digital.R0)); // 2567: 1 of 4; 2568: 1; 2569: 2
        Assert.Equal(100m, digital.Target);
        var platform = offer.Single(i => i.Code == DigitalIndicators.PlatformCode);
        Assert.Equal((25m, 25m, 50m), (platform.R2, platform.R1, platform.R0));
        var datasets = offer.Single(i => i.Code == DigitalIndicators.DatasetsCode);
        Assert.Equal((1m, 2m, 3m), (datasets.R2, datasets.R1, datasets.R0));
        Assert.Equal(3m, datasets.Target); // at least as many as now
        Assert.Equal(1m, DigitalIndicators.Offer(services, [], 2569, 2569).Single(i => i.Code == DigitalIndicators.DatasetsCode).Target); // never 0
    }
}

public sealed class DigitisedYearCsvTests
{
    [Fact]
    public void The_csv_reads_the_digitised_year_in_Thai_or_English_and_reports_text_that_is_not_a_year()
    {
        var ok = ServiceCsv.Parse("ชื่อบริการ,ผู้รับบริการ,ช่องทางปัจจุบัน,ดิจิทัลตลอดกระบวนการ,ปีเป้าหมาย,หน่วยงานที่รับผิดชอบ,ปีที่เป็นดิจิทัลเต็มรูปแบบ\n" +
            "ขอรับรองสำเนา,people,citizenPortal,ใช่,2567,กองบริการ,2567\n", 2569);
        Assert.True(ok.Ok);
        Assert.Equal(2567, Assert.Single(ok.Services).DigitisedYear);
        var bad = ServiceCsv.Parse("name,audience,channel,fully digital,target year,responsible unit,digitised year\n" +
            "ขอรับรองสำเนา,people,citizenPortal,yes,2567,กองบริการ,last year\n", 2569);
        Assert.Equal(("digitisedYear", 2), (Assert.Single(bad.Problems).Field, bad.Problems[0].Row));
    }
}
