using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Organizations;

namespace Pmqa.Web.Infrastructure.Auth;

public sealed record MembershipInfo(Guid OrganizationId, Role Role);

/// <summary>The signed-in person of this request and their memberships, read once per request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, PmqaDbContext db)
{
    private IReadOnlyList<MembershipInfo>? _memberships;
    private Guid? _membershipsOf;

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Principal?.Identity?.Name ?? "system";

    public async Task<IReadOnlyList<MembershipInfo>> MembershipsAsync()
    {
        if (Id is not { } id) return [];
        if (_memberships is not null && _membershipsOf == id) return _memberships;
        _membershipsOf = id;
        return _memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == id)
            .Select(m => new MembershipInfo(m.OrganizationId, m.Role))
            .ToListAsync();
    }

    /// <summary>Memberships already read with the caller's API token in this request (one query instead of two).</summary>
    internal void Prime(Guid userId, IReadOnlyList<MembershipInfo> memberships) =>
        (_membershipsOf, _memberships) = (userId, memberships);

    public async Task<bool> HasRoleAsync(Role role) => (await MembershipsAsync()).Any(m => m.Role == role);

    public Task<bool> IsSystemAdminAsync() => HasRoleAsync(Role.SystemAdmin);

    /// <summary>OPDC officers and system administrators see every organisation.</summary>
    public async Task<bool> SeesAllOrganizationsAsync() =>
        (await MembershipsAsync()).Any(m => m.Role is Role.SystemAdmin or Role.OpdcOfficer);

    public async Task<bool> CanSeeOrganizationAsync(Guid organizationId) =>
        await SeesAllOrganizationsAsync() || (await MembershipsAsync()).Any(m => m.OrganizationId == organizationId);

    /// <summary>The caller is on the assessment's review team (reviewers see only what they are assigned).</summary>
    public async Task<bool> ReviewsAssessmentAsync(Guid assessmentId) =>
        Id is { } id && await db.ReviewAssignments.AnyAsync(r => r.AssessmentId == assessmentId && r.UserId == id);

    /// <summary>The caller is on the assessment's site-visit team (a JSON list of user ids, written by
    /// <c>SiteVisitHandlers.ScheduleAsync</c> as lower-case "D" GUIDs).</summary>
    public async Task<bool> VisitsAssessmentAsync(Guid assessmentId)
    {
        if (Id is not { } id) return false;
        var needle = id.ToString();
        return await db.SiteVisits.AnyAsync(v => v.AssessmentId == assessmentId && v.TeamJson.Contains(needle));
    }

    /// <summary>Whoever may see the organisation, the assessment's review team and its site-visit team
    /// (who may be OPDC people outside the review team: they read the answers to record their findings).</summary>
    public async Task<bool> CanSeeAssessmentAsync(Guid assessmentId, Guid organizationId) =>
        await CanSeeOrganizationAsync(organizationId) || await ReviewsAssessmentAsync(assessmentId) || await VisitsAssessmentAsync(assessmentId);

    public async Task<bool> HasRoleInAsync(Guid organizationId, params Role[] roles) =>
        (await MembershipsAsync()).Any(m => m.OrganizationId == organizationId && roles.Contains(m.Role));

    /// <summary>The administrator manages every team; an agency's coordinator manages its own.</summary>
    public async Task<bool> CanManageMembersAsync(Guid organizationId) =>
        await IsSystemAdminAsync() ||
        (await MembershipsAsync()).Any(m => m.OrganizationId == organizationId && m.Role == Role.Coordinator);
}

/// <summary>The audit trail's "who": read from the request's claims only, because the DbContext itself
/// depends on it (through the audit interceptor) and so it must not depend on the DbContext.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : Pmqa.Data.Auditing.IAuditActor
{
    public (Guid? UserId, string Name) Current
    {
        get
        {
            var user = http.HttpContext?.User;
            return Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
                ? (id, user!.Identity?.Name ?? id.ToString())
                : (null, "system");
        }
    }
}
