namespace Pmqa.Web.Features.Certificates;

/// <summary>The certificate document: the Razor print view, printed A4 landscape by Chromium.</summary>
public sealed class CertificatePdf(CertificateQueries certificates, RazorHtml razor, PdfPrinter printer)
{
    public const string ViewPath = "/Features/Certificates/CertificatePrint.cshtml";

    public sealed record File(byte[] Content, string FileName);

    public async Task<File?> PrintAsync(HttpContext http, Guid certificateId, CancellationToken ct = default)
    {
        if (await certificates.FindAsync(certificateId, ct) is not { } certificate) return null;
        var html = await razor.RenderAsync(http, ViewPath, certificate);
        var pdf = await printer.PrintAsync(html, landscape: true, ct);
        return new File(pdf, $"pmqa-certificate-{certificate.FiscalYear}-{certificate.OrganizationCode}.pdf");
    }
}
