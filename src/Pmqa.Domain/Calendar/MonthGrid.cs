using Pmqa.Domain.Time;

namespace Pmqa.Domain.Calendar;

/// <summary>
/// The month view of the calendar: weeks from Sunday to Saturday, as Thai wall calendars print them, and the Bangkok
/// days an entry covers (a multi-day entry is on every one of them).
/// </summary>
public static class MonthGrid
{
    /// <summary>The weeks (Sunday first) that hold the month; days of the months around it fill the first and last.</summary>
    public static IReadOnlyList<DateOnly[]> Weeks(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var start = first.AddDays(-(int)first.DayOfWeek);
        var end = first.AddMonths(1).AddDays(-1);
        var weeks = new List<DateOnly[]>();
        for (var day = start; day <= end; day = day.AddDays(7))
            weeks.Add([.. Enumerable.Range(0, 7).Select(day.AddDays)]);
        return weeks;
    }

    /// <summary>The first and last Bangkok day of an entry. The end is exclusive at midnight: a workshop from
    /// 09:00 one day to 00:00 the next is on the first day only.</summary>
    public static (DateOnly First, DateOnly Last) DaysOf(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var first = DateOnly.FromDateTime(ThaiTime.ToBangkok(startsAt));
        var last = endsAt > startsAt ? DateOnly.FromDateTime(ThaiTime.ToBangkok(endsAt.AddTicks(-1))) : first;
        return (first, last < first ? first : last);
    }

    public static bool Covers(DateTimeOffset startsAt, DateTimeOffset endsAt, DateOnly day)
    {
        var (first, last) = DaysOf(startsAt, endsAt);
        return first <= day && day <= last;
    }

    /// <summary>"กุมภาพันธ์ พ.ศ. 2570" in Thai, "February 2027" in English.</summary>
    public static string Title(DateOnly month, bool thai) => thai
        ? $"{ThaiMonths[month.Month - 1]} พ.ศ. {month.Year + ThaiTime.BuddhistEraOffset}"
        : month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    /// <summary>Sunday first: (short, full) names of the days, Thai and English.</summary>
    public static readonly (string ShortTh, string Th, string ShortEn, string En)[] DayNames =
    [
        ("อา.", "วันอาทิตย์", "Sun", "Sunday"), ("จ.", "วันจันทร์", "Mon", "Monday"), ("อ.", "วันอังคาร", "Tue", "Tuesday"),
        ("พ.", "วันพุธ", "Wed", "Wednesday"), ("พฤ.", "วันพฤหัสบดี", "Thu", "Thursday"), ("ศ.", "วันศุกร์", "Fri", "Friday"),
        ("ส.", "วันเสาร์", "Sat", "Saturday"),
    ];
}
