using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>
/// "Forgot password": mails a one-time set-password link to the address typed, when it belongs to an enabled
/// account. The caller's answer never depends on whether it does (nor on the rate limit): the page and the API
/// say the same thing every time, and only the audit trail, read by administrators, records what happened.
/// The e-mail (outbox) and the audit entry are written in one SaveChanges.
/// </summary>
public sealed class RequestPasswordReset(
    UserManager<AppUser> users, PmqaDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp,
    OutboxSignal outbox, PublicUrl publicUrl, PasswordResetLimits limits, ILogger<RequestPasswordReset> log)
{
    public sealed record Command(string? Email);

    /// <summary>The one answer every request gets (the API's body; the page says the same with the address in it).</summary>
    public sealed record Answer(string Message)
    {
        public static Answer Now => new(Bilingual.T(
            $"หากอีเมลนี้เป็นของบัญชีผู้ใช้ในระบบ เราได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปแล้ว ลิงก์ใช้ได้ครั้งเดียว ภายใน {LinkDays} วัน",
            $"If this address belongs to an account, we have sent it a link to set a new password. The link works once, within {LinkDays} days."));
    }

    public static int LinkDays => (int)Infrastructure.Auth.AuthSetup.SetPasswordLinkLifespan.TotalDays;

    /// <summary>What the audit trail records about a request (never shown to the requester).</summary>
    public static class Outcomes
    {
        public const string Mailed = "mailed";
        public const string UnknownAddress = "unknown address";
        public const string Disabled = "account disabled";
        public const string MailNotConfigured = "e-mail not configured";
    }

    /// <param name="client">The client's address as the trusted-proxy rule gives it (<c>Connection.RemoteIpAddress</c>
    /// after the forwarded-headers middleware).</param>
    public async Task<Outcome<bool>> HandleAsync(Command command, string client, CancellationToken ct = default)
    {
        var email = command.Email?.Trim() ?? "";
        if (!CreateUser.IsEmail(email))
            return new ValidationErrors().Add("email", "กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address.");
        if (!limits.TryAcquire(email, client))
        {
            // Not audited: a flood of limited requests must not grow the audit table.
            log.LogWarning("Password reset for an address refused by the rate limit (client {Client})", client);
            return true;
        }

        var user = await users.FindByEmailAsync(email);
        var outcome = user switch
        {
            null => Outcomes.UnknownAddress,
            { IsDisabled: true } => Outcomes.Disabled,
            _ when !smtp.Value.Enabled => Outcomes.MailNotConfigured,
            _ => Outcomes.Mailed,
        };
        var now = clock.GetUtcNow();
        if (outcome == Outcomes.Mailed)
            db.OutboxMessages.Add(await MailAsync(user!, now));
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserName = "anonymous",
            EntityType = AuditType,
            EntityKey = user?.Id.ToString() ?? "",
            Action = AuditAction.Created,
            ChangesJson = JsonSerializer.Serialize(new[]
            {
                new FieldChange("Email", null, email),
                new FieldChange("Outcome", null, outcome),
                new FieldChange("Client", null, client),
            }, FieldChange.Json),
        });
        await db.SaveChangesAsync(ct);
        if (outcome == Outcomes.Mailed) outbox.Wake();
        return true;
    }

    /// <summary>The audit trail's name for a request (there is no table of requests: the audit entry is the record).</summary>
    public const string AuditType = "PasswordResetRequest";

    private async Task<OutboxMessage> MailAsync(AppUser user, DateTimeOffset now)
    {
        var link = publicUrl.To(await UserLinks.SetPasswordPathAsync(users, user));
        var days = LinkDays;
        var thai = user.PreferredLanguage != "en";
        return new OutboxMessage
        {
            To = user.Email!,
            Subject = thai ? "[PMQA 4.0] ตั้งรหัสผ่านใหม่" : "[PMQA 4.0] Set a new password",
            Body = thai
                ? $"มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชี {user.Email} ในระบบ PMQA 4.0 Online\n\n"
                  + $"เปิดลิงก์นี้เพื่อตั้งรหัสผ่านใหม่ (ใช้ได้ครั้งเดียว ภายใน {days} วัน):\n{link}\n\n"
                  + "หากท่านไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้\n\n— ระบบ PMQA 4.0 Online สำนักงาน ก.พ.ร."
                : $"Someone asked to set a new password for {user.Email} in PMQA 4.0 Online.\n\n"
                  + $"Open this link to choose a new password (it works once, within {days} days):\n{link}\n\n"
                  + "If you did not ask, do nothing: your password stays as it is.\n\n— PMQA 4.0 Online, OPDC",
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}

/// <summary>
/// Reset requests are limited per address (so nobody can fill a person's mailbox) and per client (so nobody can
/// probe many addresses), each a fixed window of an hour: <c>RateLimiting:PasswordResetsPerAddressPerHour</c>
/// (default 3) and <c>RateLimiting:PasswordResetsPerClientPerHour</c> (default 10). The same limiter types as the
/// sign-in limit, but consulted by the handler: a limited request must get the same answer as any other.
/// Per instance, like the sign-in limit.
/// </summary>
public sealed class PasswordResetLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perClient;

    public PasswordResetLimits(IConfiguration config)
    {
        _perAddress = Hourly(config.GetValue("RateLimiting:PasswordResetsPerAddressPerHour", 3));
        _perClient = Hourly(config.GetValue("RateLimiting:PasswordResetsPerClientPerHour", 10));
    }

    private static PartitionedRateLimiter<string> Hourly(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    /// <summary>Takes a permit from both limits; a request refused by the client's limit does not use up the address's.</summary>
    public bool TryAcquire(string email, string client)
    {
        using var byClient = _perClient.AttemptAcquire(client);
        if (!byClient.IsAcquired) return false;
        using var byAddress = _perAddress.AttemptAcquire(email.ToUpperInvariant());
        return byAddress.IsAcquired;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perClient.Dispose();
    }
}
