using Pmqa.Domain.Time;
using Pmqa.Web.Features.Rounds;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Tests.Features.Rounds;

/// <summary>The demo data generator creates its round from <see cref="RoundCalendar"/>: whatever the day it
/// runs, the dates must pass the round rules (its old fallback put site visits after the fiscal year from
/// mid-March on, and the round was refused).</summary>
public sealed class RoundCalendarTests
{
    [Theory]
    [InlineData("2026-10-01T03:00:00Z")]
    [InlineData("2027-03-10T03:00:00Z")]
    [InlineData("2027-03-20T03:00:00Z")]
    [InlineData("2027-06-01T03:00:00Z")]
    [InlineData("2027-09-30T16:59:00Z")] // 23:59 on the last day of fiscal year 2570 in Bangkok
    [InlineData("2027-12-15T03:00:00Z")] // fiscal year 2570 asked for after it ended, while a round can still be submitted
    public void The_suggested_dates_pass_the_round_rules_and_leave_time_to_submit(string clock)
    {
        var now = DateTimeOffset.Parse(clock, System.Globalization.CultureInfo.InvariantCulture);
        const int fiscalYear = 2570;

        var dates = RoundCalendar.Suggested(fiscalYear, now);

        Assert.NotNull(dates);
        var errors = new ValidationErrors();
        RoundRules.Validate(fiscalYear, dates, errors);
        Assert.False(errors.Any, string.Join("; ", errors.All.Select(e => $"{e.Field}: {e.Message.En}")));
        Assert.True(dates.SubmissionDeadline > now.AddDays(7), $"deadline {dates.SubmissionDeadline} is too close to {now}");
        Assert.True(dates.AwardDate > dates.VerificationEndsAt);
    }

    [Fact]
    public void The_usual_calendar_is_kept_while_its_deadline_is_more_than_two_weeks_away()
    {
        var dates = RoundCalendar.Suggested(2570, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))!;

        Assert.Equal(new DateTime(2027, 3, 31, 16, 30, 0), ThaiTime.ToBangkok(dates.SubmissionDeadline!.Value));
        Assert.Equal(new DateTime(2027, 6, 1, 0, 0, 0), ThaiTime.ToBangkok(dates.SiteVisitFrom!.Value));
    }

    [Fact]
    public void A_fiscal_year_long_gone_has_no_calendar()
    {
        Assert.Null(RoundCalendar.Suggested(2570, new DateTimeOffset(2028, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }
}
