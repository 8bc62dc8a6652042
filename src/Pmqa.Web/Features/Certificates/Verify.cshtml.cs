using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.Certificates;

/// <summary>The public page a certificate's QR code opens: anyone can check that it is genuine and still
/// valid. It shows only what the certificate itself states, never scores per issue nor people.</summary>
[AllowAnonymous]
public sealed class VerifyModel(CertificateQueries certificates) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid certificateId, CancellationToken ct)
    {
        if (await certificates.FindAsync(certificateId, ct) is not { } certificate) return NotFound();
        Certificate = certificate;
        return Page();
    }
}
