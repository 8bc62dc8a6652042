using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

public enum PlanPermission
{
    View,
    /// <summary>The agency's coordinator: plan content, submission, reports, revision.</summary>
    Edit,
    /// <summary>The agency's executive.</summary>
    Approve,
    /// <summary>OPDC: officers, administrators and the review team of the plan's assessment.</summary>
    Comment,
    /// <summary>The agency's coordinator or executive answering OPDC's comments.</summary>
    Answer,
}

/// <summary>
/// Loads an improvement plan for the caller (ADR 0017). The agency's members, OPDC's officers and administrators,
/// and the reviewers of the assessment the plan was made from see a plan (OPDC's people comment on it); anyone else,
/// another reviewer included, gets "not found", as if it did not exist. Scoped: the <c>{planId}</c> route policy and
/// the handler behind it share one lookup.
/// </summary>
public sealed class PlanAccess(PmqaDbContext db, CurrentUser me)
{
    private readonly Dictionary<Guid, ImprovementPlan?> _loaded = [];

    public async Task<bool> CanSeeAsync(Guid planId, CancellationToken ct = default) =>
        await LoadAsync(planId, ct) is { } plan && await CanSeeAsync(plan);

    private async Task<bool> CanSeeAsync(ImprovementPlan plan) =>
        await me.CanSeeOrganizationAsync(plan.OrganizationId) || await me.ReviewsAssessmentAsync(plan.AssessmentId);

    /// <summary>OPDC speaking about this plan: an officer or administrator, or a reviewer of its assessment
    /// (reviewers see only what they are assigned, as everywhere else).</summary>
    public async Task<bool> IsOpdcAsync(ImprovementPlan plan) =>
        await me.SeesAllOrganizationsAsync() || await me.ReviewsAssessmentAsync(plan.AssessmentId);

    public async Task<Outcome<ImprovementPlan>> FindAsync(Guid planId, PlanPermission need, CancellationToken ct = default)
    {
        var plan = await LoadAsync(planId, ct);
        if (plan is null || !await CanSeeAsync(plan)) return new Outcome<ImprovementPlan>.NotFound();
        var allowed = need switch
        {
            PlanPermission.View => true,
            PlanPermission.Edit => await me.HasRoleInAsync(plan.OrganizationId, Role.Coordinator),
            PlanPermission.Approve => await me.HasRoleInAsync(plan.OrganizationId, Role.Executive),
            PlanPermission.Comment => await IsOpdcAsync(plan),
            PlanPermission.Answer => await me.HasRoleInAsync(plan.OrganizationId, Role.Coordinator, Role.Executive),
            _ => false,
        };
        return allowed ? plan : new Outcome<ImprovementPlan>.Forbidden(Refusal(need));
    }

    private async Task<ImprovementPlan?> LoadAsync(Guid planId, CancellationToken ct)
    {
        if (_loaded.TryGetValue(planId, out var memo)) return memo;
        // Tracked: handlers change the plan (and touch it on every change to its projects, raising its version).
        return _loaded[planId] = await db.ImprovementPlans.Include(p => p.Organization).Include(p => p.Assessment!).ThenInclude(a => a.Round)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);
    }

    /// <summary>Forgets what was loaded (after a failed save, the next read must come from the database).</summary>
    public void Forget() => _loaded.Clear();

    private static Msg Refusal(PlanPermission need) => need switch
    {
        PlanPermission.Edit => new("เฉพาะผู้ประสานงานของหน่วยงานที่แก้ไขและส่งแผนได้", "Only the agency's coordinator edits and submits the plan."),
        PlanPermission.Approve => new("เฉพาะผู้บริหารของหน่วยงานที่อนุมัติแผนได้", "Only the agency's executive approves the plan."),
        PlanPermission.Comment => new("เฉพาะสำนักงาน ก.พ.ร. (ผู้ตรวจประเมินหรือเจ้าหน้าที่) ที่ให้ความเห็นต่อแผนได้", "Only OPDC (reviewers or officers) comment on plans."),
        _ => new("เฉพาะผู้ประสานงานหรือผู้บริหารของหน่วยงานที่ตอบความเห็นได้", "Only the agency's coordinator or executive answers comments."),
    };
}

public sealed class PlanMemberRequirement : IAuthorizationRequirement;

/// <summary>The <c>{planId}</c> route policy (ADR 0013, 0017): decides before anything else runs.</summary>
public sealed class PlanMemberHandler(IHttpContextAccessor http, PlanAccess access) : AuthorizationHandler<PlanMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PlanMemberRequirement requirement)
    {
        if (!Guid.TryParse(http.HttpContext?.GetRouteValue("planId")?.ToString(), out var id)) return;
        if (await access.CanSeeAsync(id, http.HttpContext!.RequestAborted)) context.Succeed(requirement);
    }
}
