using System.IO.Compression;
using System.Net;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>A zip bomb dressed as a Word document, and what a killed process leaves in the blob store.</summary>
public sealed class EvidenceFileSafetyTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>A valid .docx whose document part is 20 MB of zeros: about 20 KB on the wire, a ratio near 1,000.</summary>
    private static byte[] BombDocx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++) part.Write(zeros);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_zip_bomb_named_docx_is_refused_with_a_message_and_not_stored()
    {
        var bomb = BombDocx();
        Assert.True(bomb.Length < 200_000);
        using (var stream = new MemoryStream(bomb))
            Assert.IsType<SniffResult.OfficeTooExpanded>(await ContentSniffer.DetectAsync(stream));

        var team = await app.AgencyAsync();
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        var response = await team.Coordinator.PostAsync(url, Form(bomb, "รายงาน.docx"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("200", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Empty((await (await team.Coordinator.GetAsync(url)).JsonAsync()).EnumerateArray());
        // A real document still goes in.
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsync(url, Form(Docx(), "จริง.docx"))).StatusCode);
    }

    [Fact]
    public void Temporary_files_left_by_a_killed_process_are_removed_on_start_and_fresh_ones_kept()
    {
        var root = Path.Combine(Path.GetTempPath(), "pmqa-blob-leftovers-" + Guid.NewGuid().ToString("N"));
        try
        {
            var tmp = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
            var old = Path.Combine(tmp, "left-by-a-kill");
            File.WriteAllText(old, "half a file");
            File.SetLastWriteTimeUtc(old, DateTime.UtcNow - FileSystemBlobStore.LeftoverAge - TimeSpan.FromMinutes(1));
            var writing = Path.Combine(tmp, "being-written-by-another-instance");
            File.WriteAllText(writing, "in progress");

            _ = new FileSystemBlobStore(root);

            Assert.False(File.Exists(old));
            Assert.True(File.Exists(writing));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
