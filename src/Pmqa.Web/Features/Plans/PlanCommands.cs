using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// The coordinator builds a draft plan: creates it from an assessment, writes its summary, adds projects and their
/// actions. Every change names the plan version it was made on (If-Match) and raises it: a change made on a stale
/// copy is refused, never merged (ADR 0017).
/// </summary>
public sealed class PlanCommands(PmqaDbContext db, PlanAccess access, CurrentUser me, FrameworkCatalog catalog, TimeProvider clock)
{
    public static readonly Msg StaleMessage = new("มีผู้อื่นแก้ไขแผนนี้หลังจากที่คุณเปิดอ่าน กรุณาโหลดแผนใหม่แล้วแก้ไขอีกครั้ง",
        "Someone changed this plan after you opened it: reload it and make your change again.");
    public static readonly Msg NotDraft = new("แก้ไขได้เฉพาะแผนที่เป็นร่าง (แผนที่อนุมัติแล้วให้จัดทำฉบับปรับปรุง)",
        "Only a draft plan can be edited (revise an approved plan to change it).");

    public async Task<Outcome<Guid>> CreateAsync(Guid orgId, CreatePlanInput input, CancellationToken ct = default)
    {
        if (!await me.CanSeeOrganizationAsync(orgId)) return new Outcome<Guid>.NotFound();
        if (!await me.HasRoleInAsync(orgId, Role.Coordinator))
            return new Outcome<Guid>.Forbidden(new("เฉพาะผู้ประสานงานของหน่วยงานที่จัดทำแผนได้", "Only the agency's coordinator makes plans."));
        var errors = new ValidationErrors();
        var horizon = PlanNames.Parse<PlanHorizon>(input.Horizon);
        if (horizon is null) errors.Add("horizon", "กรุณาเลือกแผน 1 ปี หรือ 3 ปี", "Choose oneYear or threeYear.");
        var assessment = input.AssessmentId is { } aid
            ? await db.Assessments.AsNoTracking().Include(a => a.Round).SingleOrDefaultAsync(a => a.Id == aid && a.OrganizationId == orgId, ct)
            : null;
        if (assessment is null) errors.Add("assessmentId", "กรุณาเลือกการประเมินของหน่วยงาน", "Choose one of the organisation's assessments.");
        else if (assessment.State < AssessmentState.Submitted)
            errors.Add("assessmentId", "จัดทำแผนได้จากการประเมินที่ส่งและอนุมัติแล้ว", "A plan is made from a submitted (approved) assessment.");
        var roundYear = assessment?.Round?.FiscalYear;
        if (input.FiscalYear is not { } year) errors.Add("fiscalYear", "กรุณาระบุปีงบประมาณ (พ.ศ.)", "Give the fiscal year (BE).");
        else if (roundYear is { } ry && (year < ry || year > ry + 1))
            errors.Add("fiscalYear", $"ปีงบประมาณของแผนต้องเป็น พ.ศ. {ry} หรือ {ry + 1}", $"The plan's fiscal year must be {ry} or {ry + 1} BE.");
        if (errors.Any) return errors;

        if (await db.ImprovementPlans.AnyAsync(p => p.OrganizationId == orgId && p.FiscalYear == input.FiscalYear && p.Horizon == horizon, ct))
            return new Outcome<Guid>.Conflict(new("หน่วยงานมีแผนประเภทนี้ของปีงบประมาณนี้แล้ว (ปรับปรุงแผนเดิมแทน)",
                "The organisation already has this kind of plan for this fiscal year (revise it instead)."));
        var now = clock.GetUtcNow();
        var plan = new ImprovementPlan
        {
            OrganizationId = orgId, AssessmentId = assessment!.Id, FiscalYear = input.FiscalYear!.Value, Horizon = horizon!.Value,
            Status = PlanStatus.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.ImprovementPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ImprovementPlans.AsNoTracking().Any(p => p.OrganizationId == orgId && p.FiscalYear == plan.FiscalYear && p.Horizon == plan.Horizon && p.Id != plan.Id))
        {
            // Two coordinators made the same plan at once: the unique index kept one.
            return new Outcome<Guid>.Conflict(new("หน่วยงานมีแผนประเภทนี้ของปีงบประมาณนี้แล้ว", "The organisation already has this kind of plan for this fiscal year."));
        }
        return plan.Id;
    }

