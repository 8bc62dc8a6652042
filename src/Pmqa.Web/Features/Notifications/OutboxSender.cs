using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Observability;

namespace Pmqa.Web.Features.Notifications;

/// <summary>One e-mail to hand to the mail server.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>The actual sending, behind an interface so that tests (and another transport one day) can stand in.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}

/// <summary>Plain-text UTF-8 mail over SMTP with MailKit (System.Net.Mail.SmtpClient is not recommended for
/// new code), one connection per message. <c>Smtp:EnableSsl</c> means TLS: implicit on port 465, STARTTLS
/// (required) on any other port.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // Thai is three bytes a letter in UTF-8: base64 is far shorter than quoted-printable.
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        body.SetText(Encoding.UTF8, mail.Body);
        message.Body = body;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.Timeout);
        using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
        try
        {
            var security = !o.EnableSsl ? SecureSocketOptions.None
                : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(o.Host ?? "", o.Port, security, timeout.Token);
            if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The mail server {o.Host}:{o.Port} did not answer within {o.Timeout.TotalSeconds:0} s.");
        }
    }
}

/// <summary>Wakes the <see cref="OutboxSender"/> before its next poll, e.g. right after a change that wrote e-mails.</summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when woken or after <paramref name="timeout"/>; throws only when <paramref name="ct"/> is cancelled.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>What one pass over the outbox did.</summary>
public sealed record OutboxPass(int Due, int Sent, int Failed);

/// <summary>
/// One pass over the outbox: takes the due messages (not sent, <c>NextAttemptAt</c> reached, fewer than
/// <see cref="SmtpOptions.MaxAttempts"/> attempts), claims each with a conditional update so that only one
/// application instance sends it (docs/decisions/0009-notification-outbox.md), sends it, and records the
/// outcome: <c>SentAt</c>, or one more attempt, the error and a later <c>NextAttemptAt</c>.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IMailTransport transport, TimeProvider clock,
    IOptions<SmtpOptions> options, PmqaMetrics metrics, ILogger<OutboxDispatcher> log)
{
    public const int BatchSize = 20;
    public const int MaxErrorLength = 2000;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 30 s, 1 min, 2 min, 4 min … at most 1 h.</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts <= 0 ? TimeSpan.Zero
        : attempts > 8 ? LongestRetry
        : TimeSpan.FromTicks(Math.Min(FirstRetry.Ticks << (attempts - 1), LongestRetry.Ticks));

    /// <summary>How long a claim keeps other instances away: longer than any send may take.</summary>
    private TimeSpan ClaimFor => options.Value.Timeout + TimeSpan.FromMinutes(1);

    public async Task<OutboxPass> SendDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var maxAttempts = options.Value.MaxAttempts;
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < maxAttempts)
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var message in due)
        {
            if (!await ClaimAsync(db, message, ct)) continue; // another instance has it
            using var activity = PmqaMetrics.Activities.StartActivity("outbox.send");
            activity?.SetTag("pmqa.outbox.attempt", message.Attempts + 1);
            try
            {
                await transport.SendAsync(new OutgoingMail(message.To, message.Subject, message.Body), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: give the message back at once rather than after the claim runs out.
                await db.OutboxMessages.Where(m => m.Id == message.Id && m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, clock.GetUtcNow()), CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                failed++;
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
                await RecordFailureAsync(db, message, e);
                continue;
            }
            sent++;
            metrics.Sent();
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.GetUtcNow()), CancellationToken.None);
        }
        return new OutboxPass(due.Count, sent, failed);
    }

    /// <summary>Compare-and-set on the values just read: only the instance whose update finds them unchanged
    /// moves <c>NextAttemptAt</c> past the time a send may take, and so owns the message until then.</summary>
    private async Task<bool> ClaimAsync(PmqaDbContext db, OutboxMessage seen, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + ClaimFor;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == seen.Id && m.SentAt == null && m.Attempts == seen.Attempts && m.NextAttemptAt == seen.NextAttemptAt)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until), ct);
        return claimed == 1;
    }

    private async Task RecordFailureAsync(PmqaDbContext db, OutboxMessage message, Exception e)
    {
        var attempts = message.Attempts + 1;
        var next = clock.GetUtcNow() + Backoff(attempts);
        var error = Describe(e);
        await db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next), CancellationToken.None);
        metrics.Failed(givenUp: attempts >= options.Value.MaxAttempts);
        if (attempts >= options.Value.MaxAttempts)
            log.LogError(e, "Gave up sending e-mail {MessageId} to {To} after {Attempts} attempts", message.Id, message.To, attempts);
        else
            log.LogWarning("Could not send e-mail {MessageId} to {To} (attempt {Attempts}, next at {NextAttemptAt:O}): {Error}",
                message.Id, message.To, attempts, next, error);
    }

    /// <summary>The messages of the exception and its inner ones ("Failure sending mail. ← Connection refused"), at most 2000 characters.</summary>
    public static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) parts.Add($"{x.GetType().Name}: {x.Message}");
        var text = string.Join(" ← ", parts);
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}

/// <summary>
/// Sends the outbox in the background: a pass every <see cref="SmtpOptions.PollSeconds"/> seconds, or sooner
/// when <see cref="OutboxSignal"/> wakes it. Always registered; without <c>Smtp:Host</c> it stops at once and
/// the outbox stays empty (the <see cref="Notifier"/> writes no e-mail then).
/// </summary>
public sealed class OutboxSender(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<SmtpOptions> options, IHostApplicationLifetime lifetime, ILogger<OutboxSender> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogDebug("No Smtp:Host configured: notifications stay in the application, no e-mail is sent");
            return;
        }
        var poll = TimeSpan.FromSeconds(Math.Max(1, o.PollSeconds));
        // The first pass once the application listens, not while it starts (issue 13, start to first answer).
        if (!await Infrastructure.Startup.AfterStart.WaitAsync(lifetime, TimeSpan.Zero, stoppingToken)) return;
        log.LogInformation("Sending e-mail through {Host}:{Port}, checking the outbox every {Seconds} s", o.Host, o.Port, poll.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means there may be more: go on at once.
                while ((await dispatcher.SendDueAsync(stoppingToken)).Due == OutboxDispatcher.BatchSize) { }
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Could not read the outbox; trying again in {Seconds} s", poll.TotalSeconds);
                try { await signal.WaitAsync(poll, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }
}
