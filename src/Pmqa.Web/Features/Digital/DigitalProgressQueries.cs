using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Dashboard;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>One organisation's line of the national view: who it is, where it sits, and its figures (with its
/// follow-up line once <see cref="FollowUpStandings"/> added it).</summary>
public sealed record OrganizationProgress(
    Guid Id, string Code, string NameTh, string NameEn, string Type, string? ParentCode, string? ParentNameTh, string? ParentNameEn,
    ProgressFigures Figures, FollowUpLine? FollowUp = null);

/// <summary>A group's figures: a type (key = the type's API name) or a ministry/cluster (key = its code).</summary>
public sealed record ProgressGroup(string Key, string NameTh, string NameEn, int Organizations, ProgressFigures Figures);

/// <summary>OPDC's national view of the digital registers (issue 12): totals, by type, by ministry or cluster, the
/// planned path to 2570 and every organisation.</summary>
public sealed record NationalProgress(
    int CurrentYear, FilterView Filter, ProgressFigures Totals, List<ProgressGroup> ByType, List<ProgressGroup> ByParent,
    List<PathYear> Path, List<OrganizationProgress> Organizations, List<ActualYear>? Actual = null);

/// <summary>One organisation's figures and its planned path to 2570.</summary>
public sealed record OrganizationPath(Guid Id, string Code, string NameTh, string NameEn, int CurrentYear, ProgressFigures Figures, List<PathYear> Path,
    List<ActualYear>? Actual = null);

/// <summary>Progress computed from the registers as they are now (ADR 0025): the facts are loaded here, every figure
/// is <see cref="DigitalProgress"/>'s.</summary>
public sealed class DigitalProgressQueries(PmqaDbContext db, DigitalAccess access, TimeProvider clock)
{
    public int CurrentYearBe => ThaiTime.ToBangkok(clock.GetUtcNow()).Year + ThaiTime.BuddhistEraOffset;

    /// <summary>One organisation's figures and path: its members and OPDC see them, anyone else is told nothing (404).</summary>
    public async Task<Outcome<OrganizationPath>> OrganizationAsync(Guid orgId, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<OrganizationType>.Ok) return new Outcome<OrganizationPath>.NotFound();
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.Code, o.NameTh, o.NameEn }).SingleAsync(ct);
        var services = (await db.DigitalServices.AsNoTracking().Where(s => s.OrganizationId == orgId)
                .Select(s => new { s.FullyDigital, s.Channel, s.TargetYear, Granted = s.ExceptionGrantedAt != null, s.DigitisedYear }).ToListAsync(ct))
            .Select(s => new ServiceFacts(s.FullyDigital, s.Channel, s.TargetYear, s.Granted, s.DigitisedYear)).ToList();
        var year = CurrentYearBe;
        return new OrganizationPath(orgId, org.Code, org.NameTh, org.NameEn, year, DigitalProgress.Figures(services, year), DigitalProgress.Path(services, year),
            DigitalProgress.Actual(services, year));
    }

    /// <summary>Every active assessed organisation (with or without services: an empty register is news to OPDC),
    /// filtered by type and by the ministry's or cluster's code.</summary>
    public async Task<Outcome<NationalProgress>> NationalAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var parents = await db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Ministry || o.Type == OrganizationType.ProvinceCluster)
            .Select(o => new { o.Id, o.Code, o.NameTh, o.NameEn, o.Type }).ToDictionaryAsync(o => o.Id, ct);
        var errors = new ValidationErrors();
        Guid? Find(string? code, OrganizationType type, string field, string th, string en)
        {
            if (code is null) return null;
            var found = parents.Values.FirstOrDefault(p => p.Type == type && string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
            if (found is null) errors.Add(field, th, en);
            return found?.Id;
        }
        var ministry = Find(filter.Ministry, OrganizationType.Ministry, "ministry", "ไม่พบกระทรวงรหัสนี้", "No ministry has this code.");
        var cluster = Find(filter.Cluster, OrganizationType.ProvinceCluster, "cluster", "ไม่พบกลุ่มจังหวัดรหัสนี้", "No province cluster has this code.");
        if (errors.Any) return errors;

        var orgs = db.Organizations.AsNoTracking().Where(o => o.IsActive &&
            (o.Type == OrganizationType.Department || o.Type == OrganizationType.Province || o.Type == OrganizationType.PublicOrganization));
        if (filter.Type is { } type) orgs = orgs.Where(o => o.Type == type);
        if (ministry is { } m) orgs = orgs.Where(o => o.ParentId == m);
        if (cluster is { } c) orgs = orgs.Where(o => o.ParentId == c);
        var rows = await orgs.Select(o => new { o.Id, o.Code, o.NameTh, o.NameEn, o.Type, o.ParentId }).ToListAsync(ct);
        var services = (await db.DigitalServices.AsNoTracking().Where(s => orgs.Select(o => o.Id).Contains(s.OrganizationId))
                .Select(s => new { s.OrganizationId, s.FullyDigital, s.Channel, s.TargetYear, Granted = s.ExceptionGrantedAt != null, s.DigitisedYear }).ToListAsync(ct))
            .ToLookup(s => s.OrganizationId, s => new ServiceFacts(s.FullyDigital, s.Channel, s.TargetYear, s.Granted, s.DigitisedYear));
        var year = CurrentYearBe;

        var lines = rows.Select(o =>
        {
            var parent = o.ParentId is { } p && parents.TryGetValue(p, out var found) ? found : null;
            return new OrganizationProgress(o.Id, o.Code, o.NameTh, o.NameEn, o.Type.ApiName(), parent?.Code, parent?.NameTh, parent?.NameEn,
                DigitalProgress.Figures([.. services[o.Id]], year));
        }).OrderBy(o => o.Code, StringComparer.OrdinalIgnoreCase).ToList();
        var all = rows.SelectMany(o => services[o.Id]).ToList();
        var byType = DigitalProgress.ByGroup(rows, o => o.Type, o => services[o.Id], year)
            .Select(g => new ProgressGroup(g.Key.ApiName(), g.Key.DisplayName().Th, g.Key.DisplayName().En, rows.Count(o => o.Type == g.Key), g.Figures)).ToList();
        var byParent = DigitalProgress.ByGroup(rows.Where(o => o.ParentId is { } p && parents.ContainsKey(p)), o => parents[o.ParentId!.Value].Code, o => services[o.Id], year)
            .Select(g =>
            {
                var parent = parents.Values.First(p => p.Code == g.Key);
                return new ProgressGroup(g.Key, parent.NameTh, parent.NameEn, rows.Count(o => o.ParentId == parent.Id), g.Figures);
            }).ToList();
        return new NationalProgress(year, RoundDashboard.FilterOf(filter with { Band = null }), DigitalProgress.Figures(all, year),
            byType, byParent, DigitalProgress.Path(all, year), lines, DigitalProgress.Actual(all, year));
    }
}
