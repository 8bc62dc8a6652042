using Pmqa.Data.Entities;
using Pmqa.Domain.Plans;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Plans;

/// <summary>A victim's approved plan for the access-control walk, written straight to the database, whose texts name
/// the victim's code (so showing them to an outsider would be caught).</summary>
public static class PlanVictim
{
    public static async Task<(Guid Plan, Guid Project, Guid Action, Guid Report)> PlanAsync(PmqaApp app, Guid orgId, Guid assessmentId, Guid ownerId, string code)
    {
        var now = DateTimeOffset.UtcNow;
        var action = new ProjectAction { Title = $"กิจกรรม {code}", OwnerUserId = ownerId, StartDate = new DateOnly(2026, 11, 1), EndDate = new DateOnly(2026, 12, 1) };
        var project = new PlanProject
        {
            Title = $"โครงการ {code}", Objective = code, IssueCodes = "1.1", OwnerUserId = ownerId, StartDate = new DateOnly(2026, 11, 1),
            EndDate = new DateOnly(2027, 1, 1), IndicatorName = code, Actions = [action],
        };
        var plan = new ImprovementPlan
        {
            OrganizationId = orgId, AssessmentId = assessmentId, FiscalYear = 2570, Horizon = PlanHorizon.OneYear, Status = PlanStatus.Approved,
            Summary = $"แผนของ {code}", CreatedAt = now, UpdatedAt = now, Projects = [project],
        };
        var report = new PlanReport { PlanId = plan.Id, Period = ReportPeriod.Month6, CreatedAt = now, UpdatedAt = now };
        await app.WithDbAsync(db =>
        {
            db.ImprovementPlans.Add(plan);
            db.PlanReports.Add(report);
            return db.SaveChangesAsync();
        });
        return (plan.Id, project.Id, action.Id, report.Id);
    }
}
