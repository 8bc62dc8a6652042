using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>OPDC's promotion calendar for everyone (no sign-in): a list by month (from today on unless the past is
/// asked for) or a month grid (<c>?view=month&amp;month=2027-02</c>, today's Bangkok month by default), filtered by
/// audience and kind in the query string so every view is linkable; links to the iCalendar feeds.</summary>
[AllowAnonymous]
public sealed class IndexModel(CalendarQueries queries, CurrentUser user, TimeProvider clock, OrganizationFeeds feeds, PublicUrl url) : PageModel
{
    public EventAudience? Audience { get; private set; }
    public EventKind? Kind { get; private set; }
    public bool Past { get; private set; }
    public bool IsOfficer { get; private set; }
    public bool MonthView { get; private set; }
    /// <summary>The first day of the month shown in the month view.</summary>
    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];
    /// <summary>The organisations whose private feed the caller (their coordinator) manages.</summary>
    public IReadOnlyList<(Guid Id, string NameTh, string NameEn, bool HasFeed)> FeedOrganizations { get; private set; } = [];
    /// <summary>The address just made, shown this once (only its hash is kept).</summary>
    [TempData] public string? NewFeedUrl { get; set; }
    [TempData] public Guid? NewFeedOrganization { get; set; }

    public async Task OnGetAsync(string? audience, string? kind, bool past, string? view, string? month, CancellationToken ct)
    {
        Audience = EventNames.TryParse<EventAudience>(audience, out var a) ? a : null;
        Kind = EventNames.TryParse<EventKind>(kind, out var k) ? k : null;
        Past = past;
        IsOfficer = User.Identity?.IsAuthenticated == true && await user.SeesAllOrganizationsAsync();
        var now = clock.GetUtcNow();
        Today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now));
        MonthView = view == "month";
        Month = DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is > 1900 and < 2200
            ? m : new DateOnly(Today.Year, Today.Month, 1);
        var entries = await queries.EntriesAsync(Audience, Kind, ct);
        var (first, last) = (Month, Month.AddMonths(1).AddDays(-1));
        Entries = MonthView
            ? [.. entries.Where(e => MonthGrid.DaysOf(e.StartsAt, e.EndsAt) is var d && d.First <= last && d.Last >= first)]
            : past ? entries : [.. entries.Where(e => e.EndsAt >= now)];
        FeedOrganizations = await feeds.CoordinatedAsync(ct);
    }

    /// <summary>The entries on a day of the month view, in the order they start.</summary>
    public IEnumerable<CalendarEntry> On(DateOnly day) => Entries.Where(e => MonthGrid.Covers(e.StartsAt, e.EndsAt, day));

    /// <summary>This page's address with the filters kept and the view or month changed.</summary>
    public string Link(bool monthView, DateOnly? month = null)
    {
        var query = new List<string>();
        if (monthView) query.Add("view=month");
        if (monthView && month is { } mo) query.Add("month=" + mo.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        if (Audience is { } a) query.Add("audience=" + a.ApiName());
        if (Kind is { } k) query.Add("kind=" + k.ApiName());
        if (!monthView && Past) query.Add("past=true");
        return "/calendar" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>The coordinator makes (or replaces) the organisation's private feed address.</summary>
    public async Task<IActionResult> OnPostFeedAsync(Guid organizationId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (await feeds.RegenerateAsync(organizationId, ct) is not { } token) return NotFound();
        NewFeedUrl = url.To(OrganizationFeeds.FeedPath(token));
        NewFeedOrganization = organizationId;
        return Redirect("/calendar#private-feed");
    }
}
