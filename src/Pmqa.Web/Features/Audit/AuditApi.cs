using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        // A Delegate variable, bound at run time (RDG002 says so): the request delegate generator (ADR 0036) writes code
        // that does not compile for [AsParameters] on a record with nullable reference parameters (typeof(string?)).
        Delegate search = async ([AsParameters] AuditFilter filter, AuditQueries query, CancellationToken ct) =>
            TypedResults.Ok(await query.SearchAsync(filter, ct));
#pragma warning disable RDG002
        api.MapGet("/audit", search)
#pragma warning restore RDG002
            .WithTags("Audit")
            .RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("The audit trail, newest first (OPDC officers and administrators); filter by organizationId, assessmentId, kind " +
                "(answers, submission, evidence, review, sitevisit, people, setup), user (name or e-mail), from, to (Bangkok dates, yyyy-MM-dd), " +
                "entityType, entityKey, page; each entry says what happened in Thai and English (summary)");
    }
}
