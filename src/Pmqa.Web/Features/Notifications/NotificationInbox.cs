using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Notifications;

public sealed record NotificationItem(Guid Id, string Title, string Body, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The signed-in person's own notifications: the list, the unread count in the top navigation,
/// marking as read. Anyone else's notification does not exist for them (404).</summary>
public sealed class NotificationInbox(PmqaDbContext db, CurrentUser me, TimeProvider clock)
{
    public const int PageSize = 25;
    private int? _unread;

    private IQueryable<Pmqa.Data.Entities.Notification> Mine =>
        me.Id is { } id ? db.Notifications.Where(n => n.UserId == id) : db.Notifications.Where(_ => false);

    public async Task<Page<NotificationItem>> ListAsync(bool unreadOnly, int page, CancellationToken ct = default)
    {
        var query = Mine.AsNoTracking();
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new Page<NotificationItem>(items, total, page, PageSize);
    }

    /// <summary>Read once per request (the layout asks on every page).</summary>
    public async Task<int> UnreadCountAsync(CancellationToken ct = default) =>
        _unread ??= await Mine.CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marks one of the caller's notifications as read (again is harmless) and returns its link;
    /// null when the caller has no such notification.</summary>
    public async Task<string?> MarkReadAsync(Guid id, CancellationToken ct = default)
    {
        var found = await Mine.Where(n => n.Id == id).Select(n => new { n.Link, n.ReadAt }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        if (found.ReadAt is null)
        {
            var now = clock.GetUtcNow();
            await Mine.Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
            _unread = null;
        }
        return found.Link;
    }

    /// <summary>Marks every unread notification of the caller's as read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var marked = await Mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        _unread = 0;
        return marked;
    }
}
