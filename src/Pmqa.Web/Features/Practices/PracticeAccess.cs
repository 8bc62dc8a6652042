using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Practices;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Practices;

/// <summary>Routes carrying <c>{practiceId}</c> (ADR 0022): an approved example is every signed-in user's; a pending
/// or declined one only its agency's and OPDC's. Anyone else gets 404 before anything else runs, as for any
/// agency's data (ADR 0013).</summary>
public sealed class PracticeReaderRequirement : IAuthorizationRequirement
{
    public const string Policy = "PracticeReader";
}

public sealed class PracticeReaderHandler(IHttpContextAccessor http, PmqaDbContext db, CurrentUser me) : AuthorizationHandler<PracticeReaderRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PracticeReaderRequirement requirement)
    {
        if (!Guid.TryParse(http.HttpContext?.GetRouteValue("practiceId")?.ToString(), out var id)) return;
        var row = await db.SharedPractices.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Status, p.OrganizationId }).SingleOrDefaultAsync(http.HttpContext!.RequestAborted);
        if (row is not null && (row.Status == PracticeStatus.Approved || await me.CanSeeOrganizationAsync(row.OrganizationId)))
            context.Succeed(requirement);
    }
}
