using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

/// <summary>One results file: a fiscal year's or all years', current results or every version, CSV or JSON.</summary>
public sealed record OpenDataFileSpec(int? FiscalYear, bool AllVersions, string Format)
{
    /// <summary>Its name in <see cref="OpenDataFile"/>, e.g. "results-2568.csv", "results-all.all-versions.json".</summary>
    public string Name => $"results-{FiscalYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}{(AllVersions ? ".all-versions" : "")}.{Format}";

    public string ContentType => Format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
}

/// <summary>
/// The results files, written once per change of what they show and served from the evidence store (ADR 0037).
/// A file is current while its <see cref="OpenDataFile.SourceKey"/> (layout, public address, and the
/// <see cref="OpenDataRevision"/> of each fiscal year it shows, raised by triggers on every change) equals the key
/// made now; else it is written again before it is served, so a withheld result is never served from an old copy.
/// The bytes go through a small pipe straight into the blob store: no file is ever whole in memory, and the blob's
/// SHA-256 is the ETag. Both instances behind nginx share the database and the store, so either may write a file
/// and both serve it.
/// </summary>
public sealed class StoredOpenDataFiles(PmqaDbContext db, OpenDataQueries queries, IBlobStore blobs, PublicUrl url,
    OpenDataFileLocks locks, TimeProvider clock, ILogger<StoredOpenDataFiles> log)
{
    /// <summary>The files' layout: change it with the columns, so that every stored file is written again.</summary>
    public const string Layout = "v1";

    /// <summary>The stored file, current, and its content to stream (the caller disposes it).</summary>
    public async Task<(OpenDataFile File, Stream Content)> OpenAsync(OpenDataFileSpec spec, CancellationToken ct)
    {
        var file = await CurrentAsync(spec, ct);
        if (await blobs.OpenReadAsync(file.Sha256, ct) is { } content) return (file, content);
        // The row is there but its blob is not (a store restored without it): write the file again.
        file = await CurrentAsync(spec, ct, rewrite: true);
        return (file, await blobs.OpenReadAsync(file.Sha256, ct) ?? throw new InvalidOperationException($"The open-data file {spec.Name} was written but cannot be read."));
    }

    /// <summary>The stored file's row, written first when it is missing or stale. One writer per file in this
    /// process at a time; others wait for it and take its result.</summary>
    public async Task<OpenDataFile> CurrentAsync(OpenDataFileSpec spec, CancellationToken ct, bool rewrite = false)
    {
        if (!rewrite && await FreshAsync(spec, ct) is { } fresh) return fresh;
        using var held = await locks.TakeAsync(spec.Name, ct);
        if (!rewrite && await FreshAsync(spec, ct) is { } writtenMeanwhile) return writtenMeanwhile;
        return await WriteAsync(spec, ct);
    }

    /// <summary>The files the DCAT catalogue lists (each fiscal year's and all years', CSV and JSON, current
    /// results), written where stale: what the background refresh runs after OPDC changes the open data.
    /// <paramref name="afterEach"/> runs after each file written.</summary>
    public async Task<int> RefreshListedAsync(CancellationToken ct, Action? afterEach = null)
    {
        var written = 0;
        var years = await queries.FiscalYearsAsync(ct);
        // Years first: the all-years CSV is made of the year files.
        foreach (var year in years.Cast<int?>().Append(null))
            foreach (var format in new[] { "csv", "json" })
            {
                var spec = new OpenDataFileSpec(year, false, format);
                if (await FreshAsync(spec, ct) is not null) continue;
                await CurrentAsync(spec, ct);
                written++;
                afterEach?.Invoke();
            }
        return written;
    }

    private async Task<OpenDataFile?> FreshAsync(OpenDataFileSpec spec, CancellationToken ct)
    {
        var key = await SourceKeyAsync(spec, ct);
        var stored = await db.OpenDataFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Name == spec.Name, ct);
        return stored?.SourceKey == key ? stored : null;
    }

    /// <summary>What the file is made from: read before its rows, so that a change committed while it is written
    /// can only make the file newer than its key, never older: the stored key is then stale and the file is simply
    /// written again on the next read (ADR 0037).</summary>
    private async Task<string> SourceKeyAsync(OpenDataFileSpec spec, CancellationToken ct)
    {
        var revisions = await db.OpenDataRevisions.AsNoTracking().Where(r => spec.FiscalYear == null || r.FiscalYear == spec.FiscalYear)
            .OrderBy(r => r.FiscalYear).Select(r => new { r.FiscalYear, r.Revision }).ToListAsync(ct);
        return $"{Layout}|{spec.Name}|{url.Base}|" + string.Join(",", revisions.Select(r => $"{r.FiscalYear}:{r.Revision}"));
    }

    private async Task<OpenDataFile> WriteAsync(OpenDataFileSpec spec, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var key = await SourceKeyAsync(spec, ct);
        var lastModified = await queries.LastModifiedAsync(spec.FiscalYear, ct);
        var blob = await SaveAsync(spec, ct);

        var row = await db.OpenDataFiles.SingleOrDefaultAsync(f => f.Name == spec.Name, ct);
        if (row is null) db.OpenDataFiles.Add(row = new OpenDataFile { Name = spec.Name });
        row.SourceKey = key;
        row.Sha256 = blob.Sha256;
        row.Length = blob.Length;
        row.LastModified = lastModified;
        row.GeneratedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance added the same file's row first: its blob holds the same rows, and ours is stored too.
            db.Entry(row).State = EntityState.Detached;
        }
        log.LogInformation("Wrote open-data file {Name}: {Length} bytes in {Milliseconds} ms", spec.Name, blob.Length,
            (int)clock.GetElapsedTime(started).TotalMilliseconds);
        return row;
    }

    /// <summary>Renders the file into a pipe whose other end the blob store reads (and hashes) as it comes.</summary>
    private async Task<BlobInfo> SaveAsync(OpenDataFileSpec spec, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var saving = Task.Run(async () =>
        {
            try
            {
                return await blobs.SaveAsync(pipe.Reader.AsStream(), stop.Token);
            }
            catch
            {
                await stop.CancelAsync(); // the writer stops rather than filling a pipe nobody reads
                throw;
            }
            finally
            {
                await pipe.Reader.CompleteAsync();
            }
        }, CancellationToken.None);
        try
        {
            var body = pipe.Writer.AsStream(leaveOpen: true);
            if (spec is { Format: "csv", FiscalYear: null }) await ConcatenateYearsAsync(body, spec.AllVersions, stop.Token);
            else if (spec.Format == "csv") await OpenDataFiles.WriteCsvAsync(body, Batches(), url, stop.Token);
            else await OpenDataFiles.WriteJsonAsync(body, Batches(), spec.FiscalYear, url, stop.Token);
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await pipe.Writer.CompleteAsync(e); // the store sees a failed read and keeps nothing
            try { await saving; } catch { /* the writer's failure is the one to report */ }
            throw;
        }
        return await saving;

        async IAsyncEnumerable<IReadOnlyList<PublicResult>> Batches()
        {
            foreach (var year in await queries.YearsWithRowsAsync(spec.FiscalYear, stop.Token))
                yield return await queries.ResultsAsync(year, spec.AllVersions, stop.Token);
        }
    }

    /// <summary>
    /// The all-years CSV is the header and then each fiscal year's CSV without its header, newest year first: the same
    /// bytes as writing every row again (the rows are batched by year in that order, and a CSV record depends on its
    /// row alone), but the rows are read and formatted once, for the year files, which are written first when stale.
    /// </summary>
    private async Task ConcatenateYearsAsync(Stream body, bool allVersions, CancellationToken ct)
    {
        var header = OpenDataFiles.Csv([], url); // byte-order mark and header row, as every year file begins
        await body.WriteAsync(header, ct);
        foreach (var year in await queries.YearsWithRowsAsync(null, ct))
        {
            var (_, content) = await OpenAsync(new OpenDataFileSpec(year, allVersions, "csv"), ct);
            await using (content)
            {
                content.Seek(header.Length, SeekOrigin.Begin);
                await content.CopyToAsync(body, ct);
            }
        }
    }
}

/// <summary>One writer per open-data file in this process: a burst of requests for a stale file writes it once.</summary>
public sealed class OpenDataFileLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> TakeAsync(string name, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
