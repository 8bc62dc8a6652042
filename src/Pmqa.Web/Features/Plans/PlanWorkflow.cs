using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// The plan's steps (ADR 0017): the coordinator submits (by the round's plan deadline), the executive approves with
/// name and position (which sends it to OPDC) or sends it back with a reason, and the coordinator may revise an
/// approved plan into a new draft version while the approved one stays readable.
/// </summary>
public sealed class PlanWorkflow(PmqaDbContext db, PlanAccess access, CurrentUser me, Notifier notifier, Recipients recipients, TimeProvider clock)
{
    public async Task<Outcome<int>> SubmitAsync(Guid planId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.Edit, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<int>();
        var projects = await db.PlanProjects.CountAsync(p => p.PlanId == planId, ct);
        var step = PlanTransitions.Apply(plan.Status, PlanStep.Submit, clock.GetUtcNow(), plan.Assessment?.Round?.PlanDeadline, projects);
        if (!step.Allowed) return new Outcome<int>.Conflict(new(step.RefusalTh!, step.RefusalEn!));
        plan.Status = step.To!.Value;
        plan.SubmittedAt = clock.GetUtcNow();
        plan.SubmittedBy = me.Name;
        plan.RejectionReason = "";
        await notifier.NotifyAsync(await recipients.AgencyAsync(plan.OrganizationId, Role.Executive), new NotificationText(
            "แผนพัฒนาองค์การรอการอนุมัติ", "An improvement plan awaits your approval",
            $"ผู้ประสานงานส่ง{PlanNames.HorizonLabel(plan.Horizon, true)} ปีงบประมาณ {plan.FiscalYear} ให้อนุมัติ",
            $"The coordinator submitted the {PlanNames.HorizonLabel(plan.Horizon, false).ToLowerInvariant()} for fiscal year {plan.FiscalYear} BE for approval.",
            PlanLinks.Page(plan.Id)), ct);
        return await SaveAsync(plan, ct);
    }

