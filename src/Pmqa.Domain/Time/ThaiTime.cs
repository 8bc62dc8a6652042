using System.Globalization;

namespace Pmqa.Domain.Time;

/// <summary>
/// Thai civil-service time rules: every instant is shown in Asia/Bangkok, years are Buddhist Era
/// (CE + 543) in Thai, and the fiscal year runs 1 October – 30 September, named by the BE year it ends in.
/// </summary>
public static class ThaiTime
{
    public const int BuddhistEraOffset = 543;

    public static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");

    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToBangkok(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Bangkok).DateTime;

    /// <summary>The fiscal year (BE) that contains a Bangkok calendar date.</summary>
    public static int FiscalYearOf(DateOnly bangkokDate) =>
        bangkokDate.Year + BuddhistEraOffset + (bangkokDate.Month >= 10 ? 1 : 0);

    public static int FiscalYearOf(DateTimeOffset instant) => FiscalYearOf(DateOnly.FromDateTime(ToBangkok(instant)));

    /// <summary>First instant of a fiscal year: 1 October (CE year before) 00:00 in Bangkok.</summary>
    public static DateTimeOffset FiscalYearStart(int fiscalYearBe) =>
        new(new DateTime(fiscalYearBe - BuddhistEraOffset - 1, 10, 1), Bangkok.BaseUtcOffset);

    /// <summary>"21 พ.ย. 2569 14:05" in Thai, "21 Nov 2026 14:05" in English, always Bangkok time.</summary>
    public static string FormatDateTime(DateTimeOffset instant, bool thai) =>
        ToBangkok(instant).ToString("d MMM yyyy HH:mm", thai ? Thai : English);

    /// <summary>"21 พฤศจิกายน 2569" in Thai, "21 November 2026" in English.</summary>
    public static string FormatDate(DateTimeOffset instant, bool thai) =>
        ToBangkok(instant).ToString("d MMMM yyyy", thai ? Thai : English);

    public static string FormatFiscalYear(int fiscalYearBe, bool thai) =>
        thai ? $"ปีงบประมาณ พ.ศ. {fiscalYearBe}" : $"Fiscal year {fiscalYearBe} BE ({fiscalYearBe - BuddhistEraOffset})";
}
