using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Observability;

namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>What one sweep did: blobs deleted and their bytes, and blobs kept (needed, or stored too recently).</summary>
public sealed record BlobSweepResult(int Deleted, long DeletedBytes, int Kept);

/// <summary>
/// Deletes the blobs no row needs any more (ADR 0040). Generated files pile up otherwise: every change OPDC makes to
/// the open data writes the results files again (about 100 MB at 8,000 organisations), and every round printing
/// stores one PDF per agency and a ZIP of them. Needed are: every evidence file, removed ones included (the history
/// refers to them); each open-data file's current blob; the ZIP of each round's newest finished printing; the PDFs of
/// a printing still queued or running (a finished one's are inside its ZIP). A blob stored less than
/// <c>grace</c> ago is never deleted, whatever the rows say: a save writes its blob before the row that points at it,
/// and a save of bytes already stored marks them stored again, so no row is ever left pointing at a swept blob.
/// </summary>
public sealed class BlobSweep(PmqaDbContext db, IBlobStore blobs, TimeProvider clock, PmqaMetrics metrics, ILogger<BlobSweep> log)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromDays(1);

    public async Task<BlobSweepResult> RunAsync(TimeSpan grace, CancellationToken ct = default)
    {
        var storedBefore = clock.GetUtcNow() - grace;
        // The store first, the rows after: a row written meanwhile points at a blob stored after the cut-off.
        var old = new List<StoredBlob>();
        var young = 0;
        await foreach (var blob in blobs.ListAsync(ct))
            if (blob.LastStored < storedBefore) old.Add(blob);
            else young++;
        if (old.Count == 0) return new BlobSweepResult(0, 0, young);

        var needed = await NeededAsync(ct);
        var (deleted, bytes) = (0, 0L);
        foreach (var blob in old.Where(b => !needed.Contains(b.Sha256)))
            if (await blobs.DeleteIfStoredBeforeAsync(blob.Sha256, storedBefore, ct)) (deleted, bytes) = (deleted + 1, bytes + blob.Length);
        if (deleted > 0)
        {
            metrics.Swept(deleted, bytes);
            log.LogInformation("Swept {Count} blobs no row needs ({Bytes} bytes); {Young} blobs younger than {Hours} h not considered",
                deleted, bytes, young, grace.TotalHours);
        }
        return new BlobSweepResult(deleted, bytes, old.Count + young - deleted);
    }

    /// <summary>Every blob a row needs (see the class summary).</summary>
    private async Task<HashSet<string>> NeededAsync(CancellationToken ct)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var sha in db.Evidence.AsNoTracking().Select(e => e.Sha256).Distinct().AsAsyncEnumerable().WithCancellation(ct))
            needed.Add(sha);
        needed.UnionWith(await db.OpenDataFiles.AsNoTracking().Select(f => f.Sha256).ToListAsync(ct));

        var finished = await db.RoundReportPrints.AsNoTracking()
            .Where(j => j.State == RoundReportPrint.Done && j.ZipSha256 != null)
            .Select(j => new { j.RoundId, j.RequestedAt, j.ZipSha256 }).ToListAsync(ct);
        needed.UnionWith(finished.GroupBy(j => j.RoundId).Select(g => g.MaxBy(j => j.RequestedAt)!.ZipSha256!));
        needed.UnionWith(await db.RoundReportPrintItems.AsNoTracking()
            .Where(i => i.PdfSha256 != null && db.RoundReportPrints.Any(j => j.Id == i.JobId
                && (j.State == RoundReportPrint.Queued || j.State == RoundReportPrint.Running)))
            .Select(i => i.PdfSha256!).ToListAsync(ct));
        return needed;
    }
}

/// <summary>Runs <see cref="BlobSweep"/> every <c>Storage:SweepHours</c> (6 by default; 0 turns it off), deleting what
/// has not been stored for <c>Storage:SweepGraceHours</c> (24 by default, at least 1). Every instance may sweep: a
/// blob deleted by one is simply not there for the other.</summary>
public sealed class BlobSweepService(IServiceScopeFactory scopes, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<BlobSweepService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = configuration.GetValue("Storage:SweepHours", 6.0);
        if (hours <= 0) return;
        var every = TimeSpan.FromHours(hours);
        var grace = TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Storage:SweepGraceHours", BlobSweep.DefaultGrace.TotalHours)));
        if (!await Startup.AfterStart.WaitAsync(lifetime, Startup.AfterStart.SettleDelay, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BlobSweep>().RunAsync(grace, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database or the store is unavailable: nothing is deleted that a row needs; try at the next beat.
                log.LogWarning(e, "The blob sweep failed; trying again in {Hours} h", every.TotalHours);
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
