using System.Globalization;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmqa.Web.Features.Certificates;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Pmqa.Web.Tests.Features.Reports;

/// <summary>The agency report (issue 10): one JSON, and a page, a PDF and an Excel workbook that show its numbers.</summary>
public abstract class ReportTests(PmqaApp app)
{
    private static string Url(Guid assessment, string path = "") => $"/api/v1/assessments/{assessment}/report{path}";

    private static string S(JsonElement e) => e.GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_verified_report_has_self_verified_scores_strengths_and_the_PDF_and_Excel_carry_the_same_numbers()
    {
        var s = await app.VerifiedAsync();
        var team = s.Team;
        var report = await (await team.Coordinator.GetAsync(Url(team.AssessmentId))).JsonAsync();

        // The report's figures are the score API's (self) and the feedback report's (verified).
        var score = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/score")).JsonAsync();
        var feedback = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/feedback")).JsonAsync();
        var totals = report.GetProperty("totals");
        Assert.Equal(score.GetProperty("total").GetDecimal(), totals.GetProperty("self").GetDecimal());
        Assert.Equal(feedback.GetProperty("verifiedTotal").GetDecimal(), totals.GetProperty("verified").GetDecimal());
        Assert.Equal("verified", totals.GetProperty("headlineKind").GetString());
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("final").ValueKind);
        var categories = report.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(7, categories.Count);
        Assert.Equal(score.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("score").GetDecimal()), categories.Select(c => c.GetProperty("self").GetDecimal()));
        Assert.Equal(feedback.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("verifiedScore").GetDecimal()), categories.Select(c => c.GetProperty("verified").GetDecimal()));
        Assert.Equal(30, report.GetProperty("issues").GetArrayLength());
        Assert.Equal(3, report.GetProperty("dimensions").GetArrayLength());
        Assert.Contains(report.GetProperty("strengthsAndOpportunities").EnumerateArray(),
            f => f.GetProperty("issueCode").GetString() == "1.2" && f.GetProperty("opportunities").GetString() == "ควรขยายผลประเด็น 1.2");
        Assert.Equal("verified", report.GetProperty("gaps").GetProperty("basis").GetString());
        Assert.Equal(s.Team.Org.Code, report.GetProperty("cover").GetProperty("organizationCode").GetString());

        // The PDF's text layer has every category's self and verified score, in the table's order, and both totals.
        var pdfResponse = await team.Coordinator.GetAsync(Url(team.AssessmentId, ".pdf"));
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        var pdf = await pdfResponse.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(pdf))
        {
            Assert.True(document.NumberOfPages >= 3, $"{document.NumberOfPages} pages");
            var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            var expected = categories.SelectMany(c => new[] { S(c.GetProperty("self")), S(c.GetProperty("verified")) })
                .Append(S(totals.GetProperty("self"))).Append(S(totals.GetProperty("verified"))).ToList();
            var position = text.IndexOf(expected[0], StringComparison.Ordinal);
            foreach (var number in expected)
            {
                position = text.IndexOf(number, position, StringComparison.Ordinal);
                Assert.True(position >= 0, $"{number} is not in the PDF's text after the numbers before it");
            }
            // Page numbers and the running header are in the text layer of every page.
            var last = document.GetPage(document.NumberOfPages);
            Assert.Contains($"{document.NumberOfPages} / {document.NumberOfPages}", string.Join(" ", last.GetWords().Select(w => w.Text)));
        }
        var png = await ReportSeed.RenderPageAsync(pdf, 2, "report-pdf-page-2");
        Assert.True(new FileInfo(png).Length > 10_000, "the rendered page is nearly empty");

        // Excel: one sheet per part, scores as numbers equal to the API's, header rows frozen.
        var xlsx = await team.Coordinator.GetAsync(Url(team.AssessmentId, ".xlsx"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheets = book.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToDictionary(x => x.Name!.Value!, x => (WorksheetPart)book.WorkbookPart.GetPartById(x.Id!));
        Assert.Equal(["สรุป (Summary)", "หมวด (Categories)", "ประเด็น (Issues)", "มิติ 4.0 (Gov 4.0)", "ช่องว่าง (Gaps)", "เส้นทาง (Path)", "จุดแข็ง (Strengths)", "แผน (Plan)"], sheets.Keys);
        Assert.All(sheets.Values, sheet => Assert.Equal(PaneStateValues.Frozen, sheet.Worksheet.Descendants<Pane>().Single().State!.Value));
        var cells = sheets["หมวด (Categories)"].Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        for (var n = 0; n < categories.Count; n++)
        {
            Assert.Equal(CellValues.Number, cells[$"E{n + 2}"].DataType!.Value);
            Assert.Equal(categories[n].GetProperty("self").GetDecimal(), decimal.Parse(cells[$"E{n + 2}"].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(categories[n].GetProperty("verified").GetDecimal(), decimal.Parse(cells[$"F{n + 2}"].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.False(cells.ContainsKey($"G{n + 2}"), "no final score yet: the cell stays empty, never 0");
        }
        var summary = sheets["สรุป (Summary)"].Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(totals.GetProperty("verified").GetDecimal(), decimal.Parse(summary["B8"].CellValue!.Text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_draft_report_has_only_self_assessed_scores_and_the_fewest_ticks_to_the_next_line()
    {
        var team = await app.AgencyAsync();
        var ticked = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1",
            new { @checked = new[] { "1.1.B1" } }, await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1")));
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);

        var report = await (await team.Coordinator.GetAsync(Url(team.AssessmentId))).JsonAsync();

        var totals = report.GetProperty("totals");
        Assert.Equal("self", totals.GetProperty("headlineKind").GetString());
        Assert.Equal(JsonValueKind.Null, totals.GetProperty("verified").ValueKind);
        Assert.All(report.GetProperty("categories").EnumerateArray(), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("verified").ValueKind));
        Assert.Equal(0, report.GetProperty("strengthsAndOpportunities").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("plan").ValueKind);
        var path = report.GetProperty("path");
        var total = totals.GetProperty("self").GetDecimal();
        Assert.True(path.GetProperty("target").GetDecimal() > total);
        // The same path the path API gives for that target.
        var api = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/path?target={path.GetProperty("target").GetDecimal().ToString(CultureInfo.InvariantCulture)}")).JsonAsync();
        Assert.Equal(api.GetProperty("ticks").GetArrayLength(), path.GetProperty("ticks").GetInt32());
        Assert.Equal("self", report.GetProperty("gaps").GetProperty("basis").GetString());
        Assert.Contains(report.GetProperty("gaps").GetProperty("items").EnumerateArray(),
            g => g.GetProperty("issueCode").GetString() == "1.1" && g.GetProperty("missingItems").EnumerateArray().Any(i => i.GetString() == "1.1.B2"));
    }

    [Fact]
    public async Task The_page_shows_the_reports_numbers_and_is_linked_from_the_assessment()
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        var report = await (await team.Coordinator.GetAsync(Url(team.AssessmentId))).JsonAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);

        var home = await browser.GetHtmlAsync($"/assessments/{team.AssessmentId}");
        Assert.Equal($"/assessments/{team.AssessmentId}/report", home.QuerySelector("#report-link")!.GetAttribute("href"));
        var page = await browser.GetHtmlAsync($"/assessments/{team.AssessmentId}/report");
        Assert.Equal(S(report.GetProperty("totals").GetProperty("self")), page.QuerySelector("#report-total-self")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#report-category-table tbody tr").ToList();
        Assert.Equal(report.GetProperty("categories").EnumerateArray().Select(c => S(c.GetProperty("self"))), rows.Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("svg#radar-self-verified polygon"));
        Assert.Contains("ข้อมูลลักษณะสำคัญขององค์การ หัวข้อ P1", page.QuerySelector(".report-profile")!.TextContent);
        Assert.Equal($"/assessments/{team.AssessmentId}/report.docx", page.QuerySelector("#download-docx")!.GetAttribute("href"));
        foreach (var format in new[] { "pdf", "xlsx", "docx" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/assessments/{team.AssessmentId}/report.{format}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/assessments/{team.AssessmentId}/report.csv")).StatusCode);
    }

    /// <summary>Issue 13: printing is bounded (Pdf:MaxConcurrentPrints). A PDF asked for while every slot is taken
    /// waits for one; when none frees within Pdf:QueueTimeoutSeconds the answer is a clear 503 with Retry-After.</summary>
    [Fact]
    public async Task A_PDF_waits_for_a_free_print_slot_and_answers_503_with_Retry_After_when_none_frees()
    {
        var team = await app.AgencyAsync();
        var slots = app.Services.GetRequiredService<PrintSlots>();
        var options = app.Services.GetRequiredService<IOptions<PdfOptions>>().Value;
        var timeout = options.QueueTimeoutSeconds;
        var held = new List<IDisposable>();
        try
        {
            for (var i = 0; i < slots.Count; i++) held.Add(await slots.EnterAsync());
            options.QueueTimeoutSeconds = 0;
            var busy = await team.Coordinator.GetAsync(Url(team.AssessmentId, ".pdf"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(PrinterBusyException.RetryAfterSeconds), busy.Headers.RetryAfter!.Delta);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType!.MediaType);
            var problem = await busy.JsonAsync();
            Assert.Contains(problem.GetProperty("title").GetString(), new[] { PrinterBusyException.Title.Th, PrinterBusyException.Title.En });
            var page = await (await app.BrowserAsync(team.CoordinatorEmail, Seed.Password)).GetAsync($"/assessments/{team.AssessmentId}/report.pdf");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains(PrinterBusyException.Explanation.Th, await page.Content.ReadAsStringAsync());

            // Queued, not refused: the print starts as soon as a slot frees.
            options.QueueTimeoutSeconds = 60;
            var queued = team.Coordinator.GetAsync(Url(team.AssessmentId, ".pdf"));
            await Task.Delay(500);
            Assert.False(queued.IsCompleted, "the PDF was printed while every slot was taken");
            held[0].Dispose();
            var printed = await queued;
            Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await printed.Content.ReadAsByteArrayAsync(), 0, 4));
        }
        finally
        {
            foreach (var slot in held) slot.Dispose();
            options.QueueTimeoutSeconds = timeout;
        }
    }

    /// <summary>ADR 0038: the printer keeps a warm page per slot and reuses it. The second agency's report printed on the
    /// page that printed the first carries the second's code and nothing of the first's.</summary>
    [Fact]
    public async Task A_reused_print_page_prints_the_second_agencys_report_without_the_firsts_data()
    {
        var first = await app.AgencyAsync();
        var second = await app.AgencyAsync();
        var printer = app.Services.GetRequiredService<PdfPrinter>();
        static string Text(byte[] pdf)
        {
            using var document = PdfDocument.Open(pdf);
            return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        }

        var one = await first.Admin.GetByteArrayAsync(Url(first.AssessmentId, ".pdf"));
        var opened = printer.PagesOpened;
        var two = await first.Admin.GetByteArrayAsync(Url(second.AssessmentId, ".pdf"));

        Assert.Equal(opened, printer.PagesOpened); // the second print opened no page: it reused the first's
        Assert.Contains(first.Org.Code, Text(one));
        var text = Text(two);
        Assert.Contains(second.Org.Code, text);
        Assert.DoesNotContain(first.Org.Code, text);
    }

    [Fact]
    public async Task Another_agency_gets_404_for_every_report_and_OPDC_reads_them()
    {
        var team = await app.AgencyAsync();
        var outsiderOrg = await team.Admin.OrganizationAsync();
        var outsider = await team.Admin.PersonAsync(outsiderOrg, "coordinator");
        var api = await app.ApiAsync(outsider.Email, Seed.Password);
        var pages = await app.BrowserAsync(outsider.Email, Seed.Password);

        foreach (var path in new[] { "", ".pdf", ".xlsx", ".docx" })
        {
            var response = await api.GetAsync(Url(team.AssessmentId, path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(team.Org.Code, await response.Content.ReadAsStringAsync());
        }
        foreach (var path in new[] { "report", "report.pdf", "report.xlsx", "report.docx" })
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/assessments/{team.AssessmentId}/{path}")).StatusCode);

        var opdc = await team.Admin.GetAsync(Url(team.AssessmentId));
        Assert.Equal(HttpStatusCode.OK, opdc.StatusCode);
        Assert.Equal(team.Org.Code, (await opdc.JsonAsync()).GetProperty("cover").GetProperty("organizationCode").GetString());
    }
}

public sealed class ReportTests_Sqlite(SqliteApp app) : ReportTests(app), IClassFixture<SqliteApp>;
public sealed class ReportTests_Postgres(PostgresApp app) : ReportTests(app), IClassFixture<PostgresApp>;
