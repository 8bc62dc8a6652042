using System.Globalization;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>Project and action dates are Bangkok calendar days, typed like the round's dates (<see cref="ThaiDateInput"/>):
/// day/month/year with a BE year in Thai.</summary>
public static class PlanDates
{
    public static string Hint(bool thai) => thai ? "วัน/เดือน/ปี พ.ศ. เช่น 1/11/2569" : "day/month/year, e.g. 1/11/2026 (a BE year works too)";

    public static string Format(DateOnly? date, bool thai) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Day}/{d.Month}/{d.Year + (thai ? ThaiTime.BuddhistEraOffset : 0)}")
        : "";

    /// <summary>"1 พ.ย. 2569" / "1 Nov 2026".</summary>
    public static string Show(DateOnly date, bool thai) =>
        date.ToDateTime(TimeOnly.MinValue).ToString("d MMM yyyy", CultureInfo.GetCultureInfo(thai ? "th-TH" : "en-GB"));

    /// <summary>False when the text is not a date (true with null when empty).</summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (!ThaiDateInput.TryParse(text, out var instant)) return false;
        if (instant is { } i) date = DateOnly.FromDateTime(ThaiTime.ToBangkok(i));
        return true;
    }

    public static string Baht(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
