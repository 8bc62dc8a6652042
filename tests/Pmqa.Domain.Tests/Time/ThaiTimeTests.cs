using Pmqa.Domain.Time;

namespace Pmqa.Domain.Tests.Time;

public sealed class ThaiTimeTests
{
    [Theory]
    [InlineData(2025, 9, 30, 2568)]
    [InlineData(2025, 10, 1, 2569)]
    [InlineData(2026, 9, 30, 2569)]
    [InlineData(2026, 10, 1, 2570)]
    [InlineData(2026, 11, 21, 2570)]
    public void The_fiscal_year_starts_on_1_October_and_is_named_in_the_Buddhist_Era(int y, int m, int d, int fiscalYear) =>
        Assert.Equal(fiscalYear, ThaiTime.FiscalYearOf(new DateOnly(y, m, d)));

    [Fact]
    public void An_instant_belongs_to_the_fiscal_year_of_its_Bangkok_date()
    {
        // 30 Sep 2026 17:30 UTC is already 1 Oct 2026 00:30 in Bangkok.
        Assert.Equal(2570, ThaiTime.FiscalYearOf(new DateTimeOffset(2026, 9, 30, 17, 30, 0, TimeSpan.Zero)));
        Assert.Equal(2569, ThaiTime.FiscalYearOf(new DateTimeOffset(2026, 9, 30, 16, 59, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_fiscal_year_starts_at_midnight_Bangkok_on_1_October()
    {
        var start = ThaiTime.FiscalYearStart(2569);
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 17, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
    }

    [Fact]
    public void Thai_dates_show_Buddhist_Era_years_and_Bangkok_time()
    {
        var instant = new DateTimeOffset(2026, 11, 21, 18, 5, 0, TimeSpan.Zero); // 01:05 on 22 Nov in Bangkok
        Assert.Equal("22 พฤศจิกายน 2569", ThaiTime.FormatDate(instant, thai: true));
        Assert.Equal("22 November 2026", ThaiTime.FormatDate(instant, thai: false));
        Assert.Equal("22 พ.ย. 2569 01:05", ThaiTime.FormatDateTime(instant, thai: true));
        Assert.Equal("ปีงบประมาณ พ.ศ. 2570", ThaiTime.FormatFiscalYear(2570, thai: true));
    }
}
