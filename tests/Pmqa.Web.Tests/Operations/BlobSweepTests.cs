using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Tests.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Operations;

/// <summary>ADR 0040: the sweep deletes the stored files no row needs (superseded open-data files, old round printings)
/// once they have not been stored for a day, and never evidence, removed evidence included.</summary>
public abstract class BlobSweepTests(PmqaApp app)
{
    private static MemoryStream Bytes(string label) => new(System.Text.Encoding.UTF8.GetBytes($"{label} {Guid.NewGuid()}"));

    private void Age(string sha256, TimeSpan by) =>
        File.SetLastWriteTimeUtc(Path.Combine(app.BlobPath, sha256[..2], sha256), DateTime.UtcNow - by);

    private async Task<bool> StoredAsync(IBlobStore blobs, string sha256)
    {
        await using var content = await blobs.OpenReadAsync(sha256);
        return content is not null;
    }

    [Fact]
    public async Task Only_files_no_row_needs_go_and_only_once_a_day_has_passed_since_they_were_stored()
    {
        var team = await app.AgencyAsync();
        await using var scope = app.Scope();
        var blobs = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var now = DateTimeOffset.UtcNow;

        var removedEvidence = await blobs.SaveAsync(Bytes("evidence the agency removed"));
        db.Evidence.Add(new Evidence
        {
            AssessmentId = team.AssessmentId, Sha256 = removedEvidence.Sha256, FileName = "old-plan.pdf", ContentType = "application/pdf",
            Length = removedEvidence.Length, UploadedAt = now.AddDays(-30), UploadedBy = "coordinator", RemovedAt = now.AddDays(-20), RemovedBy = "coordinator",
        });
        var currentOpenData = await blobs.SaveAsync(Bytes("results file as now"));
        var supersededOpenData = await blobs.SaveAsync(Bytes("results file before OPDC withheld a result"));
        db.OpenDataFiles.Add(new OpenDataFile
        {
            Name = $"sweep-test-{Guid.NewGuid():N}.csv", SourceKey = "test", Sha256 = currentOpenData.Sha256, Length = currentOpenData.Length, GeneratedAt = now,
        });
        var oldZip = await blobs.SaveAsync(Bytes("last month's ZIP"));
        var latestZip = await blobs.SaveAsync(Bytes("last week's ZIP"));
        var pdfInsideAZip = await blobs.SaveAsync(Bytes("a PDF of a finished printing"));
        var pdfOfRunningJob = await blobs.SaveAsync(Bytes("a PDF of the printing now running"));
        var oldJob = Job(RoundReportPrint.Done, now.AddDays(-30), oldZip);
        var latestJob = Job(RoundReportPrint.Done, now.AddDays(-7), latestZip);
        // Held by an instance with a live lease, so this process's printer leaves it alone.
        var runningJob = Job(RoundReportPrint.Running, now, null);
        runningJob.LeaseOwner = "another-instance";
        runningJob.LeaseUntil = now.AddHours(1);
        db.RoundReportPrints.AddRange(oldJob, latestJob, runningJob);
        db.RoundReportPrintItems.AddRange(
            new RoundReportPrintItem { JobId = latestJob.Id, AssessmentId = team.AssessmentId, FileName = "a.pdf", PdfSha256 = pdfInsideAZip.Sha256 },
            new RoundReportPrintItem { JobId = runningJob.Id, AssessmentId = team.AssessmentId, FileName = "a.pdf", PdfSha256 = pdfOfRunningJob.Sha256 });
        await db.SaveChangesAsync();
        var orphanOfToday = await blobs.SaveAsync(Bytes("an upload whose row is being written"));

        var old = new[] { removedEvidence, currentOpenData, supersededOpenData, oldZip, latestZip, pdfInsideAZip, pdfOfRunningJob };
        foreach (var blob in old) Age(blob.Sha256, TimeSpan.FromDays(2));
        Age(orphanOfToday.Sha256, TimeSpan.FromHours(23));

        var result = await scope.ServiceProvider.GetRequiredService<BlobSweep>().RunAsync(BlobSweep.DefaultGrace);

        Assert.Equal(3, result.Deleted);
        Assert.Equal(supersededOpenData.Length + oldZip.Length + pdfInsideAZip.Length, result.DeletedBytes);
        foreach (var gone in new[] { supersededOpenData, oldZip, pdfInsideAZip }) Assert.False(await StoredAsync(blobs, gone.Sha256));
        foreach (var kept in new[] { removedEvidence, currentOpenData, latestZip, pdfOfRunningJob, orphanOfToday })
            Assert.True(await StoredAsync(blobs, kept.Sha256));

        // OPDC sees it as well: the newest printing of the round still downloads, last month's answers 404.
        var zips = $"/api/v1/rounds/{team.RoundId}/report-prints";
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.GetAsync($"{zips}/{latestJob.Id}/reports.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.GetAsync($"{zips}/{oldJob.Id}/reports.zip")).StatusCode);

        // A second sweep finds nothing more to do.
        Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<BlobSweep>().RunAsync(BlobSweep.DefaultGrace)).Deleted);

