using System.Net;
using Pmqa.Web.Features.Certificates;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>What the plan's print view shows: the plan, its follow-up reports, the inlined fonts and when it was printed.</summary>
public sealed record PlanPrintModel(PlanView Plan, IReadOnlyList<ReportView> Reports, string FontCss, DateTimeOffset PrintedAt);

/// <summary>
/// The plan with its 6- and 12-month follow-up as an A4 PDF: the Razor print view printed by the headless Chromium that
/// prints certificates (Thai shaped correctly, Sarabun inlined), with page numbers in the footer. In the reader's
/// language, like the pages.
/// </summary>
public sealed class PlanPdf(PlanQueries queries, RazorHtml razor, PdfPrinter printer, PrintFonts fonts, TimeProvider clock)
{
    public const string ViewPath = "/Features/Plans/PlanPrint.cshtml";
    public const string ContentType = "application/pdf";

    public sealed record File(byte[] Content, string FileName);

    public async Task<File?> PrintAsync(HttpContext http, Guid planId, CancellationToken ct = default)
    {
        if (await PlanExports.LoadAsync(queries, planId, ct) is not Outcome<(PlanView, List<ReportView>)>.Ok { Value: var (plan, reports) }) return null;
        var html = await razor.RenderAsync(http, ViewPath, new PlanPrintModel(plan, reports, fonts.Css, clock.GetUtcNow()));
        var pdf = await printer.PrintAsync(html, landscape: false, Footer(plan), ct);
        return new File(pdf, Path.ChangeExtension(PlanExports.FileName(plan), ".pdf"));
    }

    /// <summary>"แผนพัฒนาองค์การ ปี 2571 · หน้า 2 / 5": Chromium fills the page numbers. The template is drawn apart from the
    /// page, so it names an installed font (Laksaman) and carries its own styles.</summary>
    private static string Footer(PlanView plan)
    {
        var title = WebUtility.HtmlEncode(Bilingual.T($"แผนพัฒนาองค์การ ปีงบประมาณ {plan.FiscalYear} ฉบับที่ {plan.VersionNumber}",
            $"Improvement plan, fiscal year {plan.FiscalYear} BE, version {plan.VersionNumber}"));
        var (page, of) = (Bilingual.T("หน้า", "Page"), Bilingual.T("/", "of"));
        return $"""<div style="width:100%;box-sizing:border-box;padding:0 14mm;font-family:Laksaman,sans-serif;font-size:9pt;color:#444;display:flex;justify-content:space-between"><span>{title}</span><span>{page} <span class="pageNumber"></span> {of} <span class="totalPages"></span></span></div>""";
    }
}
