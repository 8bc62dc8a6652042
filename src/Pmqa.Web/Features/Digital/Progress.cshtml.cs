using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Dashboard;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>OPDC's national view of the digital registers (issue 12, ADR 0025): totals, the planned path to 2570 as a
/// chart, every organisation filtered and sorted, and the same table as CSV (?handler=csv) or Excel (?handler=xlsx).</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class ProgressModel(DigitalProgressQueries queries, FollowUpStandings followUps, PmqaDbContext db) : PageModel
{
    [FromQuery] public string? Type { get; set; }
    [FromQuery] public string? Ministry { get; set; }
    [FromQuery] public string? Cluster { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery] public bool? Desc { get; set; }
    /// <summary>Only organisations late or missing for the latest period whose deadline passed (ADR 0027).</summary>
    [FromQuery] public bool? Late { get; set; }

    public NationalProgress View { get; private set; } = null!;
    public DashboardFilter Filter { get; private set; } = DashboardFilter.All;
    public List<OrganizationProgress> Lines { get; private set; } = [];
    public IReadOnlyList<(string Code, string NameTh, string NameEn)> Ministries { get; private set; } = [];
    public IReadOnlyList<(string Code, string NameTh, string NameEn)> Clusters { get; private set; } = [];
    public string SortKey => DigitalProgressTable.Sorts.Contains(Sort) ? Sort! : "code";

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        var parents = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Ministry || o.Type == OrganizationType.ProvinceCluster)
            .Select(o => new { o.Code, o.NameTh, o.NameEn, o.Type }).ToListAsync();
        Ministries = [.. parents.Where(p => p.Type == OrganizationType.Ministry).OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Code, p.NameTh, p.NameEn))];
        Clusters = [.. parents.Where(p => p.Type == OrganizationType.ProvinceCluster).OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p.Code, p.NameTh, p.NameEn))];
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return File(DashboardExports.Csv(DigitalProgressTable.Sheet(Lines)), "text/csv; charset=utf-8", DigitalProgressTable.FileName(View.CurrentYear, "csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return File(DashboardExports.Xlsx([DigitalProgressTable.Sheet(Lines)]), DashboardExports.XlsxContentType, DigitalProgressTable.FileName(View.CurrentYear, "xlsx"));
    }

    /// <summary>A filter that does not parse, or names a ministry or cluster that does not exist, is said at its field
    /// and the view is shown unfiltered (as on the dashboard).</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        switch (DashboardFilter.Parse(Type, Ministry, Cluster, null))
        {
            case Outcome<DashboardFilter>.Ok ok: Filter = ok.Value; break;
            case Outcome<DashboardFilter>.Invalid invalid: invalid.Errors.AddByApiName(ModelState); break;
        }
        var outcome = await queries.NationalAsync(Filter, ct);
        if (outcome is Outcome<NationalProgress>.Invalid again)
        {
            again.Errors.AddByApiName(ModelState);
            Filter = DashboardFilter.All;
            outcome = await queries.NationalAsync(Filter, ct);
        }
        View = await followUps.AddToAsync(((Outcome<NationalProgress>.Ok)outcome).Value, Late == true, ct);
        Lines = DigitalProgressTable.Sorted(View.Organizations, SortKey, Desc == true, Bilingual.IsThai);
    }

    /// <summary>This page's address with the filter and sort kept and some values changed (null removes one).</summary>
    public string Here(params (string Key, string? Value)[] changes)
    {
        var query = Filter.Query().ToDictionary(p => p.Key, p => p.Value);
        if (SortKey != "code") query["sort"] = SortKey;
        if (Desc == true) query["desc"] = "true";
        if (Late == true) query["late"] = "true";
        foreach (var (key, value) in changes) query[key] = value;
        return QueryHelpers.AddQueryString("/digital-progress", query.Where(p => p.Value is not null));
    }
}
