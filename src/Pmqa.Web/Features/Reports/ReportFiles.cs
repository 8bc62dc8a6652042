using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>A report file to send.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>The report's downloads, shared by the page routes (cookie) and the API (token): the agency report as
/// PDF or Excel, and the self-assessment report as Word.</summary>
public sealed class ReportFiles(ReportQueries reports, ReportPdf pdf, SelfAssessmentQueries selfAssessment)
{
    public const string PdfContentType = "application/pdf";

    public static readonly IReadOnlyList<string> Formats = ["pdf", "xlsx", "docx"];

    public async Task<Outcome<ReportFile>> MakeAsync(HttpContext http, Guid assessmentId, string format, CancellationToken ct = default)
    {
        switch (format)
        {
            case "pdf":
                return (await pdf.PrintAsync(http, assessmentId, ct)).Map(f => new ReportFile(f.Content, PdfContentType, f.FileName));
            case "xlsx":
                return (await reports.GetAsync(assessmentId, ct))
                    .Map(r => new ReportFile(ReportWorkbook.Xlsx(r), SpreadsheetBook.ContentType, ReportPdf.FileName(r, "xlsx")));
            case "docx":
                return (await selfAssessment.GetAsync(assessmentId, ct))
                    .Map(c => new ReportFile(SelfAssessmentDocx.Build(c), WordParts.ContentType, SelfAssessmentDocx.FileName(c)));
            default:
                return new Outcome<ReportFile>.NotFound();
        }
    }
}
