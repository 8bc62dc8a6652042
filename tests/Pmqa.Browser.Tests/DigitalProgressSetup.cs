using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;

namespace Pmqa.Browser.Tests;

/// <summary>A ministry with two departments and their registers, written straight to the database (the register's own
/// journey is DigitalJourneyTests): the first has a service after 2570 without an exception, so it is at risk.</summary>
public static class DigitalProgressSetup
{
    public sealed record Ministry(string Code, Guid AtRiskId, string AtRiskCode, string OnTrackCode);

    public static async Task<Ministry> CreateAsync(AppServer app, string prefix)
    {
        var suffix = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var ministry = new Organization { Code = $"{prefix}M-{suffix}", NameTh = "กระทรวงทดสอบดิจิทัล", NameEn = "Ministry of Digital Testing", Type = OrganizationType.Ministry };
        var risky = new Organization { Code = $"{prefix}A-{suffix}", NameTh = "กรมบริการที่ยังล่าช้า", NameEn = "Department of Late Services", Type = OrganizationType.Department, ParentId = ministry.Id };
        var fine = new Organization { Code = $"{prefix}B-{suffix}", NameTh = "กรมบริการออนไลน์", NameEn = "Department of Online Services", Type = OrganizationType.Department, ParentId = ministry.Id };
        db.Organizations.AddRange(ministry, risky, fine);
        var now = DateTimeOffset.UtcNow;
        DigitalService Service(Organization o, string name, bool digital, ServiceChannel channel, int year, string reason = "") => new()
        {
            OrganizationId = o.Id, Name = name, Audience = Audience.People, Channel = channel, FullyDigital = digital, TargetYear = year,
            ExceptionReason = reason, ResponsibleUnit = "กองบริการประชาชน", CreatedAt = now, UpdatedAt = now,
            DigitisedYear = digital ? Pmqa.Domain.Time.ThaiTime.ToBangkok(now).Year + Pmqa.Domain.Time.ThaiTime.BuddhistEraOffset : null,
        };
        db.DigitalServices.AddRange(
            Service(risky, "ขอรับใบอนุญาตออนไลน์", true, ServiceChannel.CitizenPortal, 2566),
            Service(risky, "ขอหนังสือรับรอง", false, ServiceChannel.CounterOnly, 2570),
            Service(risky, "ขอจดทะเบียนเครื่องจักร", false, ServiceChannel.CounterOnly, 2573, "ต้องแก้ไขกฎหมายก่อน"),
            Service(fine, "ขอข้อมูลสถิติ", true, ServiceChannel.BizPortal, 2567),
            Service(fine, "ขอรับเงินอุดหนุน", false, ServiceChannel.OwnEService, 2570));
        await db.SaveChangesAsync();
        return new Ministry(ministry.Code, risky.Id, risky.Code, fine.Code);
    }
}
