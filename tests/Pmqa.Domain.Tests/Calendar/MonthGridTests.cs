using Pmqa.Domain.Calendar;

namespace Pmqa.Domain.Tests.Calendar;

public sealed class MonthGridTests
{
    private static DateTimeOffset Bangkok(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Weeks_start_on_Sunday_and_hold_the_whole_month()
    {
        var weeks = MonthGrid.Weeks(new DateOnly(2027, 2, 1)); // 1 Feb 2027 is a Monday
        Assert.Equal(new DateOnly(2027, 1, 31), weeks[0][0]);
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Sunday, w[0].DayOfWeek));
        Assert.Equal(new DateOnly(2027, 3, 6), weeks[^1][6]);
        Assert.Equal(5, weeks.Count);
    }

    [Fact]
    public void An_entry_is_on_each_Bangkok_day_it_covers_and_midnight_ends_the_day_before()
    {
        // 23:30 UTC on 27 Feb is 06:30 on 28 Feb in Bangkok.
        Assert.Equal((new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 2)),
            MonthGrid.DaysOf(new DateTimeOffset(2027, 2, 27, 23, 30, 0, TimeSpan.Zero), Bangkok(2027, 3, 2, 16)));
        Assert.Equal((new DateOnly(2027, 2, 3), new DateOnly(2027, 2, 3)), MonthGrid.DaysOf(Bangkok(2027, 2, 3, 9), Bangkok(2027, 2, 4, 0)));
        Assert.True(MonthGrid.Covers(Bangkok(2027, 2, 27, 9), Bangkok(2027, 3, 2, 16), new DateOnly(2027, 3, 1)));
        Assert.False(MonthGrid.Covers(Bangkok(2027, 2, 27, 9), Bangkok(2027, 3, 2, 16), new DateOnly(2027, 3, 3)));
    }

    [Fact]
    public void The_month_is_named_in_Thai_with_the_Buddhist_Era_year()
    {
        Assert.Equal("กุมภาพันธ์ พ.ศ. 2570", MonthGrid.Title(new DateOnly(2027, 2, 1), true));
        Assert.Equal("February 2027", MonthGrid.Title(new DateOnly(2027, 2, 1), false));
    }
}
