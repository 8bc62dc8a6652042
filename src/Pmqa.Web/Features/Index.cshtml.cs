using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Home;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features;

/// <summary>Home: the person's work list for every role they hold, each item one click from where they act.</summary>
public sealed class IndexModel(UserManager<AppUser> users, UserQueries queries, WorkList work, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<UserMembership> Memberships { get; private set; } = [];
    public WorkListView Work { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        var userId = Guid.Parse(users.GetUserId(User)!);
        var details = await queries.FindAsync(userId);
        DisplayName = details?.User.DisplayName ?? "";
        Memberships = details?.Memberships ?? [];
        Work = await work.ForAsync(userId, Memberships, HttpContext.RequestAborted);
    }
}
