using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features.Admin.Users;

public sealed class IndexModel(UserQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<UserSummary> Users { get; private set; } = null!;

    public async Task OnGetAsync() => Users = await queries.SearchAsync(Search, PageNumber);
}
