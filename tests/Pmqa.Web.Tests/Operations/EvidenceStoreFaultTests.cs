using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Tests.Features.Evidence;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Operations;

/// <summary>The evidence store cannot take a file (here its working folder is made unusable, as a full or
/// read-only disk would be): the upload answers 503 "try again later" (a problem document or a friendly page),
/// no database row is written for the file, and uploads work again as soon as the store is fixed.
/// The file is written before its row, so a row never points at a missing file (bench/store-fault-drill.sh
/// shows the same on a really full filesystem).</summary>
public abstract class EvidenceStoreFaultTests(PmqaApp app)
{
    private string Temp => Path.Combine(app.BlobPath, "tmp");

    /// <summary>The folder new files are written into becomes a plain file: every write into it fails (ENOTDIR), even as root.</summary>
    private IDisposable BreakStore()
    {
        _ = app.Services.GetRequiredService<IBlobStore>(); // the store (and its folders) exists before it is broken
        Directory.Delete(Temp, recursive: true);
        File.WriteAllText(Temp, "not a folder");
        return new Fix(() => { File.Delete(Temp); Directory.CreateDirectory(Temp); });
    }

    private sealed class Fix(Action fix) : IDisposable
    {
        public void Dispose() => fix();
    }

    private Task<int> EvidenceRowsAsync(Guid assessment) =>
        app.WithDbAsync(db => db.Evidence.CountAsync(e => e.AssessmentId == assessment));

    [Fact]
    public async Task An_upload_the_store_cannot_take_answers_503_and_writes_no_row_then_works_once_fixed()
    {
        var team = await app.AgencyAsync();
        team.Coordinator.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        var pdf = Pdf("store-fault");
        using (BreakStore())
        {
            var refused = await team.Coordinator.PostAsync(url, Form(pdf, "แผน.pdf", "1.1"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
            var problem = await refused.JsonAsync();
            Assert.Equal("The evidence store is unavailable", problem.GetProperty("title").GetString());
            Assert.Contains("not saved", problem.GetProperty("detail").GetString());
            Assert.False(problem.TryGetProperty("exception", out _));
            Assert.Equal(0, await EvidenceRowsAsync(team.AssessmentId));
        }

        var stored = await team.Coordinator.PostAsync(url, Form(pdf, "แผน.pdf", "1.1"));
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var sha = (await stored.JsonAsync()).GetProperty("sha256").GetString()!;
        Assert.Equal(1, await EvidenceRowsAsync(team.AssessmentId));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(app.BlobPath, sha[..2], sha)));
    }

    [Fact]
    public async Task A_page_upload_the_store_cannot_take_shows_a_Thai_try_again_page()
    {
        var team = await app.AgencyAsync();
        var browser = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/evidence";
        using (BreakStore())
        {
            var refused = await EvidencePageTests.PostFileAsync(browser, page, "Upload", Pdf("page-fault"), "ผังกระบวนการ.pdf");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var html = await refused.HtmlAsync();
            Assert.Contains("ที่เก็บไฟล์หลักฐานไม่พร้อมใช้งาน", html.QuerySelector("h1")!.TextContent);
            Assert.Contains("ยังไม่ได้บันทึก", html.QuerySelector("main")?.TextContent ?? html.Body!.TextContent);
            Assert.Equal(0, await EvidenceRowsAsync(team.AssessmentId));
        }
    }
}

public sealed class EvidenceStoreFaultTests_Sqlite(SqliteApp app) : EvidenceStoreFaultTests(app), IClassFixture<SqliteApp>;
public sealed class EvidenceStoreFaultTests_Postgres(PostgresApp app) : EvidenceStoreFaultTests(app), IClassFixture<PostgresApp>;
