using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>The report's files for a signed-in browser: /assessments/{id}/report.pdf, .xlsx (agency report) and .docx
/// (the self-assessment report in Word).</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class DownloadModel(ReportFiles files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string format) =>
        await files.MakeAsync(HttpContext, assessmentId, format, HttpContext.RequestAborted) is Outcome<ReportFile>.Ok { Value: var file }
            ? File(file.Content, file.ContentType, file.FileName)
            : NotFound();
}
