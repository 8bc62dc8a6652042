using System.Diagnostics;
using System.Globalization;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>
/// Milliseconds (wall-clock and CPU) from the process's start to each start-up phase (host built, migrations checked, packs loaded,
/// listening, first answers), logged at Information after each of the first two answered requests: the figures
/// behind issue 13's "start to first answer ≤ 3 s" (bench/startup.sh), readable in any production log.
/// </summary>
public static class StartupTimeline
{
    private static readonly List<(string Phase, long Ms, long CpuMs)> Marks = [];
    private const int ReportedAnswers = 2;
    private static int _reported;

    public static void Mark(string phase)
    {
        // Wall-clock since the operating system started the process (runtime start-up included), and the CPU time
        // spent so far by all its threads: on a shared machine the first depends on the neighbours, the second less.
        using var process = Process.GetCurrentProcess();
        // StartTime is local time: both sides in UTC, so a daylight-saving change cannot skew the figure.
        var ms = (long)(TimeProvider.System.GetUtcNow().UtcDateTime - process.StartTime.ToUniversalTime()).TotalMilliseconds;
        var cpu = (long)process.TotalProcessorTime.TotalMilliseconds;
        // One process normally starts once; the test host starts many apps in one process: keep the first ones.
        lock (Marks) if (Marks.Count < 64) Marks.Add((phase, ms, cpu));
    }

    public static string Describe()
    {
        lock (Marks) return string.Join(", ", Marks.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Phase} {m.Ms}/{m.CpuMs}")));
    }

    /// <summary>Logs the timeline after each of the first two answered requests.</summary>
    public static void UseStartupTimeline(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        app.Lifetime.ApplicationStarted.Register(() => Mark("listening"));
        app.Use(async (context, next) =>
        {
            await next(context);
            // The first answers (typically /health, then a page) show what the first request of each kind costs.
            if (Volatile.Read(ref _reported) < ReportedAnswers && Interlocked.Increment(ref _reported) <= ReportedAnswers)
            {
                Mark("answered " + context.Request.Path);
                log.LogInformation("Start-up timeline (ms since the process started / CPU ms): {Timeline}", Describe());
            }
        });
    }
}
