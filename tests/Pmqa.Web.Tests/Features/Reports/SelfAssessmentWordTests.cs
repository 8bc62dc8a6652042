using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmqa.Web.Tests.Features.Evidence;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reports;

/// <summary>The self-assessment report as an editable Word document (issue 10), opened with OpenXml as Word would
/// read it, and converted by LibreOffice to PDF and PNG to look at.</summary>
public abstract class SelfAssessmentWordTests(PmqaApp app)
{
    [Fact]
    public async Task The_Word_report_has_heading_styles_the_Thai_font_indicator_tables_ticks_explanations_and_evidence_names()
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        var upload = await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence",
            EvidenceFiles.Form(EvidenceFiles.Pdf("word"), "แผนยุทธศาสตร์-2570.pdf", "1.1"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);

        var response = await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/report.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"pmqa-self-assessment-2570-{team.Org.Code}.docx", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;

        // TH SarabunPSK 16 pt for every script, Laksaman named as its substitute.
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var fonts = defaults.GetFirstChild<RunFonts>()!;
        Assert.Equal(["TH SarabunPSK", "TH SarabunPSK", "TH SarabunPSK"], new[] { fonts.Ascii!.Value!, fonts.HighAnsi!.Value!, fonts.ComplexScript!.Value! });
        Assert.Equal("32", defaults.GetFirstChild<FontSize>()!.Val!.Value);
        Assert.Equal("32", defaults.GetFirstChild<FontSizeComplexScript>()!.Val!.Value);
        var sarabun = main.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "TH SarabunPSK");
        Assert.Equal("Laksaman", sarabun.AltName!.Val!.Value);

        // Word's own heading styles, at outline levels 1 and 2, hold the categories and the issues.
        var styles = main.StyleDefinitionsPart.Styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal(0, styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal(1, styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        var body = main.Document.Body!;
        string Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var headings1 = body.Elements<Paragraph>().Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal("ลักษณะสำคัญขององค์การ", headings1[0]);
        Assert.Equal(8, headings1.Count);
        Assert.StartsWith("หมวด 1 ", headings1[1]);
        var headings2 = body.Elements<Paragraph>().Where(p => Style(p) == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Contains(headings2, h => h.StartsWith("P1 "));
        Assert.Equal(30, headings2.Count(h => char.IsDigit(h[0])));
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC"));

        // Issue 1.1: its ticked items, its explanation and its evidence file; 7.1: its indicator as a real table.
        var text = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var issue = text.FindIndex(t => t.StartsWith("1.1 "));
        var next = text.FindIndex(issue + 1, t => t.StartsWith("1.2 "));
        var part = text[issue..next];
        Assert.Contains(part, t => t.StartsWith("☑ 1.1.B1 "));
        Assert.DoesNotContain(part, t => t.StartsWith("☑ 1.1.A1 "));
        Assert.Contains("คำอธิบายประเด็น 1.1", part);
        Assert.Contains("1. แผนยุทธศาสตร์-2570.pdf", part);
        Assert.Contains("ข้อมูลลักษณะสำคัญขององค์การ หัวข้อ P1", text);
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First(t => t.InnerText.Contains("ตัวชี้วัด 7.1"));
        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(["ตัวชี้วัด", "หน่วย", "ทิศทาง", "ค่าเป้าหมาย", "2568", "2569", "2570", "ค่าเปรียบเทียบ"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(["ตัวชี้วัด 7.1", "ร้อยละ", "ยิ่งสูงยิ่งดี", "80", "70", "75", "80", "–"], rows[1].Elements<TableCell>().Select(c => c.InnerText));
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());

        // LibreOffice opens it as Word would and renders it; one page is kept to look at.
        if (LibreOffice() is { } soffice)
        {
            var folder = Directory.CreateTempSubdirectory("pmqa-docx-").FullName;
            try
            {
                var file = Path.Combine(folder, "report.docx");
                await File.WriteAllBytesAsync(file, bytes);
                await ReportSeed.RunAsync(soffice, "--headless", "--norestore", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, file);
                var pdf = await File.ReadAllBytesAsync(Path.Combine(folder, "report.pdf"));
                using var converted = UglyToad.PdfPig.PdfDocument.Open(pdf);
                Assert.True(converted.NumberOfPages > 10, $"{converted.NumberOfPages} pages");
                await ReportSeed.RenderPageAsync(pdf, 3, "report-docx-page-3");
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>LibreOffice when installed (test.sh installs Debian's libreoffice-writer-nogui).</summary>
    private static string? LibreOffice() => new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
}

public sealed class SelfAssessmentWordTests_Sqlite(SqliteApp app) : SelfAssessmentWordTests(app), IClassFixture<SqliteApp>;
public sealed class SelfAssessmentWordTests_Postgres(PostgresApp app) : SelfAssessmentWordTests(app), IClassFixture<PostgresApp>;
