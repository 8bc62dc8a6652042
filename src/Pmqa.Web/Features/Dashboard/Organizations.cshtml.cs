using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>The organisations behind a figure of the dashboard, each linked to its assessment.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class OrganizationsModel(DashboardQueries queries) : PageModel
{
    [FromQuery] public string? Type { get; set; }
    [FromQuery] public string? Ministry { get; set; }
    [FromQuery] public string? Cluster { get; set; }
    [FromQuery] public string? Band { get; set; }
    [FromQuery] public string? Stage { get; set; }
    [FromQuery] public string? Basis { get; set; }
    [FromQuery] public string? Category { get; set; }
    [FromQuery] public string? Dimension { get; set; }
    [FromQuery] public string? Issue { get; set; }
    [FromQuery] public decimal? ScoreFrom { get; set; }
    [FromQuery] public decimal? ScoreTo { get; set; }
    [FromQuery] public string? MissedItem { get; set; }
    [FromQuery] public bool? AtThreshold { get; set; }
    [FromQuery] public string? Sort { get; set; }
    [FromQuery] public bool? Desc { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Guid RoundId { get; private set; }
    public OrganizationList List { get; private set; } = null!;
    public DashboardFilter Filter { get; private set; } = DashboardFilter.All;
    public DrillQuery Query { get; private set; } = new();
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        RoundId = roundId;
        Query = new DrillQuery(Stage, Basis, Category, Dimension, Issue, ScoreFrom, ScoreTo, MissedItem, AtThreshold, Sort, Desc, PageNumber);
        var filter = DashboardFilter.Parse(Type, Ministry, Cluster, Band);
        var outcome = filter is Outcome<DashboardFilter>.Ok ok
            ? await queries.OrganizationsAsync(roundId, Filter = ok.Value, Query)
            : filter.As<OrganizationList>();
        switch (outcome)
        {
            case Outcome<OrganizationList>.Ok list:
                List = list.Value;
                return Page();
            case Outcome<OrganizationList>.Invalid invalid:
                // The link was edited by hand: say what is wrong, and list nothing rather than the wrong organisations.
                Problems = invalid.Errors.All.Select(e => $"{e.Field}: {e.Message}").ToList();
                List = new OrganizationList(0, 1, RoundDashboard.PageSize, "score", false, []);
                return Page();
            default:
                return NotFound();
        }
    }

    public string Here(params (string Key, string? Value)[] changes)
    {
        var query = Filter.Query().Concat(Query.Query()).ToDictionary(p => p.Key, p => p.Value);
        if (List.Sort != "score") query["sort"] = List.Sort;
        if (List.Descending) query["desc"] = "true";
        foreach (var (key, value) in changes) query[key] = value;
        return QueryHelpers.AddQueryString($"/rounds/{RoundId}/dashboard/organizations", query.Where(p => p.Value is not null));
    }

    /// <summary>What the list shows, in words.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Stage is not null) parts.Add(Bilingual.T($"ขั้น {Stage}", $"stage {Stage}"));
        if (Category is not null) parts.Add(Bilingual.T($"หมวด {Category}", $"category {Category}"));
        if (Dimension is not null) parts.Add(Bilingual.T($"มิติ {Dimension}", $"dimension {Dimension}"));
        if (Issue is not null) parts.Add(Bilingual.T($"ประเด็น {Issue}", $"issue {Issue}"));
        if (ScoreFrom is not null || ScoreTo is not null) parts.Add(Bilingual.T($"คะแนน {ScoreFrom?.ToString("0.##") ?? "0"}–{ScoreTo?.ToString("0.##") ?? "500"}", $"score {ScoreFrom?.ToString("0.##") ?? "0"}–{ScoreTo?.ToString("0.##") ?? "500"}"));
        if (string.Equals(Basis, "verified", StringComparison.OrdinalIgnoreCase) || AtThreshold == true) parts.Add(Bilingual.T("ผลที่ผ่านการตรวจ", "verified scores"));
        if (MissedItem is not null) parts.Add(Bilingual.T($"ไม่ได้ทำข้อ {MissedItem}", $"item {MissedItem} not ticked"));
        if (AtThreshold == true) parts.Add(Bilingual.T("ถึงเกณฑ์ตรวจ ณ พื้นที่", "at the site-visit threshold"));
        if (Filter.Type is { } t) parts.Add(Bilingual.T(Pmqa.Domain.Organizations.OrganizationTypes.DisplayName(t)));
        if (Filter.Ministry is not null) parts.Add(Filter.Ministry);
        if (Filter.Cluster is not null) parts.Add(Filter.Cluster);
        if (Filter.Band is { } b) parts.Add(Bilingual.T(Pmqa.Domain.Frameworks.Names.DisplayName(b)));
        return parts.Count == 0 ? Bilingual.T("ทุกหน่วยงานของรอบ", "Every organisation of the round") : string.Join(" · ", parts);
    }
}
