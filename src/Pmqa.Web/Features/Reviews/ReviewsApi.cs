using Pmqa.Domain.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

public static class ReviewsApi
{
    public sealed record TeamBody(Guid? LeadId, IReadOnlyList<Guid>? ReviewerIds);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reviews", async (ReviewQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.MineAsync(ct)))
            .WithTags("Reviews").WithSummary("The assessments the caller reviews, with its own progress");
        api.MapGet("/reviews/workload", async (ReviewWorkload workload, CancellationToken ct) => TypedResults.Ok(await workload.ListAsync(ct)))
            .RequireAuthorization(Policies.OpdcOfficer).WithTags("Reviews").WithSummary("How many reviews each reviewer holds");

        var one = api.MapGroup("/assessments/{assessmentId:guid}").WithTags("Reviews").RequireAuthorization(Policies.AssessmentMember);
        one.MapGet("/review-team", async (Guid assessmentId, ReviewTeams teams, CancellationToken ct) =>
            (await teams.ListAsync(assessmentId, ct)).ToHttp(m => TypedResults.Ok(m)));
        one.MapPut("/review-team", async (Guid assessmentId, TeamBody body, ReviewTeams teams, CancellationToken ct) =>
                (await teams.AssignAsync(assessmentId, body.LeadId, body.ReviewerIds, ct)).ToHttp(m => TypedResults.Ok(m)))
            .WithSummary("OPDC: the review team (one lead, any reviewers, none a member of the agency); the first team starts the review");

        one.MapGet("/review", async (Guid assessmentId, ReviewWork work, CancellationToken ct) =>
            (await work.SummaryAsync(assessmentId, ct)).ToHttp(r => TypedResults.Ok(r)));
        one.MapPost("/review/declare-no-conflict", async (Guid assessmentId, ReviewWork work, CancellationToken ct) =>
                (await work.DeclareNoConflictAsync(assessmentId, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("Reviewer: declare no conflict of interest with the agency (needed before seeing its answers)");
        one.MapGet("/review/issues/{issueCode}", async (Guid assessmentId, string issueCode, ReviewWork work, HttpResponse response, CancellationToken ct) =>
            (await work.GetIssueAsync(assessmentId, issueCode, ct)).ToHttp(found =>
            {
                response.Headers.ETag = found.View.ETag;
                return TypedResults.Ok(found.View);
            }));
        one.MapPut("/review/issues/{issueCode}", async (Guid assessmentId, string issueCode, ReviewIssueBody body, HttpRequest request,
                HttpResponse response, ReviewWork work, CancellationToken ct) =>
            {
                if (!Preconditions.TryIfMatch(request, out var version)) return (IResult)Preconditions.IfMatchRequired();
                // A review is written by its reviewer alone: "*" means "over my own current version".
                if (Preconditions.IsAny(request) && await work.GetIssueAsync(assessmentId, issueCode, ct) is { } found)
                {
                    if (found is not Outcome<(ReviewWork.Mine, ReviewScores.Context, Domain.Frameworks.Issue, ReviewIssueView)>.Ok current)
                        return found.ToHttp(_ => TypedResults.NoContent());
                    version = current.Value.Item4.Version;
                }
                var outcome = await work.SaveIssueAsync(assessmentId, issueCode, version, body, ct);
                if (outcome is Outcome<ReviewIssueView>.Conflict { Message: var m } && m == ReviewWork.Stale) return Preconditions.Stale(m);
                return outcome.ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); });
            })
            .ProducesVersioned<ReviewIssueView>()
            .WithSummary("Reviewer: own ticks or indicator judgements (accept/adjust/reject with reason), strengths, opportunities; If-Match");
        one.MapPost("/review/submit", async (Guid assessmentId, ReviewWork work, CancellationToken ct) =>
                (await work.SubmitAsync(assessmentId, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("Reviewer: submit the own review (every issue judged); only then are the others' reviews visible");

        one.MapGet("/consensus", async (Guid assessmentId, Consensus consensus, CancellationToken ct) =>
            (await consensus.OverviewAsync(assessmentId, ct)).ToHttp(o => TypedResults.Ok(o)));
        one.MapGet("/consensus/issues/{issueCode}", async (Guid assessmentId, string issueCode, Consensus consensus, HttpResponse response, CancellationToken ct) =>
                (await consensus.CompareAsync(assessmentId, issueCode, ct)).ToHttp(c =>
                {
                    response.Headers.ETag = c.Consensus.ETag;
                    return TypedResults.Ok(c);
                }))
            .WithSummary("Every submitted review of an issue side by side, the differences, and the consensus (or a proposal)");
        one.MapPut("/consensus/issues/{issueCode}", async (Guid assessmentId, string issueCode, ReviewIssueBody body, HttpRequest request,
                HttpResponse response, Consensus consensus, CancellationToken ct) =>
            {
                if (!Preconditions.TryIfMatch(request, out var version)) return (IResult)Preconditions.IfMatchRequired();
                // The consensus is written by the lead alone: "*" means "over the current version".
                if (Preconditions.IsAny(request) && await consensus.CompareAsync(assessmentId, issueCode, ct) is { } found)
                {
                    if (found is not Outcome<Comparison>.Ok current) return found.ToHttp(_ => TypedResults.NoContent());
                    version = current.Value.Consensus.Version;
                }
                var outcome = await consensus.SaveAsync(assessmentId, issueCode, version, body, ct);
                if (outcome is Outcome<ReviewIssueView>.Conflict { Message: var m } && m == ReviewWork.Stale) return Preconditions.Stale(m);
                return outcome.ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); });
            })
            .ProducesVersioned<ReviewIssueView>()
            .WithSummary("Lead: the consensus of an issue with its rationale; If-Match");
        one.MapPost("/confirm", async (Guid assessmentId, Consensus consensus, CancellationToken ct) =>
                (await consensus.ConfirmAsync(assessmentId, ct)).ToHttp(s => TypedResults.Ok(new NewState(s.ToString()))))
            .WithSummary("Lead: fix the verified score; at the round's threshold or above the executive is offered a site visit");
        one.MapGet("/feedback", async (Guid assessmentId, FeedbackReport report, CancellationToken ct) =>
                (await report.GetAsync(assessmentId, ct)).ToHttp(f => TypedResults.Ok(f)))
            .WithSummary("Self-assessed vs verified score per issue and category, strengths, opportunities, rationale (after confirmation)");
    }
}
