using Pmqa.Domain.Digital;

namespace Pmqa.Domain.Tests.Digital;

public sealed class FollowUpPeriodsTests
{
    private static readonly DateOnly Deadline = new(2027, 3, 31);
    private static readonly TimeSpan Bangkok = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int day, int hour, int month = 3) => new(2027, month, day, hour, 0, 0, Bangkok);

    [Fact]
    public void Approved_on_the_deadline_day_in_Bangkok_is_on_time_even_late_in_the_evening()
    {
        // 23:00 in Bangkok on the 31st is 16:00 UTC: still the deadline day.
        Assert.Equal(Lateness.OnTime, FollowUpPeriods.Of(Deadline, At(31, 23), At(31, 23)));
        Assert.Equal(Lateness.OnTime, FollowUpPeriods.Of(Deadline, new DateTimeOffset(2027, 3, 31, 16, 59, 0, TimeSpan.Zero), At(2, 0, 4)));
    }

    [Fact]
    public void Approved_after_midnight_following_the_deadline_is_late()
    {
        Assert.Equal(Lateness.Late, FollowUpPeriods.Of(Deadline, At(1, 0, 4), At(5, 0, 4)));
        Assert.Equal(Lateness.Late, FollowUpPeriods.Of(Deadline, new DateTimeOffset(2027, 3, 31, 17, 0, 0, TimeSpan.Zero), At(5, 0, 4)));
    }

    [Fact]
    public void Nothing_approved_is_due_before_the_deadline_ends_and_missing_after()
    {
        Assert.Equal(Lateness.Due, FollowUpPeriods.Of(Deadline, null, At(31, 23)));
        Assert.Equal(Lateness.Missing, FollowUpPeriods.Of(Deadline, null, At(1, 0, 4)));
        Assert.True(FollowUpPeriods.IsFlagged(Lateness.Missing));
        Assert.True(FollowUpPeriods.IsFlagged(Lateness.Late));
        Assert.False(FollowUpPeriods.IsFlagged(Lateness.Due));
        Assert.False(FollowUpPeriods.IsFlagged(Lateness.OnTime));
    }

    private sealed record P(string Name, DateOnly StartsOn, DateOnly Deadline);

    [Fact]
    public void The_current_period_is_the_started_one_due_first_or_else_the_latest_passed()
    {
        var first = new P("1/2570", new(2026, 10, 1), new(2027, 3, 31));
        var second = new P("2/2570", new(2027, 4, 1), new(2027, 9, 30));
        P[] periods = [first, second];
        Assert.Null(FollowUpPeriods.Current(periods, p => p.StartsOn, p => p.Deadline, At(1, 12, 9) .AddYears(-1)));
        Assert.Equal(first, FollowUpPeriods.Current(periods, p => p.StartsOn, p => p.Deadline, At(15, 12)));
        // The first's deadline passed and the second has not started: the first is still wanted (late).
        Assert.Equal(first, FollowUpPeriods.Current([first, new P("x", new(2027, 5, 1), new(2027, 9, 30))], p => p.StartsOn, p => p.Deadline, At(2, 12, 4)));
        Assert.Equal(second, FollowUpPeriods.Current(periods, p => p.StartsOn, p => p.Deadline, At(2, 12, 4)));
    }

    [Fact]
    public void A_period_needs_a_Thai_name_and_a_deadline_not_before_its_as_of_date()
    {
        Assert.Empty(FollowUpPeriods.Check(new("รอบที่ 1/2570", null, new(2026, 10, 1), new(2027, 3, 31))));
        var errors = FollowUpPeriods.Check(new(" ", null, new(2027, 4, 1), new(2027, 3, 31)));
        Assert.Contains(errors, e => e.Field == "nameTh");
        Assert.Contains(errors, e => e.Field == "deadline");
        Assert.Contains(FollowUpPeriods.Check(new("x", null, null, null)), e => e.Field == "startsOn");
        Assert.Contains(FollowUpPeriods.Check(new("x", null, new(2026, 10, 1), new(2036, 3, 31))), e => e.Field == "deadline"); // a typed year
    }
}
