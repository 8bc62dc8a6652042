using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.Practices;

/// <summary>OPDC's queue: examples shared by agencies and waiting for a decision, oldest first.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.OpdcOfficer)]
public sealed class PendingModel(PracticeQueries queries) : PageModel
{
    public IReadOnlyList<PracticeView> Pending { get; private set; } = [];

    public async Task OnGetAsync() => Pending = await queries.PendingAsync();
}
