using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>The agency report (issue 10): JSON of everything it shows, the same as PDF and Excel, and the
/// self-assessment report as Word. The route's {assessmentId} gives the membership check (ADR 0013).</summary>
public static class ReportsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var one = api.MapGroup("/assessments/{assessmentId:guid}").WithTags("Reports").RequireAuthorization(Policies.AssessmentMember);
        one.MapGet("/report", async (Guid assessmentId, ReportQueries reports, CancellationToken ct) =>
                (await reports.GetAsync(assessmentId, ct)).ToHttp(report => TypedResults.Ok(report)))
            .WithSummary("Everything the agency report shows: cover, profile summary, totals, categories, issues, Government 4.0 dimensions (self, verified, final), last year, gaps, the path to the next threshold, strengths and opportunities, plan status");
        Download(one, "pdf", ReportFiles.PdfContentType, "The agency report as an A4 PDF (printed from the report page: page numbers, running header and footer, charts as SVG)");
        Download(one, "xlsx", SpreadsheetBook.ContentType, "The agency report as an Excel workbook: one sheet per part, numbers as numbers, header rows frozen");
        Download(one, "docx", WordParts.ContentType, "The self-assessment report as an editable Word document (TH SarabunPSK 16 pt, heading styles, indicator tables, evidence file names)");
    }

    private static void Download(RouteGroupBuilder one, string format, string contentType, string summary) =>
        one.MapGet($"/report.{format}", async (Guid assessmentId, HttpContext http, ReportFiles files, CancellationToken ct) =>
                await files.MakeAsync(http, assessmentId, format, ct) is Outcome<ReportFile>.Ok { Value: var file }
                    ? Results.File(file.Content, file.ContentType, file.FileName)
                    : Results.Problem(statusCode: 404, title: Bilingual.T("ไม่พบข้อมูล", "Not found")))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), contentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary(summary);
}
