using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>OPDC's promotion calendar for everyone (no sign-in): a list by month, filtered by audience and kind,
/// from today on unless the past is asked for; links to the iCalendar feeds.</summary>
[AllowAnonymous]
public sealed class IndexModel(CalendarQueries queries, CurrentUser user, TimeProvider clock, OrganizationFeeds feeds, PublicUrl url) : PageModel
{
    public EventAudience? Audience { get; private set; }
    public EventKind? Kind { get; private set; }
    public bool Past { get; private set; }
    public bool IsOfficer { get; private set; }
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];
    /// <summary>The organisations whose private feed the caller (their coordinator) manages.</summary>
    public IReadOnlyList<(Guid Id, string NameTh, string NameEn, bool HasFeed)> FeedOrganizations { get; private set; } = [];
    /// <summary>The address just made, shown this once (only its hash is kept).</summary>
    [TempData] public string? NewFeedUrl { get; set; }
    [TempData] public Guid? NewFeedOrganization { get; set; }

    public async Task OnGetAsync(string? audience, string? kind, bool past, CancellationToken ct)
    {
        Audience = EventNames.TryParse<EventAudience>(audience, out var a) ? a : null;
        Kind = EventNames.TryParse<EventKind>(kind, out var k) ? k : null;
        Past = past;
        IsOfficer = User.Identity?.IsAuthenticated == true && await user.SeesAllOrganizationsAsync();
        var now = clock.GetUtcNow();
        var entries = await queries.EntriesAsync(Audience, Kind, ct);
        Entries = past ? entries : [.. entries.Where(e => e.EndsAt >= now)];
        FeedOrganizations = await feeds.CoordinatedAsync(ct);
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
