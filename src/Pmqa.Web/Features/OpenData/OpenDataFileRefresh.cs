using System.Threading.Channels;

namespace Pmqa.Web.Features.OpenData;

/// <summary>
/// Asks for the listed open-data files to be written again after OPDC changed the open data (publication,
/// correction, closing verification, withholding), off the request (ADR 0037): OPDC's action does not wait for
/// megabytes of files, and the first visitor after it usually finds them written. Requests coalesce: one pending
/// refresh covers every change made before it starts. A visitor who comes first writes the file himself
/// (<see cref="StoredOpenDataFiles"/>); the refresh then finds it current. Another instance's change is refreshed
/// by that instance; a process killed before refreshing leaves the files to be written on their next read.
/// </summary>
public sealed class OpenDataFileRefresh
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Request() => _pending.Writer.TryWrite(true);

    internal ChannelReader<bool> Pending => _pending.Reader;
}

public sealed class OpenDataFileRefreshService(OpenDataFileRefresh refresh, IServiceScopeFactory scopes, ILogger<OpenDataFileRefreshService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in refresh.Pending.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    // Each file reads and formats a year's rows or all years': tens of megabytes of short-lived
                    // objects the server GC would otherwise let pile up over the twelve files (435 MB at the stress
                    // scale with one collection at the end) and keep committed until the next load. This happens a
                    // few times a round, so a full, decommitting collection after each file is cheap (ADR 0037).
                    var written = await scope.ServiceProvider.GetRequiredService<StoredOpenDataFiles>().RefreshListedAsync(stoppingToken,
                        () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
                    if (written > 0) log.LogInformation("Refreshed {Count} open-data files", written);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The database or the store is unavailable: each stale file is written on its next read instead.
                    log.LogWarning(e, "Refreshing the open-data files failed; they are written when next read");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
