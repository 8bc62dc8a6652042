using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>The dashboard's tables with the page's filter and heat-map order: /rounds/{id}/dashboard.xlsx (every table,
/// a sheet each) or /rounds/{id}/dashboard.csv?table=progress (one table; the heat map when none is named).</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class ExportModel(RoundFacts facts) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid roundId, string format, string? table, string? type, string? ministry, string? cluster, string? band, string? sort, bool? desc)
    {
        if (format is not ("csv" or "xlsx") || await DashboardFiles.LoadAsync(facts, roundId, type, ministry, cluster, band, sort, desc) is not { } loaded) return NotFound();
        if (format == "xlsx")
            return File(DashboardExports.Xlsx(DashboardTables.All(loaded.Data, loaded.Sorting)), DashboardExports.XlsxContentType,
                DashboardExports.FileName(loaded.Data, "all", "xlsx"));
        if (DashboardTables.One(table ?? "heatmap", loaded.Data, loaded.Sorting) is not { } sheet) return NotFound();
        return File(DashboardExports.Csv(sheet), "text/csv; charset=utf-8", DashboardExports.FileName(loaded.Data, sheet.Name, "csv"));
    }
}

/// <summary>The facts a download page needs; a filter or sort that does not parse answers 404 (the page's links never make one).</summary>
internal static class DashboardFiles
{
    public static async Task<(RoundData Data, Sorting Sorting)?> LoadAsync(RoundFacts facts, Guid roundId, string? type, string? ministry, string? cluster, string? band, string? sort, bool? desc)
    {
        if (DashboardFilter.Parse(type, ministry, cluster, band) is not Outcome<DashboardFilter>.Ok { Value: var filter }) return null;
        if (await facts.LoadFilledAsync(roundId, filter) is not Outcome<RoundData>.Ok { Value: var data }) return null;
        return Sorting.Parse(sort, desc, 1, data.Pack) is { } sorting ? (data, sorting) : null;
    }
}
