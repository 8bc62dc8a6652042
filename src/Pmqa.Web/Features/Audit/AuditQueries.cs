using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Auditing;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Audit;

/// <summary>What the audit trail is filtered by; dates are Bangkok calendar days (ISO yyyy-MM-dd).</summary>
public sealed record AuditFilter(string? EntityType, string? EntityKey, string? User, DateOnly? From, DateOnly? To, int Page = 1,
    Guid? OrganizationId = null, Guid? AssessmentId = null, string? Kind = null);

/// <summary>One entry as people read it: who (name, e-mail), on which organisation and assessment, what in
/// words, the texts before and after, and the raw record (field changes) for administrators.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityKey,
    AuditAction Action, IReadOnlyList<FieldChange> Changes)
{
    public DateTimeOffset? StartedAt { get; init; }
    public int Saves { get; init; } = 1;
    public Guid? UserId { get; init; }
    public string? UserDisplayName { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? OrganizationName { get; init; }
    public Guid? AssessmentId { get; init; }
    public int? FiscalYear { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<Msg> Summary { get; init; } = [];
    public IReadOnlyList<TextChange> Texts { get; init; } = [];
}

public sealed class AuditQueries(PmqaDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The most rows one CSV export holds; narrow the filter for more.</summary>
    public const int ExportLimit = 20_000;

    public async Task<Page<AuditRow>> SearchAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var query = Filtered(filter);
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new Page<AuditRow>(await ReadableAsync(rows, ct), total, page, PageSize);
    }

    public async Task<IReadOnlyList<AuditRow>> ExportAsync(AuditFilter filter, CancellationToken ct = default) =>
        await ReadableAsync(await Filtered(filter).Take(ExportLimit).ToListAsync(ct), ct);

    private IQueryable<AuditEntry> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (!string.IsNullOrWhiteSpace(filter.EntityKey)) query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        if (filter.OrganizationId is { } org) query = query.Where(a => a.OrganizationId == org);
        if (filter.AssessmentId is { } assessment) query = query.Where(a => a.AssessmentId == assessment);
        if (filter.Kind is { } kind && AuditKinds.All.TryGetValue(kind, out var k))
        {
            var types = k.Types;
            query = query.Where(a => types.Contains(a.EntityType));
        }
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            // By e-mail (recorded) or by the person's current display name.
            var who = filter.User.Trim().ToLower();
            var ids = db.Users.Where(u => u.DisplayName.ToLower().Contains(who)).Select(u => (Guid?)u.Id);
            query = query.Where(a => a.UserName.ToLower().Contains(who) || ids.Contains(a.UserId));
        }
        // Dates are Bangkok calendar days.
        if (filter.From is { } from) query = query.Where(a => a.At >= BangkokStart(from));
        if (filter.To is { } to) query = query.Where(a => a.At < BangkokStart(to.AddDays(1)));
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    /// <summary>Names for the page's people, organisations, assessments and issue codes: one query each.</summary>
    private async Task<List<AuditRow>> ReadableAsync(List<AuditEntry> rows, CancellationToken ct)
    {
        var userIds = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var orgIds = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => Bilingual.T(o.NameTh, string.IsNullOrEmpty(o.NameEn) ? o.NameTh : o.NameEn), ct);
        var assessmentIds = rows.Where(r => r.AssessmentId is not null).Select(r => r.AssessmentId!.Value).Distinct().ToList();
        var years = await db.Assessments.AsNoTracking().Where(a => assessmentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Round!.FiscalYear }).ToDictionaryAsync(a => a.Id, a => a.FiscalYear, ct);
        var answerIds = Keys(rows, nameof(IssueAnswer));
        var issues = await db.Set<IssueAnswer>().AsNoTracking().Where(a => answerIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.IssueCode, ct);
        var sectionIds = Keys(rows, nameof(ProfileAnswer));
        var sections = await db.Set<ProfileAnswer>().AsNoTracking().Where(a => sectionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.SectionCode, ct);

        return rows.Select(a =>
        {
            var changes = JsonSerializer.Deserialize<List<FieldChange>>(a.ChangesJson) ?? [];
            var key = Guid.TryParse(a.EntityKey, out var g) ? g : Guid.Empty;
            var subject = issues.GetValueOrDefault(key) ?? sections.GetValueOrDefault(key)
                ?? changes.FirstOrDefault(c => c.Field is "IssueCode" or "SectionCode")?.New;
            return new AuditRow(a.Id, a.At, a.UserName, a.EntityType, a.EntityKey, a.Action, changes)
            {
                StartedAt = a.StartedAt,
                Saves = a.Saves,
                UserId = a.UserId,
                UserDisplayName = a.UserId is { } u ? users.GetValueOrDefault(u) : null,
                OrganizationId = a.OrganizationId,
                OrganizationName = a.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null,
                AssessmentId = a.AssessmentId,
                FiscalYear = a.AssessmentId is { } s && years.TryGetValue(s, out var y) ? y : null,
                Kind = AuditKinds.Of(a.EntityType),
                Summary = AuditDescriber.Describe(a.EntityType, a.Action, changes, subject),
                Texts = AuditDescriber.Texts(a.EntityType, changes),
            };
        }).ToList();
    }

    private static List<Guid> Keys(List<AuditEntry> rows, string entityType) =>
        rows.Where(r => r.EntityType == entityType && Guid.TryParse(r.EntityKey, out _)).Select(r => Guid.Parse(r.EntityKey)).ToList();

    public Task<List<string>> EntityTypesAsync(CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// <summary>The organisations to filter by.</summary>
    public async Task<List<(Guid Id, string Name)>> OrganizationsAsync(CancellationToken ct = default) =>
        (await db.Organizations.AsNoTracking().OrderBy(o => o.Code).Select(o => new { o.Id, o.Code, o.NameTh, o.NameEn }).ToListAsync(ct))
            .Select(o => (o.Id, $"{o.Code} {Bilingual.T(o.NameTh, string.IsNullOrEmpty(o.NameEn) ? o.NameTh : o.NameEn)}")).ToList();

    private static DateTimeOffset BangkokStart(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Domain.Time.ThaiTime.Bangkok.BaseUtcOffset).ToUniversalTime();
}