    public async Task<Outcome<int>> ApproveAsync(Guid planId, ApproveInput input, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.Approve, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<int>();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "กรุณาระบุชื่อผู้อนุมัติ", "Give the approver's name.");
        errors.Limit("name", input.Name, TextLimits.Name);
        if (string.IsNullOrWhiteSpace(input.Position)) errors.Add("position", "กรุณาระบุตำแหน่งผู้อนุมัติ", "Give the approver's position.");
        errors.Limit("position", input.Position, TextLimits.Name);
        if (errors.Any) return errors;
        var step = PlanTransitions.Apply(plan.Status, PlanStep.Approve, clock.GetUtcNow());
        if (!step.Allowed) return new Outcome<int>.Conflict(new(step.RefusalTh!, step.RefusalEn!));
        plan.Status = step.To!.Value;
        plan.ApproverName = input.Name!.Trim();
        plan.ApproverPosition = input.Position!.Trim();
        plan.ApprovedAt = clock.GetUtcNow();
        // The version this one revises is now superseded; it stays readable as approved then.
        if (plan.PreviousPlanId is { } previous)
            await db.ImprovementPlans.Where(p => p.Id == previous && p.Status == PlanStatus.Approved).ForEachAsync(p => p.Status = PlanStatus.Superseded, ct);
        await notifier.NotifyAsync(await recipients.AgencyAsync(plan.OrganizationId, Role.Coordinator), new NotificationText(
            "ผู้บริหารอนุมัติแผนพัฒนาองค์การแล้ว", "The executive approved the improvement plan",
            "แผนถูกส่งถึงสำนักงาน ก.พ.ร. แล้ว", "The plan has been sent to OPDC.", PlanLinks.Page(plan.Id)), ct);
        return await SaveAsync(plan, ct);
    }

    public async Task<Outcome<int>> RejectAsync(Guid planId, string? reason, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.Approve, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<int>();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "กรุณาระบุเหตุผลที่ส่งกลับ", "Give the reason for sending it back.");
        errors.Limit("reason", reason, TextLimits.Reason);
        if (errors.Any) return errors;
        var step = PlanTransitions.Apply(plan.Status, PlanStep.Reject, clock.GetUtcNow());
        if (!step.Allowed) return new Outcome<int>.Conflict(new(step.RefusalTh!, step.RefusalEn!));
        plan.Status = step.To!.Value;
        plan.RejectionReason = reason!.Trim();
        await notifier.NotifyAsync(await recipients.AgencyAsync(plan.OrganizationId, Role.Coordinator), new NotificationText(
            "ผู้บริหารส่งแผนพัฒนาองค์การกลับให้แก้ไข", "The executive sent the improvement plan back",
            plan.RejectionReason, plan.RejectionReason, PlanLinks.Page(plan.Id)), ct);
        return await SaveAsync(plan, ct);
    }

    /// <summary>Copies an approved plan (projects and actions, follow-up reset) into a new draft version.</summary>
    public async Task<Outcome<Guid>> ReviseAsync(Guid planId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.Edit, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<Guid>();
        var step = PlanTransitions.Apply(plan.Status, PlanStep.Revise, clock.GetUtcNow());
        if (!step.Allowed) return new Outcome<Guid>.Conflict(new(step.RefusalTh!, step.RefusalEn!));
        var latest = await db.ImprovementPlans.Where(p => p.OrganizationId == plan.OrganizationId && p.FiscalYear == plan.FiscalYear && p.Horizon == plan.Horizon)
            .MaxAsync(p => p.VersionNumber, ct);
        if (latest != plan.VersionNumber)
            return new Outcome<Guid>.Conflict(new("มีฉบับปรับปรุงของแผนนี้อยู่แล้ว", "A newer version of this plan exists already."));
        var now = clock.GetUtcNow();
        var copy = new ImprovementPlan
        {
            OrganizationId = plan.OrganizationId, AssessmentId = plan.AssessmentId, FiscalYear = plan.FiscalYear, Horizon = plan.Horizon,
            VersionNumber = plan.VersionNumber + 1, PreviousPlanId = plan.Id, Status = step.To!.Value, Summary = plan.Summary, CreatedAt = now, UpdatedAt = now,
        };
        var projects = await db.PlanProjects.AsNoTracking().Include(p => p.Actions).Where(p => p.PlanId == plan.Id).ToListAsync(ct);
        copy.Projects = projects.Select(p => new PlanProject
        {
            PlanId = copy.Id, Title = p.Title, Objective = p.Objective, IssueCodes = p.IssueCodes, OwnerUserId = p.OwnerUserId, StartDate = p.StartDate,
            EndDate = p.EndDate, Budget = p.Budget, IndicatorName = p.IndicatorName, IndicatorUnit = p.IndicatorUnit, Baseline = p.Baseline, Target = p.Target,
            Actions = p.Actions.Select(a => new ProjectAction
            {
                Title = a.Title, OwnerUserId = a.OwnerUserId, StartDate = a.StartDate, EndDate = a.EndDate, Budget = a.Budget, Status = a.Status, Progress = a.Progress,
            }).ToList(),
        }).ToList();
        db.ImprovementPlans.Add(copy);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Outcome<Guid>.Conflict(new("มีผู้อื่นจัดทำฉบับปรับปรุงของแผนนี้แล้ว", "Someone else made a newer version of this plan meanwhile."));
        }
        return copy.Id;
    }

    private async Task<Outcome<int>> SaveAsync(ImprovementPlan plan, CancellationToken ct)
    {
        plan.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Outcome<int>.Conflict(PlanCommands.StaleMessage);
        }
        return plan.Version;
    }
}

public static class PlanLinks
{
    public static string Page(Guid planId) => $"/plans/{planId}";

    public static string List(Guid orgId) => $"/organizations/{orgId}/plans";

    public static string Report(Guid planId, Guid reportId) => $"/plans/{planId}/reports/{reportId}";

    public static string Api(Guid planId) => $"/api/v1/plans/{planId}";
}
