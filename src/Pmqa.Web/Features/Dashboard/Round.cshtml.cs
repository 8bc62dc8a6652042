using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>OPDC's dashboard of one round: every figure from the stored score cards, filtered by type, ministry,
/// province cluster and status band; each figure links to the organisations behind it.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class RoundModel(DashboardQueries queries, RoundFacts facts) : PageModel
{
    [FromQuery] public string? Type { get; set; }
    [FromQuery] public string? Ministry { get; set; }
    [FromQuery] public string? Cluster { get; set; }
    [FromQuery] public string? Band { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery] public bool? Desc { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public DashboardView View { get; private set; } = null!;
    public DashboardFilter Filter { get; private set; } = DashboardFilter.All;
    public IReadOnlyList<ParentOrganization> Ministries { get; private set; } = [];
    public IReadOnlyList<ParentOrganization> Clusters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        var parents = (await facts.ParentsAsync()).Values.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Ministries = parents.Where(p => p.Type == OrganizationType.Ministry).ToList();
        Clusters = parents.Where(p => p.Type == OrganizationType.ProvinceCluster).ToList();
        switch (DashboardFilter.Parse(Type, Ministry, Cluster, Band))
        {
            case Outcome<DashboardFilter>.Ok ok: Filter = ok.Value; break;
            case Outcome<DashboardFilter>.Invalid invalid: invalid.Errors.AddByApiName(ModelState); break;
        }
        var outcome = await queries.DashboardAsync(roundId, Filter, Sort, Desc, PageNumber);
        if (outcome is Outcome<DashboardView>.Invalid again)
        {
            // A filter naming a ministry or cluster that does not exist, or an unknown sort: said at the field, the rest shown unfiltered.
            again.Errors.AddByApiName(ModelState);
            Filter = DashboardFilter.All;
            outcome = await queries.DashboardAsync(roundId, Filter, null, null, null);
        }
        if (outcome is not Outcome<DashboardView>.Ok { Value: var view }) return NotFound();
        View = view;
        return Page();
    }

    /// <summary>This page's address with the filter kept and some values changed (null removes one).</summary>
    public string Here(params (string Key, string? Value)[] changes) => With($"/rounds/{View.RoundId}/dashboard", Filter.Query(), changes, keepSort: true);

    /// <summary>The drill-down list of the organisations behind a figure, with the page's filter.</summary>
    public string Drill(DrillQuery query) => With($"/rounds/{View.RoundId}/dashboard/organizations", Filter.Query().Concat(query.Query()), [], keepSort: false);

    public string Export(string file, string? table = null) => With($"/rounds/{View.RoundId}/{file}", Filter.Query(), [("table", table)], keepSort: true);

    private string With(string path, IEnumerable<KeyValuePair<string, string?>> pairs, (string Key, string? Value)[] changes, bool keepSort)
    {
        var query = pairs.ToDictionary(p => p.Key, p => p.Value);
        if (keepSort)
        {
            if (View.Heatmap.Sort != "total") query["sort"] = View.Heatmap.Sort;
            if (View.Heatmap.Descending) query["desc"] = "true";
        }
        foreach (var (key, value) in changes) query[key] = value;
        return QueryHelpers.AddQueryString(path, query.Where(p => p.Value is not null));
    }
}
