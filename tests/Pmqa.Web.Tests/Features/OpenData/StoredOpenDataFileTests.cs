using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.OpenData;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Infrastructure.CertificationSeed;

namespace Pmqa.Web.Tests.Features.OpenData;

/// <summary>Issue 13 (ADR 0037): the results files are written once per change and served from the evidence store;
/// what a visitor downloads is always byte for byte what the published rows give now.</summary>
public abstract class StoredOpenDataFileTests(PmqaApp app)
{
    private sealed record Scenario(int FiscalYear, Guid RoundId, Seed.Org Certified, Seed.Org Verified, Guid VerifiedAssessment);

    /// <summary>A round of its own with one certified and one verified agency.</summary>
    private async Task<Scenario> ScenarioAsync()
    {
        var admin = await app.AdminApiAsync();
        var orgs = new List<Seed.Org> { await admin.OrganizationAsync(), await admin.OrganizationAsync() };
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var round = await admin.OpenRoundAsync(fiscalYear: fiscalYear);
        var assessments = new List<Guid>();
        foreach (var org in orgs)
        {
            var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
            assessments.Add(list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid());
        }
        await app.CertifyAsync(assessments[0], "Advance", 456.78m);
        await app.ScoreAsync(assessments[1], AssessmentState.Verified, ScoreJson(380.5m, "Basic", 50, 60, 70, 80, 90, 100, 110));
        return new Scenario(fiscalYear, round, orgs[0], orgs[1], assessments[1]);
    }

    private static string UrlOf(OpenDataFileSpec spec) =>
        "/api/v1/open-data/results" + (spec.FiscalYear is { } y ? $"/{y}" : "") + "." + spec.Format + (spec.AllVersions ? "?allVersions=true" : "");

    /// <summary>The file made whole from the published rows as they are now, the way it was made before it was stored.</summary>
    private async Task<byte[]> FreshRenderingAsync(OpenDataFileSpec spec)
    {
        await using var scope = app.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<OpenDataQueries>();
        var url = scope.ServiceProvider.GetRequiredService<PublicUrl>();
        var rows = await queries.ResultsAsync(spec.FiscalYear, spec.AllVersions);
        return spec.Format == "csv" ? OpenDataFiles.Csv(rows, url) : OpenDataFiles.JsonFile(rows, spec.FiscalYear, url);
    }

    /// <summary>Downloads each file of the year and of all years and compares it with a fresh rendering; returns the year's CSV.</summary>
    private async Task<string> EveryFileIsFreshAsync(int fiscalYear)
    {
        var client = app.Anonymous();
        foreach (var spec in new[]
                 {
                     new OpenDataFileSpec(fiscalYear, false, "csv"), new OpenDataFileSpec(fiscalYear, false, "json"),
                     new OpenDataFileSpec(fiscalYear, true, "csv"), new OpenDataFileSpec(null, false, "csv"),
                     new OpenDataFileSpec(null, false, "json"), new OpenDataFileSpec(null, true, "json"), new OpenDataFileSpec(null, true, "csv"),
                 })
        {
            var response = await client.GetAsync(UrlOf(spec));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True((await FreshRenderingAsync(spec)).AsSpan().SequenceEqual(bytes), $"{UrlOf(spec)} is not what the published rows give now");
            Assert.Equal($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"", response.Headers.ETag!.Tag); // the ETag is the content's hash
        }
        return Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/api/v1/open-data/results/{fiscalYear}.csv"));
    }

