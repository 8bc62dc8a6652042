using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Calendar;

/// <summary>OPDC's promotion calendar for everyone (no sign-in): a list by month, filtered by audience and kind,
/// from today on unless the past is asked for; links to the iCalendar feeds.</summary>
[AllowAnonymous]
public sealed class IndexModel(CalendarQueries queries, CurrentUser user, TimeProvider clock) : PageModel
{
    public EventAudience? Audience { get; private set; }
    public EventKind? Kind { get; private set; }
    public bool Past { get; private set; }
    public bool IsOfficer { get; private set; }
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(string? audience, string? kind, bool past, CancellationToken ct)
    {
        Audience = EventNames.TryParse<EventAudience>(audience, out var a) ? a : null;
        Kind = EventNames.TryParse<EventKind>(kind, out var k) ? k : null;
        Past = past;
        IsOfficer = User.Identity?.IsAuthenticated == true && await user.SeesAllOrganizationsAsync();
        var now = clock.GetUtcNow();
        var entries = await queries.EntriesAsync(Audience, Kind, ct);
        Entries = past ? entries : [.. entries.Where(e => e.EndsAt >= now)];
    }
}
