using Microsoft.AspNetCore.Mvc;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>The agency's anonymous position among organisations of its type, on the assessment's home. Show it with
/// <c>@await Component.InvokeAsync("Benchmark", new { assessmentId })</c> on a page the caller may already see.</summary>
public sealed class BenchmarkViewComponent(DashboardQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid assessmentId) =>
        await queries.BenchmarkAsync(assessmentId, HttpContext.RequestAborted) is Outcome<BenchmarkView>.Ok { Value: var view }
            ? View("~/Features/Dashboard/_Benchmark.cshtml", view)
            : Content("");
}