    [Fact]
    public async Task The_stored_files_are_byte_for_byte_a_fresh_rendering_after_publication_correction_and_withholding()
    {
        var s = await ScenarioAsync();
        var admin = await app.AdminApiAsync();
        Assert.DoesNotContain(s.Certified.Code, await EveryFileIsFreshAsync(s.FiscalYear)); // stored before anything is published

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { })).StatusCode);
        Assert.Contains(s.Certified.Code, await EveryFileIsFreshAsync(s.FiscalYear));

        await app.ScoreAsync(s.VerifiedAssessment, AssessmentState.Verified, ScoreJson(391.25m, "Basic", 50, 60, 70, 80, 90, 100, 110));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { note = "แก้คะแนนตามคำอุทธรณ์" })).StatusCode);
        Assert.Contains("391.25", await EveryFileIsFreshAsync(s.FiscalYear));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/withheld",
            new { organizationId = s.Certified.Id, reason = "ทบทวนผล" })).StatusCode);
        Assert.DoesNotContain(s.Certified.Code, await EveryFileIsFreshAsync(s.FiscalYear));

        var stored = await app.WithDbAsync(db => db.OpenDataFiles.SingleAsync(f => f.Name == $"results-{s.FiscalYear}.csv"));
        Assert.Equal(stored.Length, (await app.Anonymous().GetByteArrayAsync($"/api/v1/open-data/results/{s.FiscalYear}.csv")).Length);
    }

    /// <summary>OPDC's publication does not wait for the files; they are written in the background after it, so the
    /// first visitor usually finds them ready.</summary>
    [Fact]
    public async Task After_a_publication_the_listed_files_are_written_in_the_background_without_a_visitor()
    {
        var s = await ScenarioAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { })).StatusCode);
        var names = new[] { $"results-{s.FiscalYear}.csv", $"results-{s.FiscalYear}.json", "results-all.csv", "results-all.json" };
        var written = 0;
        for (var tries = 0; tries < 100 && written < names.Length; tries++)
        {
            await Task.Delay(100);
            written = await app.WithDbAsync(db => db.OpenDataFiles.CountAsync(f => names.Contains(f.Name) && f.SourceKey.Contains($"{s.FiscalYear}:")));
        }
        Assert.Equal(names.Length, written);
        Assert.Contains(s.Certified.Code, await EveryFileIsFreshAsync(s.FiscalYear));
    }

    /// <summary>The triggers make any change stale, not only the application's publish and withhold: here a row written
    /// straight into the table (as SQL by hand or a restore would).</summary>
    [Fact]
    public async Task A_published_row_written_without_the_application_still_makes_the_stored_file_stale()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var before = await EveryFileIsFreshAsync(s.FiscalYear);
        Assert.DoesNotContain("HAND-WRITTEN-9", before);

        await app.WithDbAsync(async db =>
        {
            var row = await db.PublishedResults.AsNoTracking().FirstAsync(p => p.RoundId == s.RoundId);
            row.Id = Guid.NewGuid();
            row.OrganizationId = Guid.NewGuid();
            row.OrganizationCode = "HAND-WRITTEN-9";
            db.PublishedResults.Add(row);
            return await db.SaveChangesAsync();
        });
        Assert.Contains("HAND-WRITTEN-9", await EveryFileIsFreshAsync(s.FiscalYear));
    }

    [Fact]
    public async Task A_stored_file_whose_blob_is_gone_is_written_again_and_a_range_of_it_can_be_read()
    {
        var s = await ScenarioAsync();
        await (await app.AdminApiAsync()).PostAsJsonAsync($"/api/v1/rounds/{s.RoundId}/publish", new { });
        var url = $"/api/v1/open-data/results/{s.FiscalYear}.csv";
        var client = app.Anonymous();
        var first = await client.GetByteArrayAsync(url);
        var stored = await app.WithDbAsync(db => db.OpenDataFiles.SingleAsync(f => f.Name == $"results-{s.FiscalYear}.csv"));
        File.Delete(Path.Combine(app.BlobPath, stored.Sha256[..2], stored.Sha256));

        Assert.Equal(first, await client.GetByteArrayAsync(url));

        var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(0, 2);
        var part = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, await part.Content.ReadAsByteArrayAsync()); // the byte-order mark
    }
}

public sealed class StoredOpenDataFileTests_Sqlite(SqliteApp app) : StoredOpenDataFileTests(app), IClassFixture<SqliteApp>;
public sealed class StoredOpenDataFileTests_Postgres(PostgresApp app) : StoredOpenDataFileTests(app), IClassFixture<PostgresApp>;
