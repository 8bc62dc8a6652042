using Pmqa.Domain.Plans;

namespace Pmqa.Domain.Tests.Plans;

public sealed class PlanRulesTests
{
    private static readonly (DateOnly, DateOnly) FiscalYear2569 = PlanRules.Span(2569, PlanHorizon.OneYear);

    [Fact]
    public void A_one_year_plan_spans_its_fiscal_year_and_a_three_year_plan_three()
    {
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30)), PlanRules.Span(2569, PlanHorizon.OneYear));
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2028, 9, 30)), PlanRules.Span(2569, PlanHorizon.ThreeYear));
    }

    [Fact]
    public void End_before_start_is_named_at_the_end_date()
    {
        var errors = PlanRules.CheckSchedule(new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), 0), FiscalYear2569);
        Assert.Equal("endDate", Assert.Single(errors).Field);
    }

    [Fact]
    public void Dates_outside_the_plan_are_refused()
    {
        var errors = PlanRules.CheckSchedule(new(new DateOnly(2025, 9, 30), new DateOnly(2026, 3, 1), 0), FiscalYear2569);
        Assert.Equal("startDate", Assert.Single(errors).Field);
        Assert.Empty(PlanRules.CheckSchedule(new(new DateOnly(2025, 10, 1), new DateOnly(2026, 9, 30), 0), FiscalYear2569));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.005")]
    [InlineData("10000000000.01")]
    public void Negative_fractional_satang_or_absurd_budgets_are_refused(string budget)
    {
        var errors = PlanRules.CheckSchedule(new(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), decimal.Parse(budget)), FiscalYear2569);
        Assert.Equal("budget", Assert.Single(errors).Field);
    }

    [Fact]
    public void Missing_values_are_each_named()
    {
        var fields = PlanRules.CheckSchedule(new(null, null, null), FiscalYear2569).Select(e => e.Field);
        Assert.Equal(["startDate", "endDate", "budget"], fields);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(101, true)]
    public void Progress_lies_between_0_and_100(int progress, bool refused) =>
        Assert.Equal(refused, PlanRules.CheckProgress(progress) is not null);

    [Fact]
    public void Done_below_100_and_not_started_with_progress_contradict_themselves()
    {
        Assert.NotNull(PlanRules.CheckStatusAgainstProgress(ActionStatus.Done, 90));
        Assert.NotNull(PlanRules.CheckStatusAgainstProgress(ActionStatus.NotStarted, 10));
        Assert.Null(PlanRules.CheckStatusAgainstProgress(ActionStatus.InProgress, 10));
    }

    [Fact]
    public void An_action_is_late_from_the_Bangkok_day_after_its_end_unless_done()
    {
        var end = new DateOnly(2026, 3, 31);
        // 31 March 23:59 in Bangkok is 16:59 UTC: still on time.
        Assert.Equal(ActionStanding.OnTrack, PlanRules.Standing(ActionStatus.InProgress, end, new DateTimeOffset(2026, 3, 31, 16, 59, 0, TimeSpan.Zero)));
        // 1 April 00:00 in Bangkok is 31 March 17:00 UTC: late, although it is still 31 March in UTC.
        Assert.Equal(ActionStanding.Late, PlanRules.Standing(ActionStatus.InProgress, end, new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(ActionStanding.Done, PlanRules.Standing(ActionStatus.Done, end, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_report_is_late_after_its_deadline_only_while_unsubmitted()
    {
        var due = new DateTimeOffset(2026, 4, 30, 10, 0, 0, TimeSpan.Zero);
        Assert.True(PlanRules.IsReportLate(due, null, due.AddMinutes(1)));
        Assert.False(PlanRules.IsReportLate(due, due, due.AddMinutes(1)));
        Assert.False(PlanRules.IsReportLate(null, null, due));
    }

    [Fact]
    public void A_project_across_1_October_splits_its_budget_by_days_and_adds_up_exactly()
    {
        // 1 Sep–31 Oct 2026: 30 days in fiscal year 2569, 31 days in 2570.
        var totals = PlanRules.BudgetByFiscalYear([(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31), 61_000m)]);
        Assert.Equal(30_000m, totals[2569]);
        Assert.Equal(31_000m, totals[2570]);
    }

    [Fact]
    public void Rounding_remainders_stay_in_the_last_year_so_totals_equal_the_budgets()
    {
        var projects = new[]
        {
            (new DateOnly(2025, 10, 1), new DateOnly(2028, 9, 30), 100_000.01m),
            (new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 15), 5_000m),
        };
        var totals = PlanRules.BudgetByFiscalYear(projects);
        Assert.Equal([2569, 2570, 2571], totals.Keys);
        Assert.Equal(105_000.01m, totals.Values.Sum());
        Assert.All(totals.Values, v => Assert.Equal(decimal.Round(v, 2), v));
    }
}
