using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Features.Clarifications;

/// <summary>"Waiting for the agency: N questions · due …" on an assessment's pages (or one issue's page).
/// Show it with <c>@await Component.InvokeAsync("ClarificationBanner", new { assessmentId, issueCode })</c>
/// on a page the caller has already been allowed to see.</summary>
public sealed class ClarificationBannerViewComponent(ClarificationQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid assessmentId, string? issueCode = null)
    {
        var waiting = await queries.WaitingAsync(assessmentId, issueCode, HttpContext.RequestAborted);
        return waiting.Count == 0 ? Content("") : View("~/Features/Clarifications/_ClarificationBanner.cshtml", waiting);
    }
}
