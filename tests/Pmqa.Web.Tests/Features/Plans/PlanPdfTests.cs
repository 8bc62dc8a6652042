using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Pmqa.Web.Tests.Features.Plans;

/// <summary>The plan as a PDF (printed by headless Chromium) and the project form's order of issues.</summary>
public abstract class PlanPdfTests(PmqaApp app)
{
    [Fact]
    public async Task The_plan_PDF_carries_its_projects_budgets_and_page_numbers_on_A4_in_Sarabun()
    {
        var s = await app.DraftPlanAsync();
        var c = s.Team.Coordinator;
        foreach (var (title, budget) in new[] { ("พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร", 250_000m), ("ยกระดับการบริการประชาชนด้วยระบบดิจิทัล", 1_234_567.5m) })
        {
            var added = await c.SendVersionedAsync(HttpMethod.Post, s.Url("/projects"), PlanSeed.Project(s.CoordinatorId, title, budget), await c.ETagAsync(s.Url()));
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }
        await s.ApproveAsync();

        var response = await c.GetAsync(s.Url("/export.pdf"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("pmqa-plan-2570-oneYear-v1.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = PdfDocument.Open(bytes))
        {
            var page = pdf.GetPage(1);
            Assert.Equal(595, Math.Round(page.Width));   // A4 portrait in points
            Assert.Equal(842, Math.Round(page.Height));
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.Contains(Squeeze("พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร"), text);
            Assert.Contains(Squeeze("ยกระดับการบริการประชาชนด้วยระบบดิจิทัล"), text);
            Assert.Contains("250,000.00", text);
            Assert.Contains("1,234,567.50", text);
            Assert.Contains("1,484,567.50", text); // the total
            Assert.Contains(Squeeze($"หน้า 1 / {pdf.NumberOfPages}"), text);
            // The page's text is set in the inlined Sarabun, not a fallback.
            Assert.Contains(page.Letters, l => l.FontName?.Contains("Sarabun", StringComparison.OrdinalIgnoreCase) == true);
        }

        // In English for a reader who asks for it; another agency's coordinator gets 404.
        using var english = new HttpRequestMessage(HttpMethod.Get, s.Url("/export.pdf"));
        english.Headers.AcceptLanguage.ParseAdd("en");
        using (var pdf = PdfDocument.Open(await (await c.SendAsync(english)).Content.ReadAsByteArrayAsync()))
            Assert.Contains("Page1of", Squeeze(pdf.GetPage(1).Text));
        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync(s.Url("/export.pdf"))).StatusCode);

        // The plan page links to it.
        var browser = await app.BrowserAsync(s.Team.CoordinatorEmail, Seed.Password);
        var link = (await browser.GetHtmlAsync($"/plans/{s.PlanId}")).QuerySelector("a#plan-pdf")!.GetAttribute("href")!;
        var fromPage = await browser.GetAsync(link);
        Assert.Equal("application/pdf", fromPage.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_project_form_lists_the_selected_gaps_first_and_marks_them()
    {
        var s = await app.DraftPlanAsync();
        foreach (var code in new[] { "5.1", "2.2" })
        {
            var selected = await s.Team.Coordinator.SendVersionedAsync(HttpMethod.Put, $"/api/v1/assessments/{s.Team.AssessmentId}/gaps/{code}",
                new { selected = true, rationale = "เร่งด่วนที่สุด" }, "\"0\"");
            Assert.True(selected.StatusCode == HttpStatusCode.OK, await selected.Content.ReadAsStringAsync());
        }
        var browser = await app.BrowserAsync(s.Team.CoordinatorEmail, Seed.Password);
        var choices = (await browser.GetHtmlAsync($"/plans/{s.PlanId}")).QuerySelectorAll("#new-project .plan-issue-choices .form-check").ToList();
        var order = choices.Select(x => (Code: x.QuerySelector("input")!.GetAttribute("value"), Selected: x.GetAttribute("data-selected-gap") == "true")).ToList();
        Assert.Equal([("2.2", true), ("5.1", true)], order.Take(2).Select(x => (x.Code, x.Selected)).OrderBy(x => x.Code));
        Assert.All(order.Skip(2), x => Assert.False(x.Selected));
        Assert.Contains(order, x => x.Code == "1.1"); // the other issues follow
        Assert.Contains("ช่องว่างที่เลือก", choices[0].TextContent);
    }

    /// <summary>
    /// The text to compare: without white space, and without Thai vowel and tone marks above and below the line. Chromium
    /// shapes Thai with positioned variants of those marks, whose text PdfPig 0.1.16 does not read back (it gives a space
    /// or nothing, or a private-use code; poppler's pdftotext reads them), so the check is on the letters, in order, and on
    /// the figures. The shaping itself was looked at on a rendered page (pdftoppm).
    /// </summary>
    private static string Squeeze(string text) => string.Concat(text.Replace('\u0E33', '\u0E32').Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch) && !IsThaiMark(ch)));

    private static bool IsThaiMark(char ch) => ch is '\u0E31' or (>= '\u0E34' and <= '\u0E3A') or (>= '\u0E47' and <= '\u0E4E')
        or (>= '\uF700' and <= '\uF71F'); // the fonts' private-use glyphs for shifted marks (Laksaman's footer)
}

public sealed class PlanPdfTests_Sqlite(SqliteApp app) : PlanPdfTests(app), IClassFixture<SqliteApp>;
public sealed class PlanPdfTests_Postgres(PostgresApp app) : PlanPdfTests(app), IClassFixture<PostgresApp>;
