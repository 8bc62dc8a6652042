using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Organizations;

public sealed class IndexModel(OrganizationQueries queries, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<OrganizationSummary> Organizations { get; private set; } = null!;
    public bool SeesAll { get; private set; }
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync()
    {
        SeesAll = await me.SeesAllOrganizationsAsync();
        IsAdmin = await me.IsSystemAdminAsync();
        Organizations = await queries.SearchAsync(Search, OrganizationTypes.TryParseApiName(Type, out var t) ? t : null, PageNumber);
    }
}
