using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Awards;

/// <summary>The award candidates as a spreadsheet: /rounds/{id}/awards.csv or .xlsx.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class ExportModel(AwardCandidates awards) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid roundId, string format)
    {
        if (format is not ("csv" or "xlsx") || await awards.FindAsync(roundId) is not { } list) return NotFound();
        return format == "csv"
            ? File(AwardExports.Csv(list), "text/csv; charset=utf-8", AwardExports.FileName(list, "csv"))
            : File(AwardExports.Xlsx(list), AwardExports.XlsxContentType, AwardExports.FileName(list, "xlsx"));
    }
}
