using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

/// <summary>
/// Issue 13's hostile uploads: each is refused with a message at the file field and leaves nothing stored,
/// or is stored under a safe name and served so that no browser runs it.
/// </summary>
public abstract class HostileUploadTests(PmqaApp app)
{
    private static string Url(Guid assessment, string rest = "") => $"/api/v1/assessments/{assessment}/evidence{rest}";

    private async Task<(AgencyTeam Team, Func<byte[], string, Task<HttpResponseMessage>> Upload)> AgencyAsync()
    {
        var team = await app.AgencyAsync();
        return (team, (content, name) => team.Coordinator.PostAsync(Url(team.AssessmentId), RawForm(content, name)));
    }

    /// <summary>
    /// A multipart body written by hand: .NET's own client refuses control characters in a file name, a hostile
    /// client does not. The name goes as RFC 5987 <c>filename*</c>, percent-encoded UTF-8, which the server decodes.
    /// </summary>
    private static HttpContent RawForm(byte[] content, string fileName)
    {
        const string boundary = "hostile-boundary-7d4b60b";
        var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}\r\n" +
                   "Content-Type: application/octet-stream\r\n\r\n";
        var body = new ByteArrayContent([.. Encoding.UTF8.GetBytes(head), .. content, .. Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n")]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return body;
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
    }

    private static async Task AssertNothingStoredAsync(AgencyTeam team)
    {
        var list = await team.Coordinator.GetAsync(Url(team.AssessmentId));
        Assert.Empty((await list.JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Script_in_html_or_svg_is_refused_whatever_it_is_called()
    {
        var (team, upload) = await AgencyAsync();
        var svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>fetch('/api/v1/me')</script></svg>"u8.ToArray();
        foreach (var (content, name) in new[] { (svg, "chart.svg"), (svg, "chart.png"), ("<!doctype html><script>alert(1)</script>"u8.ToArray(), "page.html") })
            Assert.Contains("PDF", await RefusedAsync(await upload(content, name)));
        await AssertNothingStoredAsync(team);
    }

    [Fact]
    public async Task An_office_file_that_would_inflate_like_a_zip_bomb_is_refused_without_inflating_it()
    {
        var (team, upload) = await AgencyAsync();
        var bomb = DocxWithPart("word/media/blank.xml", 16 * 1024 * 1024); // 16 MB of zeros deflate to about 16 KB
        Assert.True(bomb.Length < 100 * 1024, $"the test's bomb should be small, is {bomb.Length} bytes");

        var message = await RefusedAsync(await upload(bomb, "รายงาน.docx"));
        Assert.Contains("200", message); // names the ratio it exceeds
        await AssertNothingStoredAsync(team);

        // A real document of the same size that does not inflate out of proportion is accepted.
        var ordinary = await upload(DocxWithPart("word/media/photo.bin", 64 * 1024, random: true), "ภาพ.docx");
        Assert.Equal(HttpStatusCode.Created, ordinary.StatusCode);
    }

    [Fact]
    public async Task An_empty_file_is_refused_with_a_message_that_says_it_is_empty()
    {
        var (team, upload) = await AgencyAsync();
        var message = await RefusedAsync(await upload([], "แผนงาน.pdf"));
        Assert.Contains("ว่างเปล่า (0 ไบต์)", message);
        Assert.Contains("แผนงาน.pdf", message);
        await AssertNothingStoredAsync(team);
    }

    [Theory]
    [InlineData("../../../../etc/cron.d/evil.pdf", "evil.pdf")]
    [InlineData("..\\..\\windows\\system32\\x.pdf", "x.pdf")]
    [InlineData("bell\u0007and\u0000nul\u001b.pdf", "bell_and_nul_.pdf")]
    [InlineData("invoice\u202Efdp.pdf", "invoicefdp.pdf")]
    public async Task Names_with_traversal_or_control_characters_are_stored_under_a_safe_name(string given, string stored)
    {
        var (team, upload) = await AgencyAsync();
        var response = await upload(Pdf(given), given);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(stored, body.GetProperty("fileName").GetString());

        var download = await team.Coordinator.GetAsync(Url(team.AssessmentId, $"/{body.GetProperty("id").GetGuid()}"));
        Assert.Equal(stored, download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task A_stored_file_is_served_as_a_sandboxed_attachment()
    {
        var (team, upload) = await AgencyAsync();
        // A PNG whose tail holds HTML: content sniffing could take it for a page, so the headers must forbid that.
        var png = (await (await upload([.. Png(), .. "<html><script>alert(1)</script>"u8.ToArray()], "photo.png")).JsonAsync()).GetProperty("id").GetGuid();

        var download = await team.Executive.GetAsync(Url(team.AssessmentId, $"/{png}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = download.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("sandbox", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
    }

    /// <summary>A Word document with one more part of <paramref name="bytes"/> (zeros, or random bytes that do not compress).</summary>
    private static byte[] DocxWithPart(string partName, int bytes, bool random = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
            using var part = zip.CreateEntry(partName, CompressionLevel.SmallestSize).Open();
            var chunk = new byte[64 * 1024];
            for (var written = 0; written < bytes; written += chunk.Length)
            {
                if (random) Random.Shared.NextBytes(chunk);
                part.Write(chunk, 0, Math.Min(chunk.Length, bytes - written));
            }
        }
        return buffer.ToArray();
    }
}

public sealed class HostileUploadTests_Sqlite(SqliteApp app) : HostileUploadTests(app), IClassFixture<SqliteApp>;
public sealed class HostileUploadTests_Postgres(PostgresApp app) : HostileUploadTests(app), IClassFixture<PostgresApp>;
