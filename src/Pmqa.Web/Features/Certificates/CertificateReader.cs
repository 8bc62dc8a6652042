using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Certificates;

public sealed class CertificateReaderRequirement : IAuthorizationRequirement;

/// <summary>Routes carrying <c>{certificateId}</c>: OPDC, and the members of the certified organisation.
/// Decided before anything else runs, so another agency's certificate answers 404 like a missing one.</summary>
public sealed class CertificateReaderHandler(CurrentUser user, IHttpContextAccessor http, PmqaDbContext db)
    : AuthorizationHandler<CertificateReaderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CertificateReaderRequirement requirement)
    {
        if (!Guid.TryParse(http.HttpContext?.GetRouteValue("certificateId")?.ToString(), out var id)) return;
        var organizationId = await db.Certificates.Where(c => c.Id == id).Select(c => (Guid?)c.OrganizationId).FirstOrDefaultAsync();
        if (organizationId is { } org && await user.CanSeeOrganizationAsync(org)) context.Succeed(requirement);
    }
}
