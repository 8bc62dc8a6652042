using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Plans;

/// <summary>A plan-related thing waiting for the person: a plan to make or submit by the deadline, a plan to approve,
/// a late action, a report due or late.</summary>
public sealed record PlanTask(string Kind, Guid OrganizationId, Guid? PlanId, string Link, string TextTh, string TextEn, DateTimeOffset? Due, bool Late);

/// <summary>
/// The improvement-plan part of the agency's home (ADR 0017): plan deadlines, plans awaiting the executive, actions
/// past their end date (the person's own, or all of the agency's for its coordinator) and reports due or late.
/// Bounded: a handful of rows per kind.
/// </summary>
public sealed class PlanWork(PmqaDbContext db, CurrentUser me, TimeProvider clock)
{
    private const int Shown = 10;

    public async Task<List<PlanTask>> ForMeAsync(CancellationToken ct = default)
    {
        if (me.Id is not { } userId) return [];
        var memberships = await me.MembershipsAsync();
        var coordinated = memberships.Where(m => m.Role == Role.Coordinator).Select(m => m.OrganizationId).Distinct().ToList();
        var executive = memberships.Where(m => m.Role == Role.Executive).Select(m => m.OrganizationId).Distinct().ToList();
        var agency = memberships.Where(m => m.Role.IsAgencyRole()).Select(m => m.OrganizationId).Distinct().ToList();
        if (agency.Count == 0) return [];
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(now));
        var tasks = new List<PlanTask>();

        // A plan to make: a submitted assessment whose round sets a plan deadline, and no plan built on it yet.
        if (coordinated.Count > 0)
        {
            var missing = await db.Assessments.AsNoTracking()
                .Where(a => coordinated.Contains(a.OrganizationId) && AssessmentStates.SubmittedOrBeyond.Contains(a.State) && a.Round!.PlanDeadline != null
                    && a.Round.PlanDeadline > now.AddDays(-60) && !db.ImprovementPlans.Any(p => p.AssessmentId == a.Id))
                .Select(a => new { a.Id, a.OrganizationId, a.Round!.PlanDeadline }).Take(Shown).ToListAsync(ct);
            tasks.AddRange(missing.Select(a => new PlanTask("make", a.OrganizationId, null, $"{PlanLinks.List(a.OrganizationId)}?assessmentId={a.Id}",
                "จัดทำแผนพัฒนาองค์การ", "Make the improvement plan", a.PlanDeadline, a.PlanDeadline < now)));
        }
        var plans = await db.ImprovementPlans.AsNoTracking()
            .Where(p => agency.Contains(p.OrganizationId) && (p.Status == PlanStatus.Draft || p.Status == PlanStatus.AwaitingApproval || p.Status == PlanStatus.Approved))
            .Select(p => new { p.Id, p.OrganizationId, p.Status, p.FiscalYear, p.Assessment!.Round!.PlanDeadline, p.Assessment.Round.Month6ReportDeadline, p.Assessment.Round.Month12ReportDeadline })
            .OrderByDescending(p => p.FiscalYear).Take(50).ToListAsync(ct);
        foreach (var p in plans)
        {
            if (p.Status == PlanStatus.Draft && coordinated.Contains(p.OrganizationId))
                tasks.Add(new("submit", p.OrganizationId, p.Id, PlanLinks.Page(p.Id), "ส่งแผนให้ผู้บริหารอนุมัติ", "Send the plan for approval", p.PlanDeadline, p.PlanDeadline < now));
            if (p.Status == PlanStatus.AwaitingApproval && executive.Contains(p.OrganizationId))
                tasks.Add(new("approve", p.OrganizationId, p.Id, PlanLinks.Page(p.Id), "อนุมัติแผนพัฒนาองค์การ", "Approve the improvement plan", null, false));
        }
        // Reports due (within 30 days) or late, for the coordinator of an approved plan.
        var approved = plans.Where(p => p.Status == PlanStatus.Approved && coordinated.Contains(p.OrganizationId)).ToList();
        var approvedIds = approved.Select(p => p.Id).ToList();
        var submitted = await db.PlanReports.AsNoTracking().Where(r => approvedIds.Contains(r.PlanId) && r.SubmittedAt != null)
            .Select(r => new { r.PlanId, r.Period }).ToListAsync(ct);
        foreach (var p in approved)
        foreach (var (period, due) in new[] { (ReportPeriod.Month6, p.Month6ReportDeadline), (ReportPeriod.Month12, p.Month12ReportDeadline) })
        {
            if (due is not { } d || d > now.AddDays(30) || submitted.Any(s => s.PlanId == p.Id && s.Period == period)) continue;
            tasks.Add(new("report", p.OrganizationId, p.Id, PlanLinks.Page(p.Id) + "#reports-heading", PlanNames.PeriodLabel(period, true), PlanNames.PeriodLabel(period, false),
                d, PlanRules.IsReportLate(d, null, now)));
        }
        // Late actions: my own, and every one of an agency I coordinate.
        var late = await db.ProjectActions.AsNoTracking()
            .Join(db.PlanProjects, a => a.ProjectId, pr => pr.Id, (a, pr) => new { a, pr.PlanId })
            .Join(db.ImprovementPlans, x => x.PlanId, p => p.Id, (x, p) => new { x.a, p.Id, p.OrganizationId, p.Status })
            .Where(x => x.Status == PlanStatus.Approved && x.a.Status != ActionStatus.Done && x.a.EndDate < today
                && (x.a.OwnerUserId == userId || coordinated.Contains(x.OrganizationId)))
            .OrderBy(x => x.a.EndDate).Take(Shown)
            .Select(x => new { x.a.Title, x.a.EndDate, x.Id, x.OrganizationId }).ToListAsync(ct);
        tasks.AddRange(late.Select(x => new PlanTask("late", x.OrganizationId, x.Id, PlanLinks.Page(x.Id), $"กิจกรรมล่าช้า: {x.Title}", $"Late action: {x.Title}",
            new DateTimeOffset(x.EndDate.ToDateTime(TimeOnly.MinValue), ThaiTime.Bangkok.BaseUtcOffset).AddDays(1), true)));
        return tasks.OrderByDescending(t => t.Late).ThenBy(t => t.Due ?? DateTimeOffset.MaxValue).ToList();
    }
}

/// <summary>The plan card on the home page: <c>@await Component.InvokeAsync("PlanWork")</c>.</summary>
public sealed class PlanWorkViewComponent(PlanWork work) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var tasks = await work.ForMeAsync(HttpContext.RequestAborted);
        return tasks.Count == 0 ? Content("") : View("~/Features/Plans/_PlanWork.cshtml", tasks);
    }
}
