using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

public static class DigitalSeed
{
    /// <summary>A service of the victim agency for the access walk, named with its code so that showing it to an
    /// outsider would show the code.</summary>
    public static async Task<Guid> VictimServiceAsync(PmqaApp app, Guid orgId, string code)
    {
        var service = new DigitalService
        {
            OrganizationId = orgId, Name = $"บริการของ {code}", Audience = Audience.People, Channel = ServiceChannel.OwnEService,
            TargetYear = DigitalRules.PlatformDeadline, ResponsibleUnit = code, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await app.WithDbAsync(db => { db.DigitalServices.Add(service); return db.SaveChangesAsync(); });
        return service.Id;
    }

    /// <summary>A dataset and a data exchange of the victim agency under one id, so that the walk's single {entryId}
    /// finds an entry in each list (ids are per table).</summary>
    public static async Task<Guid> VictimEntryAsync(PmqaApp app, Guid orgId, string code)
    {
        var id = Guid.CreateVersion7();
        await app.WithDbAsync(db =>
        {
            db.CatalogDatasets.Add(new CatalogDataset { Id = id, OrganizationId = orgId, Title = $"ชุดข้อมูลของ {code}", CatalogUrl = "https://gdcatalog.go.th/dataset/victim", UpdateFrequency = UpdateFrequency.Monthly });
            db.DataExchanges.Add(new DataExchange { Id = id, OrganizationId = orgId, PartnerAgency = code, Data = $"ข้อมูลของ {code}", Direction = ExchangeDirection.Both });
            return db.SaveChangesAsync();
        });
        return id;
    }
}
