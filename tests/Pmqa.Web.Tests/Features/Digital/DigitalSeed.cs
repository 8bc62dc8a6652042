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
}
