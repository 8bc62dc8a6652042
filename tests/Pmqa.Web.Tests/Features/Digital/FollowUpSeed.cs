using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>Follow-up periods and updates straight in the database (ADR 0027), dated from today in Bangkok.</summary>
public static class FollowUpSeed
{
    public static DateOnly Today => DateOnly.FromDateTime(ThaiTime.ToBangkok(DateTimeOffset.UtcNow));

    public static async Task<DigitalPeriod> PeriodAsync(PmqaApp app, int startsInDays, int deadlineInDays, string? name = null)
    {
        var period = new DigitalPeriod
        {
            NameTh = name ?? $"รอบติดตาม {Guid.NewGuid():N}"[..24], StartsOn = Today.AddDays(startsInDays), Deadline = Today.AddDays(deadlineInDays),
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await app.WithDbAsync(db => { db.DigitalPeriods.Add(period); return db.SaveChangesAsync(); });
        return period;
    }

    /// <summary>An update of the victim agency awaiting approval for the access walk, its note saying the agency's code.</summary>
    public static async Task<(Guid Period, Guid Update)> VictimUpdateAsync(PmqaApp app, Guid orgId, string code)
    {
        var period = await PeriodAsync(app, -30, 30, "รอบติดตามของการตรวจสิทธิ์");
        var update = new DigitalUpdate
        {
            OrganizationId = orgId, PeriodId = period.Id, Status = UpdateStatus.AwaitingApproval, Note = $"รายงานของ {code}", SubmittedAt = DateTimeOffset.UtcNow,
            SubmittedBy = code,
        };
        await app.WithDbAsync(db => { db.DigitalUpdates.Add(update); return db.SaveChangesAsync(); });
        return (period.Id, update.Id);
    }
}
