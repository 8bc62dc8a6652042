using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Digital;

namespace Pmqa.DataGenerator;

/// <summary>
/// Two past follow-up periods of the digital register (ADR 0027), twelve and six months ago with a month to report,
/// and for each demo agency an update per period approved by its executive, frozen from its register with fewer
/// services fully digital the longer ago (so the national view and the agency page show a trend). About one agency in
/// five approved the later period after its deadline (late) and one in ten sent nothing for it (missing). Written
/// straight to the database because the dates lie in the past; skipped when periods exist already.
/// </summary>
public static class FollowUpGenerator
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<(Guid OrgId, Team Team)> agencies, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        if (await db.DigitalPeriods.AnyAsync(ct)) return 0;
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(DateTimeOffset.UtcNow));
        var now = DateTimeOffset.UtcNow;
        var periods = new[] { (Months: 12, Round: 1), (Months: 6, Round: 2) }.Select(x =>
        {
            var starts = today.AddMonths(-x.Months);
            var fiscal = ThaiTime.FiscalYearOf(starts);
            return new DigitalPeriod
            {
                NameTh = $"รอบที่ {x.Round} ปีงบประมาณ พ.ศ. {fiscal}", NameEn = $"Round {x.Round}, fiscal year {fiscal} BE",
                StartsOn = starts, Deadline = starts.AddDays(30), CreatedAt = now, UpdatedAt = now,
            };
        }).ToList();
        db.DigitalPeriods.AddRange(periods);
        var updates = 0;
        foreach (var (orgId, team) in agencies)
        {
            var random = new Random(orgId.GetHashCode() ^ 0x5eed);
            var register = await db.DigitalServices.AsNoTracking().Where(s => s.OrganizationId == orgId).OrderBy(s => s.Name).ToListAsync(ct);
            if (register.Count == 0) continue;
            var datasets = await db.CatalogDatasets.CountAsync(d => d.OrganizationId == orgId, ct);
            var fate = random.Next(10); // 0: missing the later period, 1-2: late for it, else on time
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                var later = i == periods.Count - 1;
                if (later && fate == 0) continue;
                // Fewer services were fully digital then: the older period is two steps behind, the later one step.
                var behind = periods.Count - i;
                var digitalNow = register.Where(s => s.FullyDigital).Select(s => s.Id).ToList();
                var wasDigital = digitalNow.Skip(Math.Min(behind, digitalNow.Count)).ToHashSet();
                var frozen = register.Select(s => new FrozenService(s.Id, s.Name, DigitalNames.ApiName(s.Audience), DigitalNames.ApiName(s.Channel),
                    DigitalRules.OnCentralPlatform(s.Channel) && wasDigital.Contains(s.Id), wasDigital.Contains(s.Id), DigitalNames.ApiNames(s.CommonServices),
                    s.TargetYear, s.ExceptionReason, s.ExceptionGrantedAt is not null, s.ResponsibleUnit, s.Internal)).ToList();
                var end = FollowUpPeriods.EndOf(period.Deadline);
                var approvedAt = later && fate <= 2 ? end.AddDays(random.Next(2, 15)) : end.AddDays(-random.Next(2, 10));
                db.DigitalUpdates.Add(new DigitalUpdate
                {
                    OrganizationId = orgId, PeriodId = period.Id, Status = UpdateStatus.Submitted,
                    Note = later ? "ปรับปรุงบริการเพิ่มเติมตามแผน" : "รายงานรอบแรกตามทะเบียนบริการ", RegisterJson = JsonSerializer.Serialize(frozen, Json),
                    Services = frozen.Count, FullyDigital = frozen.Count(s => s.FullyDigital), OnCentralPlatform = frozen.Count(s => s.OnCentralPlatform),
                    Datasets = datasets, SubmittedAt = approvedAt.AddDays(-1), SubmittedBy = team.Coordinator.DisplayName, ApprovedAt = approvedAt,
                    ApprovedBy = team.Executive.DisplayName,
                });
                updates++;
            }
        }
        await db.SaveChangesAsync(ct);
        return updates;
    }
}
