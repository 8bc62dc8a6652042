using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;

namespace Pmqa.Web.Features.Notifications;

/// <summary>A message in both languages; each recipient gets it in its own. <see cref="Link"/> is a path
/// inside the application (e.g. <c>/assessments/{id}</c>).</summary>
public sealed record NotificationText(string TitleTh, string TitleEn, string BodyTh, string BodyEn, string Link);

/// <summary>Mail settings. No <see cref="Host"/> means no e-mail: notifications stay in the app only.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "pmqa@opdc.go.th";
    /// <summary>The old name of <c>App:PublicUrl</c>, still read when that is not set (see <see cref="Infrastructure.Web.PublicUrl"/>).</summary>
    public string? PublicUrl { get; set; }
    /// <summary>Attempts before a message is given up (it stays in the outbox, with its last error).</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Seconds between two looks at the outbox (a change that writes e-mail also wakes the sender).</summary>
    public int PollSeconds { get; set; } = 5;
    /// <summary>Seconds one message may take to send before it counts as a failed attempt.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>
/// Tells people about a change. It only adds rows (in-app notifications and, when SMTP is configured,
/// outbox e-mails) to the caller's DbContext: the caller's SaveChanges commits them in the same
/// transaction as the change they report, so a notification is never lost nor sent for a change that failed.
/// </summary>
public sealed class Notifier(PmqaDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp, OutboxSignal outbox, Infrastructure.Web.PublicUrl publicUrl)
{
    private bool _wakesSender;

    public async Task NotifyAsync(IEnumerable<Guid> userIds, NotificationText text, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.PreferredLanguage }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var person in people)
        {
            var thai = person.PreferredLanguage != "en";
            var (title, body) = thai ? (text.TitleTh, text.BodyTh) : (text.TitleEn, text.BodyEn);
            db.Notifications.Add(new Notification { UserId = person.Id, Title = title, Body = body, Link = text.Link, CreatedAt = now });
            if (!smtp.Value.Enabled || string.IsNullOrWhiteSpace(person.Email)) continue;
            var url = publicUrl.To(text.Link);
            db.OutboxMessages.Add(new OutboxMessage
            {
                To = person.Email,
                Subject = $"[PMQA 4.0] {title}",
                Body = thai
                    ? $"{body}\n\nเปิดดูในระบบ: {url}\n\n— ระบบ PMQA 4.0 Online สำนักงาน ก.พ.ร."
                    : $"{body}\n\nOpen it in the system: {url}\n\n— PMQA 4.0 Online, OPDC",
                CreatedAt = now,
                NextAttemptAt = now,
            });
            WakeSenderAfterSave();
        }
    }

    /// <summary>Once the caller's SaveChanges has written the e-mails, the sender need not wait for its next poll.</summary>
    private void WakeSenderAfterSave()
    {
        if (_wakesSender) return;
        _wakesSender = true;
        db.SavedChanges += (_, _) => outbox.Wake();
    }
}

/// <summary>Who a change concerns: an agency's people by role, an assessment's review team, OPDC officers.</summary>
public sealed class Recipients(PmqaDbContext db)
{
    public async Task<List<Guid>> AgencyAsync(Guid organizationId, params Role[] roles) =>
        await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && roles.Contains(m.Role))
            .Select(m => m.UserId).Distinct().ToListAsync();

    /// <summary>The team as it will be once the caller saves: assignments added in this unit of work count
    /// (the first team is notified in the same save that creates it), removed ones do not.</summary>
    public async Task<List<Guid>> ReviewTeamAsync(Guid assessmentId, bool leadOnly = false)
    {
        var saved = await db.ReviewAssignments.AsNoTracking().Where(r => r.AssessmentId == assessmentId && (!leadOnly || r.IsLead))
            .Select(r => r.UserId).ToListAsync();
        var pending = db.ChangeTracker.Entries<ReviewAssignment>().Where(e => e.Entity.AssessmentId == assessmentId && (!leadOnly || e.Entity.IsLead)).ToList();
        return saved.Except(pending.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.UserId))
            .Union(pending.Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId)).ToList();
    }

    public async Task<List<Guid>> OpdcOfficersAsync() =>
        await db.Memberships.AsNoTracking().Where(m => m.Role == Role.OpdcOfficer).Select(m => m.UserId).Distinct().ToListAsync();
}
