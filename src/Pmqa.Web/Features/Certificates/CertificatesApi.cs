namespace Pmqa.Web.Features.Certificates;

public static class CertificatesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/certificates/{certificateId:guid}/pdf", async (Guid certificateId, HttpContext http, CertificatePdf pdf, CancellationToken ct) =>
                await pdf.PrintAsync(http, certificateId, ct) is { } file
                    ? Results.File(file.Content, "application/pdf", file.FileName)
                    : Results.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/pdf").Produces(StatusCodes.Status404NotFound)
            .RequireAuthorization(CertificateSetup.ReaderPolicy)
            .WithTags("Certificates").WithSummary("The certificate as a PDF (OPDC, and the certified organisation's members)");
        api.MapGet("/public/certificates/{certificateId:guid}", async (Guid certificateId, CertificateQueries certificates, CancellationToken ct) =>
                await certificates.FindPublicAsync(certificateId, ct) is { } certificate ? Results.Ok(certificate) : Results.NotFound())
            .Produces<PublicCertificate>().Produces(StatusCodes.Status404NotFound)
            .AllowAnonymous()
            .WithTags("Certificates").WithSummary("Anyone: organisation, fiscal year, status and validity of a certificate (no scores, no people)");
    }
}
