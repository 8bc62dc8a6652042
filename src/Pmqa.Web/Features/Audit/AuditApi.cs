using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async ([AsParameters] AuditFilter filter, AuditQueries query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(filter, ct)))
            .WithTags("Audit")
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("The audit trail, newest first; filter by entityType, entityKey, user, from, to (Bangkok dates)");
}
