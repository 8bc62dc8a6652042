using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Pmqa.Web.Infrastructure.Auth;

public static class Policies
{
    public const string SystemAdmin = nameof(SystemAdmin);

    /// <summary>OPDC officers (and the system administrator): rounds, extensions, reopening.</summary>
    public const string OpdcOfficer = nameof(OpdcOfficer);

    /// <summary>Routes carrying <c>{orgId}</c>: only people who may see that organisation get through.</summary>
    public const string OrganizationMember = nameof(OrganizationMember);

    /// <summary>Routes carrying <c>{assessmentId}</c>: only people who may see the assessment's organisation,
    /// and the assessment's review team.</summary>
    public const string AssessmentMember = nameof(AssessmentMember);

    /// <summary>Routes carrying <c>{planId}</c>: the plan's organisation's members and OPDC (ADR 0017).</summary>
    public const string PlanMember = nameof(PlanMember);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PlanMember, p => p.RequireAuthenticatedUser().AddRequirements(new Pmqa.Web.Features.Plans.PlanMemberRequirement()));
        options.AddPolicy(AssessmentMember, p => p.RequireAuthenticatedUser().AddRequirements(new AssessmentMemberRequirement()));
        options.AddPolicy(SystemAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SystemAdminRequirement()));
        options.AddPolicy(OpdcOfficer, p => p.RequireAuthenticatedUser().AddRequirements(new OpdcOfficerRequirement()));
        options.AddPolicy(OrganizationMember, p => p.RequireAuthenticatedUser().AddRequirements(new OrganizationMemberRequirement()));
        options.AddPolicy(Pmqa.Web.Features.Practices.PracticeReaderRequirement.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new Pmqa.Web.Features.Practices.PracticeReaderRequirement()));
    }
}

public sealed class SystemAdminRequirement : IAuthorizationRequirement;

public sealed class OrganizationMemberRequirement : IAuthorizationRequirement;

public sealed class OpdcOfficerRequirement : IAuthorizationRequirement;

public sealed class AssessmentMemberRequirement : IAuthorizationRequirement;

/// <summary>Decides before anything else runs (antiforgery, body binding, preconditions), so that no
/// answer of any kind reveals another agency's assessment.</summary>
public sealed class AssessmentMemberHandler(IHttpContextAccessor http, Pmqa.Web.Features.Assessments.AssessmentAccess access)
    : AuthorizationHandler<AssessmentMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AssessmentMemberRequirement requirement)
    {
        if (!Guid.TryParse(http.HttpContext?.GetRouteValue("assessmentId")?.ToString(), out var id)) return;
        // The same scoped lookup the handler behind the route uses: one query for both (ADR 0010).
        if (await access.CanSeeAsync(id, http.HttpContext!.RequestAborted)) context.Succeed(requirement);
    }
}

public sealed class OpdcOfficerHandler(CurrentUser user) : AuthorizationHandler<OpdcOfficerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OpdcOfficerRequirement requirement)
    {
        if (await user.SeesAllOrganizationsAsync()) context.Succeed(requirement);
    }
}

public sealed class SystemAdminHandler(CurrentUser user) : AuthorizationHandler<SystemAdminRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, SystemAdminRequirement requirement)
    {
        if (await user.IsSystemAdminAsync()) context.Succeed(requirement);
    }
}

public sealed class OrganizationMemberHandler(CurrentUser user, IHttpContextAccessor http)
    : AuthorizationHandler<OrganizationMemberRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationMemberRequirement requirement)
    {
        var value = http.HttpContext?.GetRouteValue("orgId")?.ToString();
        if (Guid.TryParse(value, out var orgId) && await user.CanSeeOrganizationAsync(orgId)) context.Succeed(requirement);
    }
}

/// <summary>
/// A signed-in caller who may not see something gets 404, as if it did not exist: another agency's
/// data, or an administrator's screen, never reveals that it is there.
/// </summary>
public sealed class NotFoundWhenForbidden : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden) return _default.HandleAsync(next, context, policy, result);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
