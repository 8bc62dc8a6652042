using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// Reading one entry of the register's other lists, changing it and removing it (ADR 0028 amends ADR 0025's "added
/// only"): datasets and exchanges of every organisation, area projects and participation channels of provinces only.
/// A change or removal names the version read (If-Match on the API, a hidden field on the page): a stale one is refused,
/// never merged. Every change is audited by the interceptor (the entries carry their organisation).
/// </summary>
public sealed class DigitalListEdits(PmqaDbContext db, DigitalAccess access, TimeProvider clock)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขรายการนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone changed this entry after you opened it: reload it and make your change again.");

    private DateOnly Today => DateOnly.FromDateTime(ThaiTime.ToBangkok(clock.GetUtcNow()));

    public Task<Outcome<DatasetView>> DatasetAsync(Guid orgId, Guid id, CancellationToken ct = default) =>
        GetAsync<CatalogDataset, DatasetView>(orgId, id, false, DigitalLists.View, ct);

    public Task<Outcome<DatasetView>> UpdateDatasetAsync(Guid orgId, Guid id, int ifMatch, DatasetInput input, CancellationToken ct = default) =>
        UpdateAsync<CatalogDataset, DatasetView>(orgId, id, ifMatch, false,
            () => DigitalRules.CheckDataset(input.Title, input.CatalogUrl, input.UpdateFrequency, input.LastUpdated, Today),
            d =>
            {
                DigitalNames.TryParse<UpdateFrequency>(input.UpdateFrequency, out var frequency);
                (d.Title, d.CatalogUrl, d.UpdateFrequency, d.LastUpdated) = (input.Title!.Trim(), input.CatalogUrl!.Trim(), frequency, input.LastUpdated);
            }, DigitalLists.View, ct);

    public Task<Outcome<bool>> DeleteDatasetAsync(Guid orgId, Guid id, int ifMatch, CancellationToken ct = default) =>
        DeleteAsync<CatalogDataset>(orgId, id, ifMatch, false, ct);

    public Task<Outcome<ExchangeView>> ExchangeAsync(Guid orgId, Guid id, CancellationToken ct = default) =>
        GetAsync<DataExchange, ExchangeView>(orgId, id, false, DigitalLists.View, ct);

    public Task<Outcome<ExchangeView>> UpdateExchangeAsync(Guid orgId, Guid id, int ifMatch, ExchangeInput input, CancellationToken ct = default) =>
        UpdateAsync<DataExchange, ExchangeView>(orgId, id, ifMatch, false,
            () => DigitalRules.CheckExchange(input.PartnerAgency, input.Data, input.Direction, input.Since, Today),
            x =>
            {
                DigitalNames.TryParse<ExchangeDirection>(input.Direction, out var direction);
                (x.PartnerAgency, x.Data, x.Direction, x.Since) = (input.PartnerAgency!.Trim(), input.Data!.Trim(), direction, input.Since);
            }, DigitalLists.View, ct);

    public Task<Outcome<bool>> DeleteExchangeAsync(Guid orgId, Guid id, int ifMatch, CancellationToken ct = default) =>
        DeleteAsync<DataExchange>(orgId, id, ifMatch, false, ct);

    public Task<Outcome<AreaProjectView>> AreaProjectAsync(Guid orgId, Guid id, CancellationToken ct = default) =>
        GetAsync<AreaProject, AreaProjectView>(orgId, id, true, DigitalLists.View, ct);

    public Task<Outcome<AreaProjectView>> UpdateAreaProjectAsync(Guid orgId, Guid id, int ifMatch, AreaProjectInput input, CancellationToken ct = default) =>
        UpdateAsync<AreaProject, AreaProjectView>(orgId, id, ifMatch, true,
            () => DigitalRules.CheckAreaProject(input.Name, input.ValueChain, input.PartnerAgencies, input.Budget, input.Status),
            p =>
            {
                DigitalNames.TryParse<AreaProjectStatus>(input.Status, out var status);
                (p.Name, p.ValueChain, p.PartnerAgencies, p.Budget, p.Status) = (input.Name!.Trim(), input.ValueChain!.Trim(), input.PartnerAgencies?.Trim() ?? "", input.Budget!.Value, status);
            }, DigitalLists.View, ct);

    public Task<Outcome<bool>> DeleteAreaProjectAsync(Guid orgId, Guid id, int ifMatch, CancellationToken ct = default) =>
        DeleteAsync<AreaProject>(orgId, id, ifMatch, true, ct);

    public Task<Outcome<ChannelView>> ChannelAsync(Guid orgId, Guid id, CancellationToken ct = default) =>
        GetAsync<ParticipationChannel, ChannelView>(orgId, id, true, DigitalLists.View, ct);

    public Task<Outcome<ChannelView>> UpdateChannelAsync(Guid orgId, Guid id, int ifMatch, ChannelInput input, CancellationToken ct = default) =>
        UpdateAsync<ParticipationChannel, ChannelView>(orgId, id, ifMatch, true,
            () => DigitalRules.CheckChannel(input.Name, input.Usage),
            c => (c.Name, c.Usage) = (input.Name!.Trim(), input.Usage?.Trim() ?? ""), DigitalLists.View, ct);

    public Task<Outcome<bool>> DeleteChannelAsync(Guid orgId, Guid id, int ifMatch, CancellationToken ct = default) =>
        DeleteAsync<ParticipationChannel>(orgId, id, ifMatch, true, ct);

    private async Task<Outcome<TView>> GetAsync<TEntity, TView>(Guid orgId, Guid id, bool provinceOnly, Func<TEntity, TView> view, CancellationToken ct)
        where TEntity : class, IVersioned
    {
        if (await RefusedAsync(orgId, provinceOnly, edit: false, ct) is { } refused) return refused.As<TView>();
        var entry = await FindAsync<TEntity>(orgId, id, ct);
        return entry is null ? new Outcome<TView>.NotFound() : view(entry);
    }

    private async Task<Outcome<TView>> UpdateAsync<TEntity, TView>(Guid orgId, Guid id, int ifMatch, bool provinceOnly,
        Func<List<DigitalError>> check, Action<TEntity> apply, Func<TEntity, TView> view, CancellationToken ct) where TEntity : class, IVersioned
    {
        if (await RefusedAsync(orgId, provinceOnly, edit: true, ct) is { } refused) return refused.As<TView>();
        var entry = await FindAsync<TEntity>(orgId, id, ct);
        if (entry is null) return new Outcome<TView>.NotFound();
        if (entry.Version != ifMatch) return new Outcome<TView>.Conflict(StaleMessage);
        var errors = check();
        if (errors.Count > 0)
        {
            var invalid = new ValidationErrors();
            foreach (var e in errors) invalid.Add(e.Field, e.Th, e.En);
            return invalid;
        }
        apply(entry);
        return await SaveAsync(ct) ? view(entry) : new Outcome<TView>.Conflict(StaleMessage);
    }

    private async Task<Outcome<bool>> DeleteAsync<TEntity>(Guid orgId, Guid id, int ifMatch, bool provinceOnly, CancellationToken ct) where TEntity : class, IVersioned
    {
        if (await RefusedAsync(orgId, provinceOnly, edit: true, ct) is { } refused) return refused.As<bool>();
        var entry = await FindAsync<TEntity>(orgId, id, ct);
        if (entry is null) return new Outcome<bool>.NotFound();
        if (entry.Version != ifMatch) return new Outcome<bool>.Conflict(StaleMessage);
        db.Remove(entry);
        return await SaveAsync(ct) ? true : new Outcome<bool>.Conflict(StaleMessage);
    }

    /// <summary>The entry of this organisation with this id; another organisation's is not found (404).</summary>
    private Task<TEntity?> FindAsync<TEntity>(Guid orgId, Guid id, CancellationToken ct) where TEntity : class =>
        db.Set<TEntity>().SingleOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id && EF.Property<Guid>(e, "OrganizationId") == orgId, ct);

    /// <summary>False when someone saved in between (the version is the concurrency token).</summary>
    private async Task<bool> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Null when the caller may go on: another agency's register or a province's list of another organisation is
    /// 404 (as in <see cref="DigitalLists"/>); a member who may not edit is 403.</summary>
    private async Task<Outcome<OrganizationType>?> RefusedAsync(Guid orgId, bool provinceOnly, bool edit, CancellationToken ct)
    {
        var type = await access.TypeAsync(orgId, ct);
        if (type is null || provinceOnly && type != OrganizationType.Province) return new Outcome<OrganizationType>.NotFound();
        if (edit && !await access.CanEditAsync(orgId)) return new Outcome<OrganizationType>.Forbidden(DigitalAccess.CoordinatorOnly);
        return null;
    }
}
