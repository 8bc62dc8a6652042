using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.SiteVisits;

public static class SiteVisitsApi
{
    public sealed record ReasonBody(string? Reason);

    public sealed record DecisionBody(bool Certified, string? Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var visit = api.MapGroup("/assessments/{assessmentId:guid}/site-visit").WithTags("Site visits").RequireAuthorization(Policies.AssessmentMember);
        visit.MapGet("/", async (Guid assessmentId, SiteVisitHandlers h, CancellationToken ct) => (await h.GetAsync(assessmentId, ct)).ToHttp(v => TypedResults.Ok(v)));
        visit.MapPost("/accept", async (Guid assessmentId, SiteVisitHandlers h, CancellationToken ct) =>
            (await h.AnswerOfferAsync(assessmentId, true, null, ct)).ToHttp(v => TypedResults.Ok(v))).WithSummary("Executive: accept the offered site visit");
        visit.MapPost("/decline", async (Guid assessmentId, ReasonBody body, SiteVisitHandlers h, CancellationToken ct) =>
            (await h.AnswerOfferAsync(assessmentId, false, body.Reason, ct)).ToHttp(v => TypedResults.Ok(v))).WithSummary("Executive: decline with a reason");
        visit.MapPut("/", async (Guid assessmentId, VisitBody body, SiteVisitHandlers h, CancellationToken ct) =>
                (await h.ScheduleAsync(assessmentId, body, ct)).ToHttp(v => TypedResults.Ok(v)))
            .WithSummary("OPDC: schedule {scheduledAt, mode: onSite|online, location, teamIds, agenda, version}");
        visit.MapPut("/findings/{issueCode}", async (Guid assessmentId, string issueCode, FindingBody body, SiteVisitHandlers h, CancellationToken ct) =>
                (await h.SaveFindingAsync(assessmentId, issueCode, body, ct)).ToHttp(v => TypedResults.Ok(v)))
            .WithSummary("Visiting team: a finding on an issue, optionally an adjusted score (0–500) with a reason");
        visit.MapPost("/complete", async (Guid assessmentId, SiteVisitHandlers h, CancellationToken ct) =>
            (await h.CompleteAsync(assessmentId, ct)).ToHttp(v => TypedResults.Ok(v))).WithSummary("OPDC: the visit took place");
        api.MapPost("/assessments/{assessmentId:guid}/certification", async (Guid assessmentId, DecisionBody body, SiteVisitHandlers h, CancellationToken ct) =>
                (await h.DecideAsync(assessmentId, body.Certified, body.Reason, ct)).ToHttp(v => TypedResults.Ok(v)))
            .RequireAuthorization(Policies.AssessmentMember).WithTags("Site visits")
            .WithSummary("OPDC: Certified (status band of the final score, certificate issued) or Not certified with a reason");
    }
}
