using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>The agency report as a page: the same content the PDF prints, with the PDF, Excel and Word downloads.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ReportPageModel(ReportQueries reports) : PageModel
{
    public AgencyReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (await reports.GetAsync(assessmentId, HttpContext.RequestAborted) is not Outcome<AgencyReport>.Ok { Value: var report }) return NotFound();
        Report = report;
        return Page();
    }
}
