using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Reviews;

[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class WorkloadModel(ReviewWorkload workload) : PageModel
{
    public IReadOnlyList<Workload> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await workload.ListAsync(HttpContext.RequestAborted);
}
