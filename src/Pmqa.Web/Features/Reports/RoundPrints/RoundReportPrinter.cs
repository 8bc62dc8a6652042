using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Certificates;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports.RoundPrints;

/// <summary>Wakes this instance's <see cref="RoundReportPrinter"/> when a job is queued here (other instances find it
/// at their next poll).</summary>
public sealed class RoundReportPrintSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await _wake.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>
/// Runs queued round report prints (ADR 0038). An instance takes a job by a lease (a conditional update: of two instances
/// one wins) and renews it while printing; the reports print through the shared <see cref="PrintSlots"/> (as many at once
/// as there are slots, so people's own downloads still get their turn), each PDF is stored in the blob store and noted on
/// its row as soon as it is printed. If the instance stops or dies, the lease runs out (or is handed back on a clean
/// stop) and the next instance to poll carries on with the reports not yet stored. The ZIP is made from the stored PDFs at
/// the end and the job is marked done only once it is stored whole.
/// </summary>
public sealed class RoundReportPrinter(IServiceScopeFactory scopes, RoundReportPrintSignal signal, PrintSlots slots, IBlobStore blobs,
    IConfiguration configuration, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<RoundReportPrinter> log) : BackgroundService
{
    /// <summary>What a failed job shows (Thai, then English, as the page shows every stored bilingual text).</summary>
    public static readonly Msg Failure = new("พิมพ์รายงานไม่สำเร็จ กรุณาสั่งพิมพ์ใหม่อีกครั้ง หากยังไม่สำเร็จโปรดแจ้งผู้ดูแลระบบ",
        "The reports could not be printed. Please start the printing again; if it fails again, tell the system administrator.");

    private static string FailureText => $"{Failure.Th}\n{Failure.En}";

    /// <summary>This process's name on the leases it holds.</summary>
    public static readonly string Instance = $"{Environment.ProcessId}/{Guid.NewGuid():N}/{Environment.MachineName}" is var name && name.Length > 128 ? name[..128] : name;

    private TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("ReportPrints:PollSeconds", 5.0)));
    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("ReportPrints:LeaseSeconds", 60.0)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await Infrastructure.Startup.AfterStart.WaitAsync(lifetime, TimeSpan.Zero, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await TryClaimAsync(stoppingToken) is { } job) await RunAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A busy database or a lost lease: the job stays queued or running, and its lease runs out.
                log.LogWarning(e, "Round report printing failed; trying again at the next poll");
            }
            await signal.WaitAsync(Poll, stoppingToken);
        }
    }

    /// <summary>Hands this instance's leases back on a clean stop, so the next start (or another instance) carries on at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().RoundReportPrints.Where(j => j.LeaseOwner == Instance)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not hand back the round report printing lease; it runs out by itself");
        }
    }

    /// <summary>The oldest queued job, or a running one whose lease has run out, now leased to this instance.</summary>
    public async Task<RoundReportPrint?> TryClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var now = clock.GetUtcNow();
        var open = db.RoundReportPrints.Where(j => (j.State == RoundReportPrint.Queued || j.State == RoundReportPrint.Running)
            && (j.LeaseUntil == null || j.LeaseUntil < now));
        if (await open.OrderBy(j => j.RequestedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct) is not { } id) return null;
        var until = now + Lease;
        var taken = await open.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, RoundReportPrint.Running).SetProperty(j => j.LeaseOwner, Instance).SetProperty(j => j.LeaseUntil, until), ct);
        return taken == 1 ? await db.RoundReportPrints.AsNoTracking().FirstAsync(j => j.Id == id, ct) : null;
    }

    private async Task RunAsync(RoundReportPrint job, CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(job.Id, running);
        try
        {
            List<RoundReportPrintItem> pending;
            await using (var scope = scopes.CreateAsyncScope())
                pending = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().RoundReportPrintItems.AsNoTracking()
                    .Where(i => i.JobId == job.Id && i.PdfSha256 == null).ToListAsync(running.Token);
            log.LogInformation("Printing {Pending} of {Total} reports of round {RoundId} (job {JobId})", pending.Count, job.Total, job.RoundId, job.Id);
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = slots.Count, CancellationToken = running.Token },
                async (item, ct) => await PrintOneAsync(job, item, ct));
            var zip = await ZipAsync(job.Id, running.Token);
            await FinishAsync(job.Id, j => (j.State, j.ZipSha256, j.ZipLength) = (RoundReportPrint.Done, zip.Sha256, zip.Length));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning("Lost the lease of round report printing job {JobId} to another instance", job.Id);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not DbUpdateException and not DbException and not BlobStoreUnavailableException)
        {
            // The database or the store unavailable (the exceptions left out) leaves the job running: its lease runs
            // out and it carries on later. Anything else (a report that cannot be read) ends it; people see one
            // sentence in their language, the detail is in the log.
            log.LogError(e, "Round report printing job {JobId} failed", job.Id);
            await FinishAsync(job.Id, j => (j.State, j.Failure) = (RoundReportPrint.Failed, FailureText));
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
        }
    }

    /// <summary>One agency's report, printed as the person who queued the job and in their language.</summary>
    private async Task PrintOneAsync(RoundReportPrint job, RoundReportPrintItem item, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var culture = job.Language == "en" ? Localization.English : Localization.Thai;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var identity = new ClaimsIdentity([new(ClaimTypes.NameIdentifier, job.RequestedById.ToString()), new(ClaimTypes.Name, job.RequestedByName)], "round-report-print");
        // Set inside this async method only: it flows to what it awaits and is undone when it returns.
        var http = new DefaultHttpContext { RequestServices = services, User = new ClaimsPrincipal(identity) };
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

        ReportPdf.File pdf;
        while (true)
        {
            try
            {
                var outcome = await services.GetRequiredService<ReportPdf>().PrintAsync(http, item.AssessmentId, ct);
                pdf = outcome is Outcome<ReportPdf.File>.Ok ok ? ok.Value
                    : throw new InvalidOperationException($"The report of assessment {item.AssessmentId} ({item.FileName}) could not be read by {job.RequestedByName}");
                break;
            }
            catch (Exception e) when (PrinterBusyException.Is(e))
            {
                // Everyone's downloads share the slots: wait for a turn rather than fail the round.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        var blob = await blobs.SaveAsync(new MemoryStream(pdf.Content, writable: false), ct);
        await services.GetRequiredService<PmqaDbContext>().RoundReportPrintItems
            .Where(i => i.JobId == item.JobId && i.AssessmentId == item.AssessmentId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PdfSha256, blob.Sha256), ct);
    }

    /// <summary>Every stored PDF into one ZIP (a temporary file, streamed, never whole in memory), then stored as a blob.</summary>
    private async Task<BlobInfo> ZipAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().RoundReportPrintItems.AsNoTracking()
            .Where(i => i.JobId == jobId).OrderBy(i => i.FileName).ToListAsync(ct);
        var path = Path.Combine(Path.GetTempPath(), $"pmqa-round-reports-{Guid.NewGuid():N}.zip");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var item in items)
            {
                await using var pdf = await blobs.OpenReadAsync(item.PdfSha256 ?? throw new InvalidOperationException($"{item.FileName} was not printed"), ct)
                    ?? throw new InvalidOperationException($"The PDF of {item.FileName} is missing from the evidence store");
                // PDFs are compressed inside already: storing them costs no time and little space.
                await using var entry = zip.CreateEntry(item.FileName, CompressionLevel.NoCompression).Open();
                await pdf.CopyToAsync(entry, ct);
            }
        file.Position = 0;
        return await blobs.SaveAsync(file, ct);
    }

    /// <summary>The job's end, audited, written only while this instance still holds the lease.</summary>
    private async Task FinishAsync(Guid jobId, Action<RoundReportPrint> end)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var job = await db.RoundReportPrints.FirstAsync(j => j.Id == jobId);
        if (job.LeaseOwner != Instance) return;
        end(job);
        (job.FinishedAt, job.LeaseOwner, job.LeaseUntil) = (clock.GetUtcNow(), null, null);
        await db.SaveChangesAsync();
    }

    /// <summary>Keeps the lease while the job runs; cancels the job when another instance has taken it, or when the
    /// lease could not be renewed before it ran out (another instance may take it from then on).</summary>
    private async Task RenewAsync(Guid jobId, CancellationTokenSource running)
    {
        var heldUntil = clock.GetUtcNow() + Lease;
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, running.Token);
                var until = clock.GetUtcNow() + Lease;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var kept = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().RoundReportPrints
                        .Where(j => j.Id == jobId && j.LeaseOwner == Instance)
                        .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), running.Token);
                    if (kept == 0) await running.CancelAsync();
                    else heldUntil = until;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A database blip: try again at the next beat while the lease still holds.
                    log.LogWarning(e, "Could not renew the lease of round report printing job {JobId}", jobId);
                    if (clock.GetUtcNow() + Lease / 3 >= heldUntil) await running.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
