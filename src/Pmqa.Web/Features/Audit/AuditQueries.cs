using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features.Audit;

public sealed record AuditFilter(string? EntityType, string? EntityKey, string? User, DateOnly? From, DateOnly? To, int Page = 1);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityKey,
    AuditAction Action, IReadOnlyList<FieldChange> Changes);

public sealed class AuditQueries(PmqaDbContext db)
{
    public const int PageSize = 50;

    public async Task<Page<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        if (!string.IsNullOrWhiteSpace(filter.User)) query = query.Where(a => a.UserName.ToLower().Contains(filter.User.Trim().ToLower()));
        // Dates are Bangkok calendar days.
        if (filter.From is { } from) query = query.Where(a => a.At >= BangkokStart(from));
        if (filter.To is { } to) query = query.Where(a => a.At < BangkokStart(to.AddDays(1)));
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<AuditRow>(rows.Select(a => new AuditRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityKey, a.Action,
            JsonSerializer.Deserialize<List<FieldChange>>(a.ChangesJson) ?? [])).ToList(), total, page, PageSize);
    }

    public Task<List<string>> EntityTypesAsync(CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    private static DateTimeOffset BangkokStart(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Time.ThaiTime.Bangkok.BaseUtcOffset).ToUniversalTime();
}
