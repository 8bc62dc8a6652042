using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async ([AsParameters] AuditFilter filter, AuditQueries query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(filter, ct)))
            .WithTags("Audit")
            .RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("The audit trail, newest first (OPDC officers and administrators); filter by organizationId, assessmentId, kind " +
                "(answers, submission, evidence, review, sitevisit, people, setup), user (name or e-mail), from, to (Bangkok dates, yyyy-MM-dd), " +
                "entityType, entityKey, page; each entry says what happened in Thai and English (summary)");
}
