using Pmqa.Domain.Time;

namespace Pmqa.Web.Features.Rounds;

/// <summary>
/// A round calendar that <see cref="RoundRules"/> accepts, for a fiscal year as seen at a given moment (the demo
/// data generator creates its round with it). The usual calendar: open on 1 October, submit by 31 March,
/// verify by 31 May, visit June to August, award in mid-September. Once that deadline is less than two weeks
/// away, the dates start from now instead, so that agencies can still submit, and are squeezed to fit the room
/// the rules leave after the fiscal year (site visits inside it, or none when it has ended).
/// </summary>
public static class RoundCalendar
{
    /// <summary>The dates, or null when the fiscal year is too far gone for a round that can still be submitted.</summary>
    public static RoundRules.Dates? Suggested(int fiscalYear, DateTimeOffset now)
    {
        var start = ThaiTime.FiscalYearStart(fiscalYear);
        var end = ThaiTime.FiscalYearStart(fiscalYear + 1); // exclusive
        var ce = fiscalYear - ThaiTime.BuddhistEraOffset; // the CE year the fiscal year ends in
        var deadline = AtBangkok(new DateOnly(ce, 3, 31), 16, 30);
        if (deadline > now.AddDays(14))
            return new(start, deadline, AtBangkok(new DateOnly(ce, 5, 31), 16, 30), AtBangkok(new DateOnly(ce, 6, 1), 0, 0),
                AtBangkok(new DateOnly(ce, 8, 31), 23, 59), AtBangkok(new DateOnly(ce, 9, 15), 9, 0));

        // Deadline, verification and award each take a share of the room left, so all stay before the rules' limit.
        var room = (int)(end.AddMonths(RoundRules.MonthsAround) - now).TotalDays;
        if (room < 21) return null;
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now));
        var due = AtBangkok(today.AddDays(Math.Min(30, room / 3)), 16, 30);
        var verified = due.AddDays(Math.Min(30, room / 3));
        var award = verified.AddDays(Math.Min(15, room / 6));
        // Site visits must fall inside the fiscal year: after verification if it still can, else none (optional).
        var visitsFrom = verified.AddDays(1);
        var visitsTo = visitsFrom.AddDays(60) < end ? visitsFrom.AddDays(60) : end.AddMinutes(-1);
        return visitsTo > visitsFrom.AddDays(1)
            ? new(start, due, verified, visitsFrom, visitsTo, award)
            : new(start, due, verified, null, null, award);
    }

    private static DateTimeOffset AtBangkok(DateOnly day, int hour, int minute) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), ThaiTime.Bangkok.BaseUtcOffset).ToUniversalTime();
}
