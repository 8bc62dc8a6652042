using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Web.Features.Notifications;

namespace Pmqa.Web.Infrastructure.Observability;

/// <summary>
/// The application's own metrics (meter <c>Pmqa</c>) and spans (activity source <c>Pmqa</c>), beside the
/// framework's (docs/runbook.md says what to alert on). The outbox's sent and failed attempts are counted by
/// this instance; pending and abandoned messages are read from the database on each collection, so every
/// instance reports the same shared outbox and the figure is right even where no sender runs (no Smtp:Host).
/// </summary>
public sealed class PmqaMetrics
{
    public const string Name = "Pmqa";
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _givenUp;
    private readonly Histogram<double> _pdf;
    private readonly Counter<long> _swept;
    private readonly Counter<long> _sweptBytes;
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<SmtpOptions> _smtp;
    private readonly TimeProvider _clock;
    private readonly ILogger<PmqaMetrics> _log;

    public PmqaMetrics(IMeterFactory meters, IServiceScopeFactory scopes, IOptions<SmtpOptions> smtp, TimeProvider clock, ILogger<PmqaMetrics> log)
    {
        (_scopes, _smtp, _clock, _log) = (scopes, smtp, clock, log);
        var meter = meters.Create(Name);
        _sent = meter.CreateCounter<long>("pmqa.outbox.sent", "{message}", "E-mails the mail server accepted");
        _failed = meter.CreateCounter<long>("pmqa.outbox.failed", "{attempt}", "Attempts to send an e-mail that failed (it is retried later)");
        _givenUp = meter.CreateCounter<long>("pmqa.outbox.given_up", "{message}", "E-mails given up after Smtp:MaxAttempts failed attempts");
        meter.CreateObservableGauge("pmqa.outbox.pending", () => Outbox().Pending, "{message}", "E-mails waiting to be sent (not yet sent, not given up)");
        meter.CreateObservableGauge("pmqa.outbox.abandoned", () => Outbox().Abandoned, "{message}", "E-mails never sent: every attempt failed");
        meter.CreateObservableGauge("pmqa.outbox.oldest_pending_age", () => Outbox().OldestAgeSeconds, "s", "Age of the oldest e-mail still waiting");
        _pdf = meter.CreateHistogram("pmqa.pdf.print.duration", "s", "Time to print one PDF with headless Chromium",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30] });
        _swept = meter.CreateCounter<long>("pmqa.blobs.swept", "{blob}", "Stored files no row needed any more, deleted by the sweep (ADR 0040)");
        _sweptBytes = meter.CreateCounter<long>("pmqa.blobs.swept_bytes", "By", "Bytes freed by the blob sweep");
    }

    public void Sent() => _sent.Add(1);
    public void Failed(bool givenUp)
    {
        _failed.Add(1);
        if (givenUp) _givenUp.Add(1);
    }

    public void Swept(int blobs, long bytes)
    {
        _swept.Add(blobs);
        _sweptBytes.Add(bytes);
    }

    public void Printed(TimeSpan elapsed, bool ok) =>
        _pdf.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", ok ? "ok" : "error"));

    private (long Pending, long Abandoned, double OldestAgeSeconds) _last;
    private long _lastReadAt; // Environment.TickCount64 of the last read; 0: never read

    /// <summary>One read serves the three gauges of a collection (they are observed one after another).</summary>
    private (long Pending, long Abandoned, double OldestAgeSeconds) Outbox()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReadAt);
        if (last != 0 && now - last < 1000) return _last;
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            var max = _smtp.Value.MaxAttempts;
            var unsent = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null);
            var pending = unsent.Count(m => m.Attempts < max);
            var abandoned = unsent.Count(m => m.Attempts >= max);
            // Unsent rows are few (sent ones are not read): their times are compared here, not in SQL, where
            // SQLite cannot order DateTimeOffset values.
            var oldest = pending == 0 ? (DateTimeOffset?)null
                : unsent.Where(m => m.Attempts < max).Select(m => m.CreatedAt).AsEnumerable().Min();
            _last = (pending, abandoned, oldest is { } o ? Math.Max(0, (_clock.GetUtcNow() - o).TotalSeconds) : 0);
            Interlocked.Exchange(ref _lastReadAt, now);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database is down: health says so; the gauges keep their last figures.
            _log.LogDebug(e, "Could not read the outbox for its metrics");
        }
        return _last;
    }
}
