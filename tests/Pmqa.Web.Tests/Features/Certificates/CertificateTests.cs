using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Certificates;

public abstract class CertificateTests(PmqaApp app)
{
    [Fact]
    public async Task The_verify_page_shows_the_certificate_to_anyone_without_scores_or_people()
    {
        var team = await app.AgencyAsync();
        var id = await app.CertifyAsync(team.AssessmentId, "Advance", 456.78m);

        var page = await app.Anonymous().GetHtmlAsync($"/verify/{id}");

        Assert.Contains(team.Org.NameTh, page.QuerySelector("#organization")!.TextContent);
        Assert.Equal("ระดับก้าวหน้า", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("ใช้ได้", page.QuerySelector("#validity")!.TextContent.Trim());
        Assert.Contains("ปีงบประมาณ พ.ศ. 2570", page.Body!.TextContent);
        Assert.DoesNotContain("456.78", page.Body.TextContent);
        Assert.DoesNotContain("12.34", page.Body.TextContent); // an issue's score
        Assert.DoesNotContain(team.CoordinatorEmail, page.Body.TextContent);
        Assert.Matches(@"^PMQA-2570-\d{6}$", page.QuerySelector("#number")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_revoked_or_expired_certificate_says_so_and_an_unknown_one_is_not_found()
    {
        var revoked = await app.CertifyAsync((await app.AgencyAsync()).AssessmentId, revokedAt: DateTimeOffset.UtcNow.AddDays(-1));
        var expired = await app.CertifyAsync((await app.AgencyAsync()).AssessmentId, validUntil: DateTimeOffset.UtcNow.AddDays(-1));
        var client = app.Anonymous();

        Assert.Equal("ถูกเพิกถอนแล้ว", (await client.GetHtmlAsync($"/verify/{revoked}")).QuerySelector("#validity")!.TextContent.Trim());
        Assert.Equal("หมดอายุแล้ว", (await client.GetHtmlAsync($"/verify/{expired}")).QuerySelector("#validity")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/verify/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/public/certificates/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_public_API_answers_without_a_token_and_without_the_score()
    {
        var team = await app.AgencyAsync();
        var id = await app.CertifyAsync(team.AssessmentId, "Significance", 512.5m);

        var response = await app.Anonymous().GetAsync($"/api/v1/public/certificates/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(team.Org.NameTh, json.GetProperty("organizationNameTh").GetString());
        Assert.Equal("Significance", json.GetProperty("status").GetString());
        Assert.Equal("valid", json.GetProperty("validity").GetString());
        Assert.Equal(2570, json.GetProperty("fiscalYear").GetInt32());
        Assert.DoesNotContain("512.5", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_agency_gets_404_for_the_PDF_and_the_agency_itself_gets_a_Thai_PDF()
    {
        var team = await app.AgencyAsync();
        var id = await app.CertifyAsync(team.AssessmentId);
        var outsiderOrg = await team.Admin.OrganizationAsync();
        var outsider = await team.Admin.PersonAsync(outsiderOrg, "coordinator");

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync(outsider.Email, Seed.Password)).GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAsync(outsider.Email, Seed.Password)).GetAsync($"/certificates/{id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync($"/api/v1/certificates/{Guid.NewGuid()}/pdf")).StatusCode);

        var response = await (await app.BrowserAsync(team.CoordinatorEmail, Seed.Password)).GetAsync($"/certificates/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var text = await PdfTextAsync(pdf);
        Assert.Contains(team.Org.NameTh, text);
        Assert.Contains("ระดับก้าวหน้า", text);
        var number = await app.WithDbAsync(db => db.Certificates.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        Assert.Matches(@"^PMQA-2570-\d{6}$", number);
        Assert.Contains(number, text);
        Assert.DoesNotContain(id.ToString(), text);

        // OPDC reads it through the API too.
        var api = await team.Admin.GetAsync($"/api/v1/certificates/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal("application/pdf", api.Content.Headers.ContentType!.MediaType);
    }

    /// <summary>The PDF's text as poppler's pdftotext reads it (what a search or a screen reader finds).</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pmqa-certificate-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class CertificateTests_Sqlite(SqliteApp app) : CertificateTests(app), IClassFixture<SqliteApp>;
public sealed class CertificateTests_Postgres(PostgresApp app) : CertificateTests(app), IClassFixture<PostgresApp>;
