using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;

namespace Pmqa.Web.Features.Users;

public sealed record UserSummary(Guid Id, string Email, string DisplayName, bool IsDisabled, bool IsLockedOut, DateTimeOffset CreatedAt);

public sealed record UserMembership(Guid Id, Guid OrganizationId, string OrganizationCode, string OrganizationNameTh, string OrganizationNameEn, Role Role);

public sealed record UserDetails(UserSummary User, IReadOnlyList<UserMembership> Memberships);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed class UserQueries(PmqaDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    public async Task<Page<UserSummary>> SearchAsync(string? search, int page, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(s) || u.DisplayName.ToUpper().Contains(s));
        }
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(ct);
        return new Page<UserSummary>(
            items.Select(u => new UserSummary(u.Id, u.Email!, u.DisplayName, u.IsDisabled, u.LockoutEnd > now, u.CreatedAt)).ToList(),
            total, page, PageSize);
    }

    public async Task<UserDetails?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == id)
            .OrderBy(m => m.Organization!.Code)
            .Select(m => new UserMembership(m.Id, m.OrganizationId, m.Organization!.Code, m.Organization.NameTh, m.Organization.NameEn, m.Role))
            .ToListAsync(ct);
        return new UserDetails(
            new UserSummary(user.Id, user.Email!, user.DisplayName, user.IsDisabled, user.LockoutEnd > clock.GetUtcNow(), user.CreatedAt),
            memberships);
    }
}
