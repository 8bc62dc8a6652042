using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features;

public sealed class IndexModel(UserManager<AppUser> users, UserQueries queries, TimeProvider clock) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<UserMembership> Memberships { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync()
    {
        var details = await queries.FindAsync(Guid.Parse(users.GetUserId(User)!));
        DisplayName = details?.User.DisplayName ?? "";
        Memberships = details?.Memberships ?? [];
    }
}
