using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

public static class AssessmentsApi
{
    public sealed record ApproveBody(string? Name, string? Position);

    public sealed record ReasonBody(string? Reason);

    public sealed record ProfileBody(string? Text, Guid? AttachmentId);

    public sealed record AssignmentBody(Guid? UserId);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/organizations/{orgId:guid}/assessments", async (Guid orgId, AssessmentQueries query, CancellationToken ct) =>
                TypedResults.Ok(await query.ForOrganizationAsync(orgId, ct)))
            .RequireAuthorization(Policies.OrganizationMember).WithTags("Assessments");

        var one = api.MapGroup("/assessments/{assessmentId:guid}").WithTags("Assessments").RequireAuthorization(Policies.AssessmentMember);
        one.MapGet("/", async (Guid assessmentId, AssessmentAccess access, Frameworks.FrameworkCatalog catalog, CancellationToken ct) =>
        {
            var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
            var framework = found is Outcome<Assessment>.Ok ok ? await catalog.VersionOfAsync(ok.Value, ct) : null;
            return found.ToHttp(a => TypedResults.Ok(AssessmentQueries.Details(a, framework!)));
        });
        one.MapGet("/score", async (Guid assessmentId, AssessmentAccess access, AssessmentScores scores, CancellationToken ct) =>
            await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is Outcome<Assessment>.Ok ok
                ? (IResult)TypedResults.Ok(AssessmentScores.ToJson((await scores.CardAsync(ok.Value, ct)).Card))
                : NotFound())
            .Produces<ScoreJson>().ProducesProblem(StatusCodes.Status404NotFound);
        one.MapGet("/issues/{issueCode}", async (Guid assessmentId, string issueCode, IssueAnswerHandlers answers, HttpResponse response, CancellationToken ct) =>
            (await answers.GetAsync(assessmentId, issueCode, ct)).ToHttp(found =>
            {
                response.Headers.ETag = found.View.ETag;
                return TypedResults.Ok(found.View);
            }));
        one.MapPut("/issues/{issueCode}", PutIssueAsync).ProducesVersioned<IssueAnswerView>()
            .WithSummary("Save an issue's answers; If-Match must carry the ETag read (412 with the current state if stale, 428 if missing)");
        one.MapGet("/profile", async (Guid assessmentId, ProfileHandlers profile, CancellationToken ct) =>
            (await profile.GetAsync(assessmentId, ct)).ToHttp(sections => TypedResults.Ok(sections)))
            .WithSummary("The organisation profile: every section of the framework with its text, attachment and version");
        one.MapPut("/profile/{sectionCode}", async (Guid assessmentId, string sectionCode, ProfileBody body, HttpRequest request,
                HttpResponse response, ProfileHandlers profile, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return (IResult)Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
                var outcome = await profile.SaveAsync(assessmentId, sectionCode, version, body.Text, body.AttachmentId, ct);
                if (outcome is Outcome<ProfileSectionView>.Conflict c && c.Message == ProfileHandlers.StaleMessage)
                    return Preconditions.Stale(c.Message);
                return outcome.ToHttp(view => { response.Headers.ETag = $"\"{view.Version}\""; return TypedResults.Ok(view); });
            })
            .ProducesVersioned<ProfileSectionView>()
            .WithSummary("Save one profile section; If-Match carries the section's version");
        one.MapGet("/assignments", async (Guid assessmentId, CategoryAssignments assignments, CancellationToken ct) =>
            TypedResults.Ok(await assignments.ListAsync(assessmentId, ct)));
        one.MapPut("/assignments/{categoryCode}", async (Guid assessmentId, string categoryCode, AssignmentBody body, CategoryAssignments assignments, CancellationToken ct) =>
                (await assignments.AssignAsync(assessmentId, categoryCode, body.UserId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Coordinator: give a category to a category owner (userId null clears it)");
        one.MapGet("/incomplete", async (Guid assessmentId, AssessmentTransitions transitions, CancellationToken ct) =>
            (await transitions.ListIncompleteAsync(assessmentId, ct)).ToHttp(list => TypedResults.Ok(list)));
        one.MapPost("/submit", async (Guid assessmentId, AssessmentTransitions transitions, CancellationToken ct) =>
                (await transitions.SubmitAsync(assessmentId, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("Coordinator: send for the executive's approval (400 lists what is incomplete; 409 after the deadline)");
        one.MapPost("/approve", async (Guid assessmentId, ApproveBody body, AssessmentTransitions transitions, CancellationToken ct) =>
                (await transitions.ApproveAsync(assessmentId, body.Name, body.Position, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("Executive: approve and freeze the submission; the answer holds the snapshot's SHA-256");
        one.MapPost("/reject", async (Guid assessmentId, ReasonBody body, AssessmentTransitions transitions, CancellationToken ct) =>
            (await transitions.RejectAsync(assessmentId, body.Reason, ct)).ToHttp(r => TypedResults.Ok(r)));
        one.MapPost("/copy-forward", async (Guid assessmentId, CopyForward handler, CancellationToken ct) =>
                (await handler.HandleAsync(assessmentId, ct)).ToHttp(r => TypedResults.Ok(r)))
            .WithSummary("Start from last fiscal year's assessment (only into a draft with no answers): indicators shift r0 → r1 → r2");
        one.MapPost("/reopen", async (Guid assessmentId, ReasonBody body, AssessmentTransitions transitions, CancellationToken ct) =>
            (await transitions.ReopenAsync(assessmentId, body.Reason, ct)).ToHttp(r => TypedResults.Ok(r)));
    }

    private static async Task<IResult> PutIssueAsync(Guid assessmentId, string issueCode, IssueAnswerBody body, HttpRequest request,
        HttpResponse response, IssueAnswerHandlers answers, CancellationToken ct)
    {
        if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
        if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
        var outcome = await answers.SaveAsync(assessmentId, issueCode, version, body, ct);
        if (outcome is Outcome<IssueAnswerView>.Conflict c && c.Message == IssueAnswerHandlers.StaleMessage
            && await answers.GetAsync(assessmentId, issueCode, ct) is { } current && current is Outcome<(Assessment, Domain.Frameworks.FrameworkPack, Domain.Frameworks.Issue, IssueAnswerView)>.Ok now)
        {
            response.Headers.ETag = now.Value.Item4.ETag;
            return Preconditions.Stale(c.Message, new Dictionary<string, object?> { ["current"] = now.Value.Item4 });
        }
        return outcome.ToHttp(view =>
        {
            response.Headers.ETag = view.ETag;
            return TypedResults.Ok(view);
        });
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: Bilingual.T("ไม่พบข้อมูล", "Not found"));
}
