using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>OPDC's way in to the dashboards: every round (newest first) and the trend over fiscal years.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class IndexModel(PmqaDbContext db, DashboardQueries queries) : PageModel
{
    public sealed record RoundLink(Guid Id, int FiscalYear, string Audiences, bool Opened, int Assessments);

    [FromQuery] public string? Type { get; set; }

    public IReadOnlyList<RoundLink> Rounds { get; private set; } = [];
    public TrendView Trend { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Rounds = await db.Rounds.AsNoTracking().OrderByDescending(r => r.FiscalYear).ThenBy(r => r.Audiences)
            .Select(r => new RoundLink(r.Id, r.FiscalYear, r.Audiences, r.OpenedAt != null, r.Assessments.Count)).ToListAsync();
        var filter = DashboardFilter.Parse(Type, null, null, null);
        if (filter is Outcome<DashboardFilter>.Invalid invalid) invalid.Errors.AddByApiName(ModelState);
        var trend = await queries.TrendAsync(filter is Outcome<DashboardFilter>.Ok ok ? ok.Value : DashboardFilter.All);
        Trend = ((Outcome<TrendView>.Ok)trend).Value;
    }
}
