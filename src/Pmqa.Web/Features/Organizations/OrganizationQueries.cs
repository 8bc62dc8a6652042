using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Organizations;

public sealed record OrganizationSummary(
    Guid Id, string Code, string NameTh, string NameEn, OrganizationType Type, string? ParentCode, string? ParentNameTh,
    string? ParentNameEn, bool IsActive, int Version);

public sealed record MemberRow(Guid Id, Guid UserId, string Email, string DisplayName, Role Role, bool IsDisabled);

public sealed class OrganizationQueries(PmqaDbContext db, CurrentUser currentUser)
{
    public const int PageSize = 50;

    /// <summary>Organisations the caller may see (all of them for OPDC staff), filtered and paged.</summary>
    public async Task<Page<OrganizationSummary>> SearchAsync(string? search, OrganizationType? type, int page, CancellationToken ct = default)
    {
        var query = db.Organizations.AsNoTracking();
        if (!await currentUser.SeesAllOrganizationsAsync())
        {
            var mine = (await currentUser.MembershipsAsync()).Select(m => m.OrganizationId).ToList();
            query = query.Where(o => mine.Contains(o.Id));
        }
        if (type is { } t) query = query.Where(o => o.Type == t);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLower();
            query = query.Where(o => o.CodeKey.Contains(s) || o.NameTh.Contains(search.Trim()) || o.NameEn.ToLower().Contains(s));
        }
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(o => o.Type).ThenBy(o => o.Code).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return new Page<OrganizationSummary>(items, total, page, PageSize);
    }

    public Task<OrganizationSummary?> FindAsync(Guid id, CancellationToken ct = default) =>
        Project(db.Organizations.AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);

    public Task<List<MemberRow>> MembersAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId)
            .OrderBy(m => m.Role).ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberRow(m.Id, m.UserId, m.User!.Email!, m.User.DisplayName, m.Role, m.User.IsDisabled))
            .ToListAsync(ct);

    /// <summary>Possible parents for a form's drop-down: ministries and province clusters.</summary>
    public Task<List<OrganizationSummary>> ParentsAsync(CancellationToken ct = default) =>
        Project(db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Ministry || o.Type == OrganizationType.ProvinceCluster)
            .OrderBy(o => o.Type).ThenBy(o => o.NameTh)).ToListAsync(ct);

    private static IQueryable<OrganizationSummary> Project(IQueryable<Data.Entities.Organization> query) =>
        query.Select(o => new OrganizationSummary(o.Id, o.Code, o.NameTh, o.NameEn, o.Type,
            o.Parent == null ? null : o.Parent.Code, o.Parent == null ? null : o.Parent.NameTh,
            o.Parent == null ? null : o.Parent.NameEn, o.IsActive, o.Version));
}
