using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// An organisation's register of public services (issue 12, ADR 0025): list with the shares OPDC follows, add, change
/// with the version read (a stale copy is refused, never merged), remove, and import a CSV file all or nothing. Every
/// change is audited by the interceptor.
/// </summary>
public sealed class DigitalServices(PmqaDbContext db, DigitalAccess access, TimeProvider clock)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขบริการนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดใหม่แล้วแก้ไขอีกครั้ง",
        "Someone changed this service after you opened it: reload it and make your change again.");
    public static readonly Msg OpdcGrants = new("เฉพาะสำนักงาน ก.พ.ร. ที่อนุมัติการยกเว้นปีเป้าหมายหลัง 2570 ได้",
        "Only OPDC grants the exception for a target after 2570.");

    public int CurrentYearBe => ThaiTime.ToBangkok(clock.GetUtcNow()).Year + ThaiTime.BuddhistEraOffset;

    public async Task<Outcome<ServiceList>> ListAsync(Guid orgId, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<Domain.Organizations.OrganizationType>.Ok) return new Outcome<ServiceList>.NotFound();
        var services = await db.DigitalServices.AsNoTracking().Where(s => s.OrganizationId == orgId).ToListAsync(ct);
        var views = services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(ServiceView.Of).ToList();
        var digital = views.Count(v => v.FullyDigital);
        var platform = views.Count(v => v.OnCentralPlatform);
        return new ServiceList(views.Count, digital, platform, DigitalRules.Percent(digital, views.Count), DigitalRules.Percent(platform, views.Count), views);
    }

    public async Task<Outcome<ServiceView>> GetAsync(Guid orgId, Guid serviceId, CancellationToken ct = default)
    {
        if (await access.ReadAsync(orgId, ct) is not Outcome<Domain.Organizations.OrganizationType>.Ok) return new Outcome<ServiceView>.NotFound();
        var service = await db.DigitalServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganizationId == orgId, ct);
        return service is null ? new Outcome<ServiceView>.NotFound() : ServiceView.Of(service);
    }

    public async Task<Outcome<ServiceView>> CreateAsync(Guid orgId, ServiceInput input, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<Domain.Organizations.OrganizationType>.Ok) return allowed.As<ServiceView>();
        var now = clock.GetUtcNow();
        var service = new DigitalService { OrganizationId = orgId, CreatedAt = now, UpdatedAt = now };
        var applied = await ApplyAsync(service, input, now);
        if (applied is not null) return applied;
        db.DigitalServices.Add(service);
        await db.SaveChangesAsync(ct);
        return ServiceView.Of(service);
    }

    public async Task<Outcome<ServiceView>> UpdateAsync(Guid orgId, Guid serviceId, int ifMatch, ServiceInput input, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<Domain.Organizations.OrganizationType>.Ok) return allowed.As<ServiceView>();
        var service = await db.DigitalServices.SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganizationId == orgId, ct);
        if (service is null) return new Outcome<ServiceView>.NotFound();
        if (service.Version != ifMatch) return new Outcome<ServiceView>.Conflict(StaleMessage);
        var now = clock.GetUtcNow();
        var applied = await ApplyAsync(service, input, now);
        if (applied is not null) { db.ChangeTracker.Clear(); return applied; }
        service.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<ServiceView>.Conflict(StaleMessage);
        }
        return ServiceView.Of(service);
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid orgId, Guid serviceId, int ifMatch, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<Domain.Organizations.OrganizationType>.Ok) return allowed.As<bool>();
        var service = await db.DigitalServices.SingleOrDefaultAsync(s => s.Id == serviceId && s.OrganizationId == orgId, ct);
        if (service is null) return new Outcome<bool>.NotFound();
        if (service.Version != ifMatch) return new Outcome<bool>.Conflict(StaleMessage);
        db.DigitalServices.Remove(service);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<bool>.Conflict(StaleMessage);
        }
        return true;
    }

    /// <summary>Whether the caller may import into the organisation, asked before the file is read.</summary>
    public async Task<Outcome<bool>> CanImportAsync(Guid orgId, CancellationToken ct) => (await access.EditAsync(orgId, ct)).Map(_ => true);

    /// <summary>Adds every service of the file, or none: a file with any bad row is answered with every problem and
    /// leaves the register as it was.</summary>
    public async Task<Outcome<ImportOutcome>> ImportAsync(Guid orgId, string csv, CancellationToken ct = default)
    {
        var allowed = await access.EditAsync(orgId, ct);
        if (allowed is not Outcome<Domain.Organizations.OrganizationType>.Ok) return allowed.As<ImportOutcome>();
        var import = ServiceCsv.Parse(csv, CurrentYearBe);
        if (!import.Ok) return new ImportOutcome([], import.Problems);
        var now = clock.GetUtcNow();
        var added = import.Services.Select(f => Fill(new DigitalService { OrganizationId = orgId, CreatedAt = now, UpdatedAt = now }, f)).ToList();
        db.DigitalServices.AddRange(added);
        await db.SaveChangesAsync(ct); // one transaction: all rows or none
        return new ImportOutcome([.. added.Select(s => s.Id)], []);
    }

    /// <summary>Checks the input and copies it onto the service; null when it was applied, else why not. The exception for a
    /// target after 2570 is OPDC's to grant (who and when are kept); changing its reason withdraws a grant.</summary>
    private async Task<Outcome<ServiceView>?> ApplyAsync(DigitalService service, ServiceInput input, DateTimeOffset now)
    {
        // A change that does not say the digitised year keeps the one stored (else every edit would move it to this year).
        var draft = input.ToDraft();
        if (draft.DigitisedYear is null && service.FullyDigital && service.DigitisedYear is { } kept) draft = draft with { DigitisedYear = kept };
        var (fields, errors) = DigitalRules.CheckService(draft, CurrentYearBe);
        if (fields is null)
        {
            var invalid = new ValidationErrors();
            foreach (var e in errors) invalid.Add(e.Field, e.Th, e.En);
            return invalid;
        }
        var wasGranted = service.ExceptionGrantedAt is not null && service.ExceptionReason == fields.ExceptionReason && service.TargetYear > DigitalRules.PlatformDeadline;
        if (input.ExceptionGranted is not null && input.ExceptionGranted != wasGranted && !await access.IsOpdcAsync())
            return new Outcome<ServiceView>.Forbidden(OpdcGrants);
        Fill(service, fields);
        var granted = fields.TargetYear > DigitalRules.PlatformDeadline && (input.ExceptionGranted ?? wasGranted);
        if (!granted) { service.ExceptionGrantedAt = null; service.ExceptionGrantedBy = ""; }
        else if (!wasGranted) { service.ExceptionGrantedAt = now; service.ExceptionGrantedBy = access.Name; }
        return null;
    }

    private static DigitalService Fill(DigitalService s, ServiceFields f)
    {
        s.Name = f.Name; s.Audience = f.Audience; s.LegalBasis = f.LegalBasis; s.Channel = f.Channel; s.FullyDigital = f.FullyDigital;
        s.CommonServices = f.CommonServices; s.TargetYear = f.TargetYear; s.ExceptionReason = f.ExceptionReason; s.ResponsibleUnit = f.ResponsibleUnit;
        s.Link = f.Link; s.EvidenceReference = f.EvidenceReference; s.Internal = f.Internal;
        s.DigitisedYear = f.DigitisedYear;
        return s;
    }
}

/// <summary>What an import did: the ids added, or (nothing added) every problem of the file.</summary>
public sealed record ImportOutcome(Guid[] Ids, IReadOnlyList<ImportProblem> Problems);
