using System.Globalization;
using System.Text.RegularExpressions;
using Pmqa.Domain.Time;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// Dates and times typed as text, in Bangkok time. Browsers' date pickers are Gregorian whatever the page's
/// language, so in a Thai form a person types the Buddhist Era year they read everywhere else and the date
/// lands 543 years off (2570 became "1 ต.ค. 3113"). These fields are plain text in day/month/year order,
/// shown with the BE year in Thai and the CE year in English, and accept either era: a year of 2400 or more
/// is BE. ISO dates (2026-10-01T09:00) are accepted too. Thai digits (๐–๙) count as digits.
/// </summary>
public static partial class ThaiDateInput
{
    /// <summary>The format a person sees and types, for the field's help text.</summary>
    public static string Hint(bool thai) => thai
        ? "วัน/เดือน/ปี พ.ศ. และเวลา เช่น 1/10/2569 09:00 (ไม่ระบุเวลา = 00:00)"
        : "day/month/year and time, e.g. 1/10/2026 09:00 (a BE year such as 2569 works too; no time = 00:00)";

    /// <summary>The message at a field whose text is not a date.</summary>
    public static string NotADate => Bilingual.T("วันที่ไม่ถูกต้อง: ใช้ วัน/เดือน/ปี พ.ศ. และเวลา เช่น 1/10/2569 09:00",
        "Not a date: use day/month/year and time, e.g. 1/10/2026 09:00.");

    public static string Format(DateTimeOffset? instant, bool thai)
    {
        if (instant is not { } i) return "";
        var local = ThaiTime.ToBangkok(i);
        var year = local.Year + (thai ? ThaiTime.BuddhistEraOffset : 0);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Day}/{local.Month}/{year} {local:HH:mm}");
    }

    /// <summary>False when the text is not a date; true with null when the field is empty.</summary>
    public static bool TryParse(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var value = string.Concat(text.Trim().Select(c => c is >= '๐' and <= '๙' ? (char)('0' + (c - '๐')) : c));
        int day, month, year, hour = 0, minute = 0;
        if (DayFirst().Match(value) is { Success: true } d)
            (day, month, year) = (Number(d, "d"), Number(d, "m"), Number(d, "y"));
        else if (Iso().Match(value) is { Success: true } iso)
            (day, month, year) = (Number(iso, "d"), Number(iso, "m"), Number(iso, "y"));
        else return false;
        var time = Time().Match(value);
        if (time.Success) (hour, minute) = (Number(time, "h"), Number(time, "min"));
        if (year >= 2400) year -= ThaiTime.BuddhistEraOffset;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
            return false;
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        instant = new DateTimeOffset(local, ThaiTime.Bangkok.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{4})(?:[ T,]+\d{1,2}[:.]\d{2})?$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"[ T,](?<h>\d{1,2})[:.](?<min>\d{2})(?::\d{2})?$")]
    private static partial Regex Time();
}