    public Task<Outcome<Saved>> UpdateSummaryAsync(Guid planId, int ifMatch, PlanSummaryInput input, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, plan =>
        {
            var errors = new ValidationErrors().Limit("summary", input.Summary, TextLimits.Comment);
            if (errors.Any) return Task.FromResult<Outcome<Guid>>(errors);
            plan.Summary = input.Summary?.Trim() ?? "";
            return Task.FromResult<Outcome<Guid>>(plan.Id);
        }, ct);

    public Task<Outcome<Saved>> AddProjectAsync(Guid planId, int ifMatch, ProjectInput input, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var project = new PlanProject { PlanId = plan.Id };
            var errors = await ApplyAsync(plan, project, input, ct);
            if (errors.Any) return errors;
            db.PlanProjects.Add(project);
            return project.Id;
        }, ct);

    public Task<Outcome<Saved>> UpdateProjectAsync(Guid planId, Guid projectId, int ifMatch, ProjectInput input, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var project = await db.PlanProjects.Include(p => p.Actions).SingleOrDefaultAsync(p => p.Id == projectId && p.PlanId == plan.Id, ct);
            if (project is null) return new Outcome<Guid>.NotFound();
            var errors = await ApplyAsync(plan, project, input, ct);
            // Shortening a project may leave actions outside it: say which, at the dates.
            foreach (var action in project.Actions.Where(a => a.StartDate < project.StartDate || a.EndDate > project.EndDate).Take(1))
                errors.Add("startDate", $"กิจกรรม \"{action.Title}\" อยู่นอกช่วงเวลาใหม่ของโครงการ", $"The action \"{action.Title}\" falls outside the project's new dates.");
            return errors.Any ? errors : project.Id;
        }, ct);

    public Task<Outcome<Saved>> DeleteProjectAsync(Guid planId, Guid projectId, int ifMatch, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var project = await db.PlanProjects.SingleOrDefaultAsync(p => p.Id == projectId && p.PlanId == plan.Id, ct);
            if (project is null) return new Outcome<Guid>.NotFound();
            db.PlanProjects.Remove(project);
            return project.Id;
        }, ct);

    public Task<Outcome<Saved>> AddActionAsync(Guid planId, Guid projectId, int ifMatch, ActionInput input, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var project = await db.PlanProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId && p.PlanId == plan.Id, ct);
            if (project is null) return new Outcome<Guid>.NotFound();
            var action = new ProjectAction { ProjectId = project.Id };
            var errors = await ApplyAsync(plan, project, action, input, ct);
            if (errors.Any) return errors;
            db.ProjectActions.Add(action);
            return action.Id;
        }, ct);

    public Task<Outcome<Saved>> UpdateActionAsync(Guid planId, Guid projectId, Guid actionId, int ifMatch, ActionInput input, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var project = await db.PlanProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId && p.PlanId == plan.Id, ct);
            var action = project is null ? null : await db.ProjectActions.SingleOrDefaultAsync(a => a.Id == actionId && a.ProjectId == projectId, ct);
            if (project is null || action is null) return new Outcome<Guid>.NotFound();
            var errors = await ApplyAsync(plan, project, action, input, ct);
            return errors.Any ? errors : action.Id;
        }, ct);

    public Task<Outcome<Saved>> DeleteActionAsync(Guid planId, Guid projectId, Guid actionId, int ifMatch, CancellationToken ct = default) =>
        EditAsync(planId, ifMatch, async plan =>
        {
            var owned = await db.PlanProjects.AnyAsync(p => p.Id == projectId && p.PlanId == plan.Id, ct);
            var action = owned ? await db.ProjectActions.SingleOrDefaultAsync(a => a.Id == actionId && a.ProjectId == projectId, ct) : null;
            if (action is null) return new Outcome<Guid>.NotFound();
            db.ProjectActions.Remove(action);
            return action.Id;
        }, ct);

    /// <summary>Runs one change on a draft plan the caller coordinates, at the version the caller read.</summary>
    private async Task<Outcome<Saved>> EditAsync(Guid planId, int ifMatch, Func<ImprovementPlan, Task<Outcome<Guid>>> change, CancellationToken ct)
    {
        var found = await access.FindAsync(planId, PlanPermission.Edit, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<Saved>();
        if (!PlanTransitions.IsEditable(plan.Status)) return new Outcome<Saved>.Conflict(NotDraft);
        if (plan.Version != ifMatch) return new Outcome<Saved>.Conflict(StaleMessage);
        var result = await change(plan);
        if (result is not Outcome<Guid>.Ok { Value: var id })
        {
            db.ChangeTracker.Clear();
            access.Forget();
            return result.As<Saved>();
        }
        // Touching the plan raises its version (the audit interceptor), in the same save as the change.
        plan.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            access.Forget();
            return new Outcome<Saved>.Conflict(StaleMessage);
        }
        return new Saved(id, plan.Version);
    }

    private async Task<ValidationErrors> ApplyAsync(ImprovementPlan plan, PlanProject project, ProjectInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Required(errors, "title", input.Title, "กรุณาระบุชื่อโครงการ", "Give the project's title.");
        errors.Limit("title", input.Title, TextLimits.Name);
        Required(errors, "objective", input.Objective, "กรุณาระบุวัตถุประสงค์", "Give the project's objective.");
        errors.Limit("objective", input.Objective, TextLimits.Comment);
        Required(errors, "indicatorName", input.IndicatorName, "กรุณาระบุตัวชี้วัดของโครงการ", "Give the project's indicator.");
        errors.Limit("indicatorName", input.IndicatorName, TextLimits.Name);
        errors.Limit("indicatorUnit", input.IndicatorUnit, TextLimits.Name);
        if (input.Target is null) errors.Add("target", "กรุณาระบุค่าเป้าหมายของตัวชี้วัด", "Give the indicator's target.");
        var codes = (input.IssueCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        var pack = await catalog.PackOfAsync(plan.Assessment!, ct);
        if (codes.Count == 0) errors.Add("issueCodes", "กรุณาเลือกประเด็นที่โครงการนี้พัฒนาอย่างน้อยหนึ่งประเด็น", "Choose at least one issue the project addresses.");
        foreach (var unknown in codes.Where(c => pack.FindIssue(c) is null).Take(1))
            errors.Add("issueCodes", $"ไม่มีประเด็น {unknown} ในเกณฑ์ของการประเมินนี้", $"The assessment's framework has no issue {unknown}.");
        await CheckOwnerAsync(errors, plan.OrganizationId, input.OwnerId, ct);
        foreach (var e in PlanRules.CheckSchedule(new(input.StartDate, input.EndDate, input.Budget), PlanRules.Span(plan.FiscalYear, plan.Horizon)))
            errors.Add(e.Field, e.Th, e.En);
        if (errors.Any) return errors;
        project.Title = input.Title!.Trim();
        project.Objective = input.Objective!.Trim();
        project.IssueCodes = string.Join(',', codes.Order(Evidence.IssueCodeOrder.Instance));
        project.OwnerUserId = input.OwnerId!.Value;
        project.StartDate = input.StartDate!.Value;
        project.EndDate = input.EndDate!.Value;
        project.Budget = input.Budget!.Value;
        project.IndicatorName = input.IndicatorName!.Trim();
        project.IndicatorUnit = input.IndicatorUnit?.Trim() ?? "";
        project.Baseline = input.Baseline;
        project.Target = input.Target;
        return errors;
    }

    private async Task<ValidationErrors> ApplyAsync(ImprovementPlan plan, PlanProject project, ProjectAction action, ActionInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Required(errors, "title", input.Title, "กรุณาระบุชื่อกิจกรรม", "Give the action's title.");
        errors.Limit("title", input.Title, TextLimits.Name);
        await CheckOwnerAsync(errors, plan.OrganizationId, input.OwnerId, ct);
        foreach (var e in PlanRules.CheckSchedule(new(input.StartDate, input.EndDate, input.Budget), (project.StartDate, project.EndDate), withinProject: true))
            errors.Add(e.Field, e.Th, e.En);
        if (errors.Any) return errors;
        action.Title = input.Title!.Trim();
        action.OwnerUserId = input.OwnerId!.Value;
        action.StartDate = input.StartDate!.Value;
        action.EndDate = input.EndDate!.Value;
        action.Budget = input.Budget!.Value;
        return errors;
    }

    private async Task CheckOwnerAsync(ValidationErrors errors, Guid organizationId, Guid? ownerId, CancellationToken ct)
    {
        if (ownerId is null) errors.Add("ownerId", "กรุณาเลือกผู้รับผิดชอบ", "Choose who is responsible.");
        else if (!await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == ownerId, ct))
            errors.Add("ownerId", "ผู้รับผิดชอบต้องเป็นบุคลากรของหน่วยงาน", "The owner must be a member of the organisation.");
    }

    private static void Required(ValidationErrors errors, string field, string? value, string th, string en)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, th, en);
    }
}
