namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>
/// Lets a periodic background service (the deadline and plan reminders) begin its first pass a while after the
/// application has started listening, not while it is starting: that pass compiles its queries and reads the
/// database on the same two cores that must answer the first request (issue 13, start to first answer ≤ 3 s).
/// The reminders run hourly, so a first pass half a minute late changes nothing anyone notices.
/// </summary>
public static class AfterStart
{
    public static readonly TimeSpan SettleDelay = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the host has started, then <paramref name="delay"/>; false when stopping meanwhile.</summary>
    public static async Task<bool> WaitAsync(IHostApplicationLifetime lifetime, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                await started.Task.WaitAsync(stoppingToken);
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
