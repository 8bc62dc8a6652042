using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.Reviews;

/// <summary>The reviewer's desk: every assessment it reviews, with where its own review stands.</summary>
public sealed class IndexModel(ReviewQueries queries, Infrastructure.Auth.CurrentUser me) : PageModel
{
    public IReadOnlyList<MyAssignment> Assignments { get; private set; } = [];
    public bool SeesAll { get; private set; }

    public async Task OnGetAsync()
    {
        Assignments = await queries.MineAsync(HttpContext.RequestAborted);
        SeesAll = await me.SeesAllOrganizationsAsync();
    }
}
