using Microsoft.AspNetCore.Mvc;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Calendar;

/// <summary>The next calendar entries on a person's home page: an agency's members see their audience's calendar
/// (departments or provinces), OPDC everything. Nothing is drawn when nothing is coming.</summary>
public sealed class UpcomingEventsViewComponent(CalendarQueries queries, CurrentUser user, TimeProvider clock, Pmqa.Data.PmqaDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int count = 5)
    {
        EventAudience? audience = null;
        if (!await user.SeesAllOrganizationsAsync())
        {
            var orgIds = (await user.MembershipsAsync()).Select(m => m.OrganizationId).ToList();
            var types = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Organizations.Where(o => orgIds.Contains(o.Id)).Select(o => o.Type));
            var audiences = types.Where(t => Domain.Organizations.OrganizationTypes.IsAssessed(t)).Select(EventNames.AudienceOf).Distinct().ToList();
            audience = audiences.Count == 1 ? audiences[0] : null;
        }
        var now = clock.GetUtcNow();
        var upcoming = (await queries.EntriesAsync(audience, null, HttpContext.RequestAborted))
            .Where(e => e.EndsAt >= now && !e.Cancelled).Take(count).ToList();
        return upcoming.Count == 0 ? Content("") : View("~/Features/Calendar/_UpcomingEvents.cshtml", upcoming);
    }
}
