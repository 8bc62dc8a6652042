using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Plans;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

/// <summary>
/// Gives every submitted demo agency a one-year improvement plan through the application's own handlers (ADR 0017):
/// the coordinator makes it from the assessment with two projects of two actions each, addressing its weakest
/// issues, and submits; the executive approves; the coordinator then reports at 6 months (progress by how far each
/// action's dates have run) and submits. Agencies that already have a plan are left alone.
/// </summary>
public static class PlanGenerator
{
    private static readonly string[] Projects = ["พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร", "ยกระดับการบริการประชาชนด้วยระบบดิจิทัล", "เสริมสร้างวัฒนธรรมการเรียนรู้ในองค์การ"];
    private static readonly string[] Actions = ["ทบทวนกระบวนการและกำหนดเป้าหมาย", "อบรมบุคลากรที่เกี่ยวข้อง", "ติดตามและประเมินผลรายไตรมาส"];

    public static async Task<int> RunAsync(IServiceProvider services, IEnumerable<(Guid AssessmentId, Team Team)> agencies, int fiscalYear, TextWriter log, CancellationToken ct)
    {
        var made = 0;
        foreach (var (assessmentId, team) in agencies)
        {
            Guid orgId;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
                var a = await db.Assessments.AsNoTracking().Where(x => x.Id == assessmentId).Select(x => new { x.State, x.OrganizationId }).SingleAsync(ct);
                if (a.State < AssessmentState.Submitted || await db.ImprovementPlans.AnyAsync(p => p.AssessmentId == assessmentId, ct)) continue;
                orgId = a.OrganizationId;
            }
            var random = new Random(assessmentId.GetHashCode());
            Guid planId;
            await using (var scope = Acting.As(services, team.Coordinator))
            {
                var commands = scope.ServiceProvider.GetRequiredService<PlanCommands>();
                if (await commands.CreateAsync(orgId, new CreatePlanInput(fiscalYear, "oneYear", assessmentId), ct) is not Outcome<Guid>.Ok { Value: var id })
                {
                    log.WriteLine($"  plan refused for assessment {assessmentId}");
                    continue;
                }
                planId = id;
            }
            var (from, _) = PlanRules.Span(fiscalYear, PlanHorizon.OneYear);
            var version = 0;
            for (var p = 0; p < 2; p++)
            {
                await using var scope = Acting.As(services, team.Coordinator);
                var commands = scope.ServiceProvider.GetRequiredService<PlanCommands>();
                var start = from.AddDays(30 + p * 60);
                var end = start.AddDays(200);
                var codes = p == 0 ? new[] { "1.1", "4.1" } : ["3.1", "5.1"];
                var saved = await commands.AddProjectAsync(planId, version, new ProjectInput(Projects[(p + random.Next(3)) % 3], "ยกระดับผลการดำเนินงานตามเกณฑ์ PMQA 4.0",
                    codes, p == 0 ? team.Coordinator.Id : team.Owner.Id, start, end, 100_000m * random.Next(1, 10), "ร้อยละความสำเร็จของโครงการ", "ร้อยละ", 40, 80), ct);
                if (saved is not Outcome<Saved>.Ok { Value: var project }) break;
                version = project.Version;
                for (var k = 0; k < 2; k++)
                {
                    var actionStart = start.AddDays(k * 90);
                    var added = await commands.AddActionAsync(planId, project.Id, version, new ActionInput(Actions[(k + p) % 3], team.Owner.Id, actionStart,
                        actionStart.AddDays(80), 20_000m * random.Next(1, 5)), ct);
                    if (added is Outcome<Saved>.Ok { Value: var a }) version = a.Version;
                }
            }
            await using (var scope = Acting.As(services, team.Coordinator))
                if (await scope.ServiceProvider.GetRequiredService<PlanWorkflow>().SubmitAsync(planId, ct) is not Outcome<int>.Ok) continue;
            await using (var scope = Acting.As(services, team.Executive))
                if (await scope.ServiceProvider.GetRequiredService<PlanWorkflow>().ApproveAsync(planId, new ApproveInput(team.Executive.DisplayName, "หัวหน้าส่วนราชการ"), ct) is not Outcome<int>.Ok) continue;
            await using (var scope = Acting.As(services, team.Coordinator))
            {
                var reports = scope.ServiceProvider.GetRequiredService<PlanReports>();
                var queries = scope.ServiceProvider.GetRequiredService<PlanQueries>();
                if (await reports.CreateAsync(planId, "month6", ct) is Outcome<Guid>.Ok { Value: var reportId }
                    && await queries.ReportAsync(planId, reportId, ct) is Outcome<ReportView>.Ok { Value: var report })
                {
                    var halfYear = from.AddMonths(6);
                    var plan = ((Outcome<PlanView>.Ok)await queries.GetAsync(planId, ct)).Value;
                    var entries = plan.Projects.SelectMany(x => x.Actions).Select(a =>
                    {
                        var share = Math.Clamp((halfYear.DayNumber - a.StartDate.DayNumber) * 100 / Math.Max(1, a.EndDate.DayNumber - a.StartDate.DayNumber), 0, 100);
                        var progress = Math.Max(0, share - random.Next(0, 30));
                        var status = progress == 100 ? "done" : progress == 0 ? "notStarted" : "inProgress";
                        return new ReportActionInput(a.Id, status, progress, progress == 0 ? "ยังไม่ถึงกำหนดเริ่ม" : $"ดำเนินการแล้วร้อยละ {progress} ตามแผน", []);
                    }).ToList();
                    if (await reports.UpdateAsync(planId, reportId, report.Version, new ReportInput(entries, []), ct) is Outcome<Saved>.Ok)
                        await reports.SubmitAsync(planId, reportId, ct);
                }
            }
            made++;
        }
        return made;
    }
}
