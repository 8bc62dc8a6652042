using System.Net;
using Microsoft.Extensions.FileProviders;
using Pmqa.Web.Features.Certificates;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>What the print view gets: the report and the Sarabun faces as CSS with data URIs (Chromium prints
/// offline, so nothing can be fetched from the application's address).</summary>
public sealed record ReportPrintView(AgencyReport Report, string FontFaces);

/// <summary>
/// The agency report as a PDF: the report's Razor content in a print view, printed A4 by the headless Chromium that
/// prints certificates, with a running header (organisation, fiscal year) and footer (page x of y). Text stays text
/// (Sarabun, Thai shaped by Chromium) and charts are SVG, so the PDF can be searched and zoomed.
/// </summary>
public sealed class ReportPdf(ReportQueries reports, RazorHtml razor, PdfPrinter printer, IWebHostEnvironment environment)
{
    public const string ViewPath = "/Features/Reports/ReportPrint.cshtml";

    /// <summary>Sarabun's Thai and Latin faces (regular and bold) as @font-face rules, read once per process.</summary>
    private static string? _fontFaces;

    public sealed record File(byte[] Content, string FileName);

    public async Task<Outcome<File>> PrintAsync(HttpContext http, Guid assessmentId, CancellationToken ct = default)
    {
        if (await reports.GetAsync(assessmentId, ct) is not Outcome<AgencyReport>.Ok { Value: var report }) return new Outcome<File>.NotFound();
        var html = await razor.RenderAsync(http, ViewPath, new ReportPrintView(report, FontFaces()));
        var pdf = await printer.PrintAsync(html, Setup(report), ct);
        return new File(pdf, FileName(report, "pdf"));
    }

    public static string FileName(AgencyReport report, string extension) =>
        $"pmqa-report-{report.Cover.FiscalYear}-{report.Cover.OrganizationCode}.{extension}";

    private static PdfPageSetup Setup(AgencyReport report)
    {
        var c = report.Cover;
        string E(string text) => WebUtility.HtmlEncode(text);
        // Chromium draws the templates in their own tiny document: every size and font is given here.
        const string box = "font-family: Laksaman, 'TH Sarabun New', sans-serif; font-size: 10pt; color: #44546f; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;";
        var header = $"<div style=\"{box}\"><span>{E(Bilingual.T(c.OrganizationNameTh, c.OrganizationNameEn))}</span>" +
                     $"<span>{E(Bilingual.T($"รายงานผลการประเมิน PMQA 4.0 ปีงบประมาณ {c.FiscalYear}", $"PMQA 4.0 report, fiscal year {c.FiscalYear}"))}</span></div>";
        var footer = $"<div style=\"{box}\"><span>{E(Bilingual.T("จัดทำเมื่อ ", "Made ") + Pmqa.Domain.Time.ThaiTime.FormatDateTime(report.GeneratedAt, Bilingual.IsThai))}</span>" +
                     $"<span>{E(Bilingual.T("หน้า ", "Page "))}<span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></span></div>";
        return new PdfPageSetup(header, footer);
    }

    private string FontFaces()
    {
        if (_fontFaces is not null) return _fontFaces;
        var files = environment.WebRootFileProvider;
        var css = new System.Text.StringBuilder();
        foreach (var (script, range) in new[] { ("thai", "U+0E01-0E5B, U+200C-200D, U+25CC"), ("latin", "U+0000-00FF, U+2000-206F, U+20AC, U+2212") })
            foreach (var weight in new[] { 400, 600, 700 })
            {
                var file = files.GetFileInfo($"lib/sarabun/files/sarabun-{script}-{weight}-normal.woff2");
                // Without the front-end packages (npm not run) the print falls back to the machine's Laksaman.
                if (!file.Exists) continue;
                using var stream = file.CreateReadStream();
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                css.Append($"@font-face {{ font-family: 'Sarabun'; font-weight: {weight}; font-style: normal; unicode-range: {range}; ")
                   .Append($"src: url(data:font/woff2;base64,{Convert.ToBase64String(bytes.ToArray())}) format('woff2'); }}\n");
            }
        return _fontFaces = css.ToString();
    }
}
