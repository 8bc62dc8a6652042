using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.OpenData;

/// <summary>The public results page (no sign-in): published results only, searchable, filtered and sorted in the
/// query string so that every view has a link of its own.</summary>
[AllowAnonymous]
public sealed class IndexModel(OpenDataQueries queries) : PageModel
{
    public sealed record Filters(string? Q, int? Year, string? Type, string? Group, string? Band, bool? Certified, string? Sort);

    public Filters Filter { get; private set; } = new(null, null, null, null, null, null, null);
    public IReadOnlyList<PublicResult> Results { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<(string Code, string Th, string En)> Groups { get; private set; } = [];

    public async Task OnGetAsync(string? q, int? year, string? type, string? group, string? band, string? certified, string? sort, CancellationToken ct)
    {
        Filter = new(q?.Trim(), year, type, group, band, certified switch { "yes" => true, "no" => false, _ => null }, sort);
        Years = await queries.FiscalYearsAsync(ct);
        var all = await queries.ResultsAsync(null, false, ct);
        Groups = [.. all.Where(r => r.GroupCode.Length > 0).Select(r => (r.GroupCode, r.GroupNameTh, r.GroupNameEn)).Distinct().OrderBy(g => g.GroupNameTh)];
        IEnumerable<PublicResult> rows = all;
        if (Filter.Year is { } y) rows = rows.Where(r => r.FiscalYear == y);
        if (!string.IsNullOrEmpty(Filter.Q))
            rows = rows.Where(r => r.OrganizationNameTh.Contains(Filter.Q, StringComparison.OrdinalIgnoreCase)
                || r.OrganizationNameEn.Contains(Filter.Q, StringComparison.OrdinalIgnoreCase)
                || r.OrganizationCode.Contains(Filter.Q, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(type)) rows = rows.Where(r => r.OrganizationType == type);
        if (!string.IsNullOrEmpty(group)) rows = rows.Where(r => r.GroupCode == group);
        if (!string.IsNullOrEmpty(band)) rows = rows.Where(r => r.StatusBand == band);
        if (Filter.Certified is { } c) rows = rows.Where(r => r.Certified == c);
        Results = [.. sort switch
        {
            "score" => rows.OrderByDescending(r => r.VerifiedTotal),
            "score-asc" => rows.OrderBy(r => r.VerifiedTotal),
            "year" => rows.OrderBy(r => r.FiscalYear).ThenBy(r => r.OrganizationNameTh),
            _ => rows.OrderByDescending(r => r.FiscalYear).ThenBy(r => Infrastructure.Web.Bilingual.IsThai ? r.OrganizationNameTh : r.OrganizationNameEn),
        }];
    }
}
