using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.Certificates;

/// <summary>The certificate as a PDF, for OPDC and the certified organisation's own members.</summary>
[Authorize(Policy = CertificateSetup.ReaderPolicy)]
public sealed class PdfModel(CertificatePdf pdf) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid certificateId, CancellationToken ct) =>
        await pdf.PrintAsync(HttpContext, certificateId, ct) is { } file
            ? File(file.Content, "application/pdf", file.FileName)
            : NotFound();
}
