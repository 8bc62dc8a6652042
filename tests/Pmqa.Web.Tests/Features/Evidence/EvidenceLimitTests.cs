using System.Net;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

/// <summary>An app that accepts evidence files of at most 1 KB.</summary>
public sealed class SmallEvidenceApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Evidence:MaxBytes"] = "1024";
            return settings;
        }
    }
}

public sealed class EvidenceLimitTests(SmallEvidenceApp app) : IClassFixture<SmallEvidenceApp>
{
    private static byte[] PdfOf(int length)
    {
        var pdf = Pdf();
        return [.. pdf, .. Enumerable.Repeat((byte)' ', length - pdf.Length)];
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_413_naming_the_file()
    {
        var team = await app.AgencyAsync();
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsync(url, Form(PdfOf(1024), "พอดี.pdf"))).StatusCode);

        var over = await team.Coordinator.PostAsync(url, Form(PdfOf(1025), "เกิน.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Contains("1 KB", (await over.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        // Far over the limit: refused while the request is read, with the same answer.
        var huge = await team.Coordinator.PostAsync(url, Form(PdfOf(3 * 1024 * 1024), "ใหญ่มาก.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("1 KB", (await huge.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Single((await (await team.Coordinator.GetAsync(url)).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_page_explains_a_file_that_is_too_large()
    {
        var team = await app.AgencyAsync();
        var coordinatorEmail = team.CoordinatorEmail;
        var browser = await app.BrowserAsync(coordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";

        var over = await EvidencePageTests.PostFileAsync(browser, page, "Upload", PdfOf(2048), "เกิน.pdf");
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.Contains("1 KB", (await over.HtmlAsync()).QuerySelector("#file-error")!.TextContent);

        var huge = await EvidencePageTests.PostFileAsync(browser, page, "Upload", PdfOf(3 * 1024 * 1024), "ใหญ่มาก.pdf");
        Assert.Equal(HttpStatusCode.Redirect, huge.StatusCode);
        var shown = await browser.GetHtmlAsync(huge.Headers.Location!.ToString());
        Assert.Contains("1 KB", shown.QuerySelector("#file-error")!.TextContent);
    }
}
