using System.Net;
using System.Text.Json;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

public abstract class EvidenceApiTests(PmqaApp app)
{
    private static string Url(Guid assessment, string rest = "") => $"/api/v1/assessments/{assessment}/evidence{rest}";

    private static async Task<JsonElement> UploadAsync(HttpClient client, Guid assessment, byte[] content, string fileName, params string[] issueCodes)
    {
        var response = await client.PostAsync(Url(assessment), Form(content, fileName, issueCodes));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, Guid assessment)
    {
        var response = await client.GetAsync(Url(assessment));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }

    private static async Task<string> FileErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
    }

    [Fact]
    public async Task A_pdf_with_a_Thai_name_comes_back_byte_for_byte_under_its_name()
    {
        var team = await app.AgencyAsync();
        var pdf = Pdf("thai-name");
        var uploaded = await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(pdf, "แผนยุทธศาสตร์ ปี 2570.pdf", "1.1"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = await uploaded.JsonAsync();
        Assert.Equal("แผนยุทธศาสตร์ ปี 2570.pdf", body.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", body.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, body.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), body.GetProperty("sha256").GetString());
        Assert.EndsWith($"/evidence/{body.GetProperty("id").GetGuid()}", uploaded.Headers.Location!.ToString());

        // The executive (who may look but not edit) downloads it.
        var download = await team.Executive.GetAsync(Url(team.AssessmentId, $"/{body.GetProperty("id").GetGuid()}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("แผนยุทธศาสตร์ ปี 2570.pdf", disposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_type_is_read_from_the_content_not_the_name()
    {
        var team = await app.AgencyAsync();
        var exe = await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(Executable(), "รายงาน.pdf"));
        Assert.Contains("PDF", await FileErrorAsync(exe));
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Coordinator.PostAsync(Url(team.AssessmentId), Form("<html><script>alert(1)</script></html>"u8.ToArray(), "page.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(Zip("a.txt", "b.txt"), "archive.docx"))).StatusCode);
        var macros = await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "macro.docx"));
        Assert.Contains("มาโคร", await FileErrorAsync(macros));
        Assert.Empty(await ListAsync(team.Coordinator, team.AssessmentId));

        // A picture named like a PDF (and sent as one) is stored and served as the picture it is.
        var png = await UploadAsync(team.Coordinator, team.AssessmentId, Png(), "photo.pdf");
        Assert.Equal("image/png", png.GetProperty("contentType").GetString());
        Assert.Equal("photo.pdf.png", png.GetProperty("fileName").GetString());
        var docx = await UploadAsync(team.Coordinator, team.AssessmentId, Docx(), "บันทึกการประชุม.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.GetProperty("contentType").GetString());
        var doc = await UploadAsync(team.Coordinator, team.AssessmentId, CompoundFile("WordDocument", "1Table", "SummaryInformation"), "old.doc");
        Assert.Equal("application/msword", doc.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Missing_file_and_unknown_issues_are_400_naming_the_field()
    {
        var team = await app.AgencyAsync();
        var empty = new MultipartFormDataContent { { new StringContent("1.1"), "issueCodes" } };
        await FileErrorAsync(await team.Coordinator.PostAsync(Url(team.AssessmentId), empty));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType,
            (await team.Coordinator.PostAsync(Url(team.AssessmentId), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var unknown = await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(Pdf(), "a.pdf", "9.9"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("issueCodes", out _));
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once()
    {
        var team = await app.AgencyAsync();
        var other = await app.AgencyAsync();
        var pdf = Pdf("twice");
        var blobs = () => Directory.Exists(app.BlobPath) ? Directory.EnumerateFiles(app.BlobPath, "*", SearchOption.AllDirectories).Count(f => !f.StartsWith(Path.Combine(app.BlobPath, "tmp"))) : 0;
        var before = blobs();

        var first = await UploadAsync(team.Coordinator, team.AssessmentId, pdf, "ครั้งแรก.pdf", "1.1");
        var again = await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(pdf, "อีกครั้ง.pdf", "2.1"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the file already there, now linked to 2.1 as well
        var second = await again.JsonAsync();
        var elsewhere = await UploadAsync(other.Coordinator, other.AssessmentId, pdf, "ของอีกกรม.pdf");

        var sha = first.GetProperty("sha256").GetString()!;
        Assert.Equal(sha, second.GetProperty("sha256").GetString());
        Assert.Equal(sha, elsewhere.GetProperty("sha256").GetString());
        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.NotEqual(first.GetProperty("id").GetGuid(), elsewhere.GetProperty("id").GetGuid());
        Assert.Equal(before + 1, blobs());
        Assert.True(File.Exists(Path.Combine(app.BlobPath, sha[..2], sha)));
        var listed = Assert.Single(await ListAsync(team.Coordinator, team.AssessmentId));
        Assert.Equal(["1.1", "2.1"], listed.GetProperty("issueCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task One_file_supports_several_issues_and_can_be_unlinked()
    {
        var team = await app.AgencyAsync();
        var id = (await UploadAsync(team.Coordinator, team.AssessmentId, Pdf("links"), "คู่มือ.pdf")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/1.2"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/4.1"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/1.2"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/9.9"), null)).StatusCode);

        var item = Assert.Single(await ListAsync(team.Coordinator, team.AssessmentId));
        Assert.Equal(["1.2", "4.1"], item.GetProperty("issueCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("คู่มือ.pdf", item.GetProperty("fileName").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("uploadedBy").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.DeleteAsync(Url(team.AssessmentId, $"/{id}/links/1.2"))).StatusCode);
        item = Assert.Single(await ListAsync(team.Coordinator, team.AssessmentId));
        Assert.Equal(["4.1"], item.GetProperty("issueCodes").EnumerateArray().Select(c => c.GetString()));

        // The executive may look, not change.
        Assert.Single(await ListAsync(team.Executive, team.AssessmentId));
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Executive.PutAsync(Url(team.AssessmentId, $"/{id}/links/1.1"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Executive.PostAsync(Url(team.AssessmentId), Form(Pdf(), "x.pdf"))).StatusCode);
    }

    [Fact]
    public async Task A_removed_file_leaves_the_list_but_not_the_history()
    {
        var team = await app.AgencyAsync();
        var id = (await UploadAsync(team.Coordinator, team.AssessmentId, Pdf("removed"), "ฉบับเก่า.pdf", "3.1")).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.DeleteAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);

        Assert.Empty(await ListAsync(team.Coordinator, team.AssessmentId));
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/1.1"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.DeleteAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);

        var audit = await (await team.Admin.GetAsync($"/api/v1/audit?entityType=Evidence&entityKey={id}")).JsonAsync();
        var changes = audit.GetProperty("items").EnumerateArray().SelectMany(e => e.GetProperty("changes").EnumerateArray()).ToList();
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "FileName" && c.GetProperty("new").GetString() == "ฉบับเก่า.pdf");
        Assert.Contains(changes, c => c.GetProperty("field").GetString() == "RemovedAt" && c.GetProperty("new").GetString() is not null);
        var links = await (await team.Admin.GetAsync("/api/v1/audit?entityType=EvidenceLink")).JsonAsync();
        Assert.Contains(links.GetProperty("items").EnumerateArray(), e => e.GetProperty("changes").EnumerateArray()
            .Any(c => c.GetProperty("field").GetString() == "EvidenceId" && c.GetProperty("new").GetString() == id.ToString()));
    }

    [Fact]
    public async Task Another_agency_finds_nothing()
    {
        var team = await app.AgencyAsync();
        var id = (await UploadAsync(team.Coordinator, team.AssessmentId, Pdf("secret"), "ลับเฉพาะ-ไม่ให้ใครเห็น.pdf", "1.1")).GetProperty("id").GetGuid();
        var outsider = await app.AgencyAsync();
        var requests = new Func<HttpClient, Task<HttpResponseMessage>>[]
        {
            c => c.GetAsync(Url(team.AssessmentId)),
            c => c.GetAsync(Url(team.AssessmentId, $"/{id}")),
            c => c.PostAsync(Url(team.AssessmentId), Form(Pdf(), "x.pdf")),
            c => c.PutAsync(Url(team.AssessmentId, $"/{id}/links/2.1"), null),
            c => c.DeleteAsync(Url(team.AssessmentId, $"/{id}/links/1.1")),
            c => c.DeleteAsync(Url(team.AssessmentId, $"/{id}")),
            // The outsider's own assessment does not reach the victim's file either.
            c => c.GetAsync(Url(outsider.AssessmentId, $"/{id}")),
            c => c.DeleteAsync(Url(outsider.AssessmentId, $"/{id}")),
        };
        foreach (var request in requests)
        {
            var response = await request(outsider.Coordinator);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("ลับเฉพาะ", await response.Content.ReadAsStringAsync());
        }
        var item = Assert.Single(await ListAsync(team.Coordinator, team.AssessmentId));
        Assert.Equal(["1.1"], item.GetProperty("issueCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Evidence_cannot_change_once_the_assessment_is_submitted()
    {
        var team = await app.AgencyAsync();
        var id = (await UploadAsync(team.Coordinator, team.AssessmentId, Pdf("submitted"), "ส่งแล้ว.pdf", "1.1")).GetProperty("id").GetGuid();
        await team.CompleteAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await team.Coordinator.PostAsync(Url(team.AssessmentId), Form(Pdf(), "late.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Coordinator.PutAsync(Url(team.AssessmentId, $"/{id}/links/2.1"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Coordinator.DeleteAsync(Url(team.AssessmentId, $"/{id}/links/1.1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Coordinator.DeleteAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);
        Assert.Single(await ListAsync(team.Executive, team.AssessmentId));
        Assert.Equal(HttpStatusCode.OK, (await team.Executive.GetAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);
    }
}

public sealed class EvidenceApiTests_Sqlite(SqliteApp app) : EvidenceApiTests(app), IClassFixture<SqliteApp>;
public sealed class EvidenceApiTests_Postgres(PostgresApp app) : EvidenceApiTests(app), IClassFixture<PostgresApp>;