        RoundReportPrint Job(string state, DateTimeOffset requestedAt, BlobInfo? zip) => new()
        {
            RoundId = team.RoundId, RequestedByName = PmqaApp.AdminEmail, RequestedAt = requestedAt, Total = 1, State = state,
            FinishedAt = state == RoundReportPrint.Done ? requestedAt.AddMinutes(2) : null, ZipSha256 = zip?.Sha256, ZipLength = zip?.Length,
        };
    }
}

public sealed class BlobSweepTests_Sqlite(SqliteApp app) : BlobSweepTests(app), IClassFixture<SqliteApp>;
public sealed class BlobSweepTests_Postgres(PostgresApp app) : BlobSweepTests(app), IClassFixture<PostgresApp>;

/// <summary>The store's side of the sweep: a save of the same bytes racing it keeps the blob; a sweep that died
/// half-way leaves nothing missing.</summary>
public sealed class FileSystemBlobStoreSweepTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pmqa-sweep-" + Guid.NewGuid().ToString("N"));
    private readonly TestClock _clock = new();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static MemoryStream Content() => new(RandomNumberGenerator.GetBytes(1000));

    [Fact]
    public async Task A_blob_stored_again_after_the_cut_off_stays_and_one_that_was_not_goes()
    {
        var store = new FileSystemBlobStore(_root, _clock);
        var bytes = Content().ToArray();
        var blob = await store.SaveAsync(new MemoryStream(bytes));
        _clock.Advance(TimeSpan.FromDays(2));
        var cutOff = _clock.GetUtcNow() - TimeSpan.FromDays(1);
        Assert.Contains(store.ListAsync().ToBlockingEnumerable(), b => b.Sha256 == blob.Sha256 && b.LastStored < cutOff);

        await store.SaveAsync(new MemoryStream(bytes)); // an upload of the same bytes, its row about to be written
        Assert.False(await store.DeleteIfStoredBeforeAsync(blob.Sha256, cutOff));
        Assert.NotNull(await store.OpenReadAsync(blob.Sha256));

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await store.DeleteIfStoredBeforeAsync(blob.Sha256, _clock.GetUtcNow() - TimeSpan.FromDays(1)));
        Assert.Null(await store.OpenReadAsync(blob.Sha256));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));

        // Stored again after the sweep: a new copy, readable.
        Assert.Equal(blob, await store.SaveAsync(new MemoryStream(bytes)));
        await using var again = await store.OpenReadAsync(blob.Sha256);
        Assert.Equal(bytes.Length, again!.Length);
    }

    [Fact]
    public async Task A_blob_a_sweep_had_moved_aside_when_it_died_is_put_back_on_start()
    {
        var store = new FileSystemBlobStore(_root, _clock);
        var blob = await store.SaveAsync(Content());
        var path = Path.Combine(_root, blob.Sha256[..2], blob.Sha256);
        File.Move(path, Path.Combine(_root, "tmp", $"{blob.Sha256}.{Guid.NewGuid():N}.swept"));

        var restarted = new FileSystemBlobStore(_root, _clock);

        Assert.NotNull(await restarted.OpenReadAsync(blob.Sha256));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, "tmp")));
    }
}
