using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>The register's other lists (ADR 0025): datasets in the GD Catalog and data exchanges of every organisation;
/// area projects and participation channels of provinces only (another organisation has none: 404).</summary>
public sealed class DigitalLists(PmqaDbContext db, DigitalAccess access, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()));

    public async Task<Outcome<List<DatasetView>>> DatasetsAsync(Guid orgId, CancellationToken ct = default) =>
        await access.TypeAsync(orgId, ct) is not null
            ? (await db.CatalogDatasets.AsNoTracking().Where(d => d.OrganizationId == orgId).ToListAsync(ct))
                .OrderBy(d => d.Title, StringComparer.Ordinal)
                .Select(View).ToList()
            : new Outcome<List<DatasetView>>.NotFound();

    public async Task<Outcome<DatasetView>> AddDatasetAsync(Guid orgId, DatasetInput input, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<OrganizationType>.Ok) return allowed.As<DatasetView>();
        if (Invalid(DigitalRules.CheckDataset(input.Title, input.CatalogUrl, input.UpdateFrequency, input.LastUpdated, Today)) is { } errors) return errors;
        DigitalNames.TryParse<UpdateFrequency>(input.UpdateFrequency, out var frequency);
        var d = new CatalogDataset
        {
            OrganizationId = orgId, Title = input.Title!.Trim(), CatalogUrl = input.CatalogUrl!.Trim(), UpdateFrequency = frequency, LastUpdated = input.LastUpdated,
        };
        db.CatalogDatasets.Add(d);
        await db.SaveChangesAsync(ct);
        return View(d);
    }

    public async Task<Outcome<List<ExchangeView>>> ExchangesAsync(Guid orgId, CancellationToken ct = default) =>
        await access.TypeAsync(orgId, ct) is not null
            ? (await db.DataExchanges.AsNoTracking().Where(d => d.OrganizationId == orgId).ToListAsync(ct))
                .OrderBy(d => d.PartnerAgency, StringComparer.Ordinal)
                .Select(View).ToList()
            : new Outcome<List<ExchangeView>>.NotFound();

    public async Task<Outcome<ExchangeView>> AddExchangeAsync(Guid orgId, ExchangeInput input, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<OrganizationType>.Ok) return allowed.As<ExchangeView>();
        if (Invalid(DigitalRules.CheckExchange(input.PartnerAgency, input.Data, input.Direction, input.Since, Today)) is { } errors) return errors;
        DigitalNames.TryParse<ExchangeDirection>(input.Direction, out var direction);
        var d = new DataExchange { OrganizationId = orgId, PartnerAgency = input.PartnerAgency!.Trim(), Data = input.Data!.Trim(), Direction = direction, Since = input.Since };
        db.DataExchanges.Add(d);
        await db.SaveChangesAsync(ct);
        return View(d);
    }

    public async Task<Outcome<List<AreaProjectView>>> AreaProjectsAsync(Guid orgId, CancellationToken ct = default)
    {
        if (await ProvinceAsync(orgId, edit: false, ct) is { } refused) return refused.As<List<AreaProjectView>>();
        return (await db.AreaProjects.AsNoTracking().Where(p => p.OrganizationId == orgId).ToListAsync(ct))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(View).ToList();
    }

    public async Task<Outcome<AreaProjectView>> AddAreaProjectAsync(Guid orgId, AreaProjectInput input, CancellationToken ct = default)
    {
        if (await ProvinceAsync(orgId, edit: true, ct) is { } refused) return refused.As<AreaProjectView>();
        if (Invalid(DigitalRules.CheckAreaProject(input.Name, input.ValueChain, input.PartnerAgencies, input.Budget, input.Status)) is { } errors) return errors;
        DigitalNames.TryParse<AreaProjectStatus>(input.Status, out var status);
        var p = new AreaProject
        {
            OrganizationId = orgId, Name = input.Name!.Trim(), ValueChain = input.ValueChain!.Trim(), PartnerAgencies = input.PartnerAgencies?.Trim() ?? "",
            Budget = input.Budget!.Value, Status = status,
        };
        db.AreaProjects.Add(p);
        await db.SaveChangesAsync(ct);
        return View(p);
    }

    public async Task<Outcome<List<ChannelView>>> ChannelsAsync(Guid orgId, CancellationToken ct = default)
    {
        if (await ProvinceAsync(orgId, edit: false, ct) is { } refused) return refused.As<List<ChannelView>>();
        return (await db.ParticipationChannels.AsNoTracking().Where(c => c.OrganizationId == orgId).ToListAsync(ct))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(View).ToList();
    }

    public async Task<Outcome<ChannelView>> AddChannelAsync(Guid orgId, ChannelInput input, CancellationToken ct = default)
    {
        if (await ProvinceAsync(orgId, edit: true, ct) is { } refused) return refused.As<ChannelView>();
        if (Invalid(DigitalRules.CheckChannel(input.Name, input.Usage)) is { } errors) return errors;
        var c = new ParticipationChannel { OrganizationId = orgId, Name = input.Name!.Trim(), Usage = input.Usage?.Trim() ?? "" };
        db.ParticipationChannels.Add(c);
        await db.SaveChangesAsync(ct);
        return View(c);
    }

    internal static DatasetView View(CatalogDataset d) =>
        new(d.Id, d.Title, d.CatalogUrl, DigitalNames.ApiName(d.UpdateFrequency), d.LastUpdated, d.Version);

    internal static ExchangeView View(DataExchange d) => new(d.Id, d.PartnerAgency, d.Data, DigitalNames.ApiName(d.Direction), d.Since, d.Version);

    internal static ChannelView View(ParticipationChannel c) => new(c.Id, c.Name, c.Usage, c.Version);

    internal static AreaProjectView View(AreaProject p) =>
        new(p.Id, p.Name, p.ValueChain, p.PartnerAgencies, p.Budget, DigitalNames.ApiName(p.Status), p.Version);

    /// <summary>Null when the organisation is a province the caller may read (or, with <paramref name="edit"/>, change);
    /// otherwise the refusal: 404 for an organisation that is not a province, as for a collection that does not exist.</summary>
    private async Task<Outcome<OrganizationType>?> ProvinceAsync(Guid orgId, bool edit, CancellationToken ct)
    {
        var type = await access.TypeAsync(orgId, ct);
        if (type != OrganizationType.Province) return new Outcome<OrganizationType>.NotFound();
        if (edit && !await access.CanEditAsync(orgId)) return new Outcome<OrganizationType>.Forbidden(DigitalAccess.CoordinatorOnly);
        return null;
    }

    private static ValidationErrors? Invalid(List<DigitalError> errors)
    {
        if (errors.Count == 0) return null;
        var invalid = new ValidationErrors();
        foreach (var e in errors) invalid.Add(e.Field, e.Th, e.En);
        return invalid;
    }
}
