using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Tests.Features.Rounds;

public sealed class ThaiDateInputTests
{
    [Theory]
    [InlineData("1/10/2569 09:00")]
    [InlineData("1/10/2026 09:00")]
    [InlineData("2026-10-01T09:00")]
    [InlineData("๑/๑๐/๒๕๖๙ ๐๙:๐๐")]
    [InlineData("01.10.2569 9.00")]
    public void Buddhist_Era_and_Gregorian_years_give_the_same_instant(string typed)
    {
        Assert.True(ThaiDateInput.TryParse(typed, out var at));
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData("31/2/2570")]
    [InlineData("1/13/2570")]
    [InlineData("tomorrow")]
    [InlineData("1/10/2569 25:00")]
    public void Something_that_is_not_a_date_is_refused(string typed) => Assert.False(ThaiDateInput.TryParse(typed, out _));

    [Fact]
    public void Thai_shows_the_Buddhist_Era_year_and_English_the_Gregorian_one()
    {
        var at = new DateTimeOffset(2027, 3, 31, 9, 30, 0, TimeSpan.Zero); // 16:30 in Bangkok
        Assert.Equal("31/3/2570 16:30", ThaiDateInput.Format(at, thai: true));
        Assert.Equal("31/3/2027 16:30", ThaiDateInput.Format(at, thai: false));
        Assert.True(ThaiDateInput.TryParse(ThaiDateInput.Format(at, thai: true), out var back));
        Assert.Equal(at, back);
    }
}
