using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Reports.RoundPrints;

namespace Pmqa.Web.Features.Rounds;

/// <summary>The ZIP of every agency's report of a finished round print job (ADR 0038); 404 until it is stored whole.</summary>
public sealed class ReportPrintZipModel(RoundReportPrints prints) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid roundId, Guid jobId) =>
        await prints.OpenZipAsync(roundId, jobId, HttpContext.RequestAborted) is { } zip
            ? File(zip.Content, "application/zip", zip.FileName)
            : NotFound();
}
