using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

public abstract class EvidencePageTests(PmqaApp app)
{
    /// <summary>Posts a file the way a browser does: raw UTF-8 in the file name, the antiforgery token read from the page.</summary>
    internal static async Task<HttpResponseMessage> PostFileAsync(HttpClient browser, string page, string handler, byte[] content, string fileName,
        Dictionary<string, string>? fields = null)
    {
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync(page));
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var boundary = "----pmqa" + Guid.NewGuid().ToString("N");
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token })
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.Write(content);
        Write($"\r\n--{boundary}--\r\n");
        var request = new ByteArrayContent(body.ToArray());
        request.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return await browser.PostAsync($"{page}?handler={handler}", request);
    }

    [Fact]
    public async Task Uploading_from_an_issue_returns_there_and_the_page_lists_the_file()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";
        var issuePage = $"/assessments/{team.AssessmentId}/issues/1.1";
        var pdf = Pdf("page");

        var uploaded = await PostFileAsync(browser, page, "Upload", pdf, "ผังกระบวนการ.pdf", new() { ["issueCodes"] = "1.1", ["returnUrl"] = issuePage });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal(issuePage, uploaded.Headers.Location!.ToString());

        var list = await browser.GetHtmlAsync(page);
        var link = list.QuerySelectorAll("table a").Single(a => a.TextContent == "ผังกระบวนการ.pdf");
        Assert.Contains("1.1", list.QuerySelector("table tbody")!.TextContent);
        var download = await browser.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("ผังกระบวนการ.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);

        // An outside address is never followed.
        var away = await PostFileAsync(browser, page, "Upload", Pdf("away"), "อื่น.pdf", new() { ["returnUrl"] = "https://evil.example/" });
        Assert.Equal(HttpStatusCode.Redirect, away.StatusCode);
        Assert.StartsWith(page, away.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_refused_file_sends_the_person_back_to_the_issue_with_the_message_next_to_the_upload_field()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";
        var issuePage = $"/assessments/{team.AssessmentId}/issues/2.1";

        var refused = await PostFileAsync(browser, page, "Upload", Executable(), "รายงาน.pdf", new() { ["issueCodes"] = "2.1", ["returnUrl"] = issuePage });
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.StartsWith(issuePage + "#evidence-", refused.Headers.Location!.OriginalString);
        var html = await (await browser.GetAsync(issuePage)).HtmlAsync();
        Assert.Contains("PDF", html.QuerySelector("#evidence-2-1-file-error")!.TextContent);
        Assert.Contains("is-invalid", html.QuerySelector("#evidence-2-1-file")!.ClassName);
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Evidence, e => e.AssessmentId == team.AssessmentId)));
    }

    [Fact]
    public async Task Link_unlink_and_remove_through_the_page()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";
        var id = await Seed.IdOf(await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence", Form(Pdf("p"), "หนังสือเวียน.pdf")));

        var linked = await browser.PostFormAsync($"{page}?handler=Link", new() { ["evidenceId"] = id.ToString(), ["issueCode"] = "5.1" }, page);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var html = await browser.GetHtmlAsync(page);
        Assert.Contains("5.1", html.QuerySelector("table tbody")!.TextContent);
        Assert.NotNull(html.QuerySelector(".alert-success"));

        await browser.PostFormAsync($"{page}?handler=Unlink", new() { ["evidenceId"] = id.ToString(), ["issueCode"] = "5.1" }, page);
        Assert.Empty((await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence")).JsonAsync())[0].GetProperty("issueCodes").EnumerateArray());

        await browser.PostFormAsync($"{page}?handler=Remove", new() { ["evidenceId"] = id.ToString() }, page);
        Assert.Empty((await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence")).JsonAsync()).EnumerateArray());
        Assert.DoesNotContain("หนังสือเวียน.pdf", (await browser.GetHtmlAsync(page)).Body!.TextContent);
    }

    [Fact]
    public async Task An_outsider_gets_404_from_the_page_for_every_method()
    {
        var team = await app.AgencyAsync();
        var id = await Seed.IdOf(await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence", Form(Pdf("o"), "ความลับ.pdf")));
        var outsider = await app.AgencyAsync();
        var browser = await app.BrowserAsync(outsider.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{page}?handler=Download&evidenceId={id}")).StatusCode);
        // Posted with the outsider's own valid antiforgery token: still nothing.
        var own = $"/assessments/{outsider.AssessmentId}/evidence";
        var removed = await browser.PostFormAsync($"{page}?handler=Remove", new() { ["evidenceId"] = id.ToString() }, own);
        Assert.Equal(HttpStatusCode.NotFound, removed.StatusCode);
        Assert.Single((await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task The_issue_panel_shows_linked_files_and_offers_the_others()
    {
        var team = await app.AgencyAsync();
        var api = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        await team.Coordinator.PostAsync(api, Form(Pdf("a"), "ใช้กับ 1.1.pdf", "1.1"));
        var png = Png();
        await team.Coordinator.PostAsync(api, Form(png, "รูปกิจกรรม.png"));

        var editable = await RenderPanelAsync(team.CoordinatorEmail, team.AssessmentId, "1.1", canEdit: true);
        Assert.Equal(["ใช้กับ 1.1.pdf"], editable.QuerySelectorAll(".list-group-item a").Select(a => a.TextContent));
        Assert.Contains("ใช้กับ 1.1.pdf", editable.QuerySelector(".list-group-item")!.TextContent);
        var upload = editable.QuerySelector("form[enctype='multipart/form-data']")!;
        Assert.StartsWith($"/assessments/{team.AssessmentId}/evidence?", upload.GetAttribute("action"));
        Assert.Contains("handler=Upload", upload.GetAttribute("action"));
        Assert.NotNull(upload.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Contains(".pdf", upload.QuerySelector("input[type=file]")!.GetAttribute("accept"));
        Assert.Contains("25 MB", upload.TextContent);
        Assert.Equal([$"รูปกิจกรรม.png ({png.Length} bytes)"], editable.QuerySelectorAll("select[name=evidenceId] option").Select(o => o.TextContent));

        var readOnly = await RenderPanelAsync(team.CoordinatorEmail, team.AssessmentId, "1.1", canEdit: false);
        Assert.Empty(readOnly.QuerySelectorAll("form"));
        Assert.Single(readOnly.QuerySelectorAll(".list-group-item"));
    }

    /// <summary>Renders the partial as the issue page will, for a signed-in person.</summary>
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> RenderPanelAsync(string email, Guid assessmentId, string issueCode, bool canEdit)
    {
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var userId = await app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Email == email)).Id);
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = $"/assessments/{assessmentId}/issues/{issueCode}";
        http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString()), new(System.Security.Claims.ClaimTypes.Name, email)], "test"));
        http.SetEndpoint(new Endpoint(null, EndpointMetadataCollection.Empty, "issue page"));
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");

        var model = await services.GetRequiredService<EvidencePanels>().ForIssueAsync(assessmentId, issueCode, canEdit);
        var view = services.GetRequiredService<IRazorViewEngine>().GetView(null, "~/Features/Evidence/_EvidencePanel.cshtml", isMainPage: false).EnsureSuccessful([]).View!;
        var actionContext = new ActionContext(http, new RouteData(), new ActionDescriptor());
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(actionContext, view,
            new ViewDataDictionary<EvidencePanelModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model },
            new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>()), writer, new HtmlHelperOptions());
        await view.RenderAsync(viewContext);
        return new HtmlParser().ParseDocument(writer.ToString());
    }
}

public sealed class EvidencePageTests_Sqlite(SqliteApp app) : EvidencePageTests(app), IClassFixture<SqliteApp>;
public sealed class EvidencePageTests_Postgres(PostgresApp app) : EvidencePageTests(app), IClassFixture<PostgresApp>;
