using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Practices;

/// <summary>The library of good practice (issue 12, ADR 0022): certified agencies share an issue's explanations and
/// files, OPDC approves or declines, every signed-in user reads and searches (Thai word breaking) what is approved.</summary>
public static class PracticesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var library = api.MapGroup("/practices").WithTags("Practices");
        library.MapGet("/", async (string? issue, string? q, PracticeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(issue, q, ct)))
            .WithSummary("Approved examples, of one issue (issue=1.1) and/or holding every word of q (Thai words are found inside sentences), with a snippet and the matched words");
        library.MapGet("/pending", async (PracticeQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PendingAsync(ct)))
            .RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("OPDC: examples waiting for a decision, oldest first");
        library.MapGet("/{practiceId:guid}", async (Guid practiceId, HttpResponse response, PracticeQueries queries, CancellationToken ct) =>
                (await queries.GetAsync(practiceId, ct)).ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); }))
            .WithSummary("One example with its ETag: approved ones for every signed-in user; pending or declined ones only for their agency and OPDC");
        library.MapGet("/{practiceId:guid}/evidence/{evidenceId:guid}", async (Guid practiceId, Guid evidenceId, PracticeQueries queries, CancellationToken ct) =>
                (await queries.OpenFileAsync(practiceId, evidenceId, ct)).ToHttp(EvidenceApi.Download))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/octet-stream")
            .WithSummary("Download a file shared with the example (readable exactly when the example is)");
        library.MapPost("/{practiceId:guid}/approve", async (Guid practiceId, HttpRequest request, HttpResponse response, PracticeCommands commands, CancellationToken ct) =>
                Answer(await commands.ApproveAsync(practiceId, IfMatch(request), ct), response))
            .RequireAuthorization(Policies.OpdcOfficer).ProducesVersioned<PracticeView>()
            .WithSummary("OPDC approves a pending example: it joins the library; If-Match (optional) the example's ETag");
        library.MapPost("/{practiceId:guid}/decline", async (Guid practiceId, DeclineBody body, HttpRequest request, HttpResponse response, PracticeCommands commands, CancellationToken ct) =>
                Answer(await commands.DeclineAsync(practiceId, IfMatch(request), body, ct), response))
            .RequireAuthorization(Policies.OpdcOfficer).ProducesVersioned<PracticeView>()
            .WithSummary("OPDC declines a pending example {reason}; the agency may share it again; If-Match (optional) the example's ETag");

        api.MapPost("/assessments/{assessmentId:guid}/practices/{issueCode}", async (Guid assessmentId, string issueCode, ShareBody body,
                HttpRequest request, HttpResponse response, PracticeCommands commands, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                return Answer(await commands.ShareAsync(assessmentId, issueCode, IfMatch(request), body, ct), response);
            })
            .WithTags("Practices").RequireAuthorization(Policies.AssessmentMember).ProducesVersioned<PracticeView>()
            .WithSummary("The coordinator of a certified assessment shares an issue verified at Advance or Significance {evidenceIds}; its explanations are copied as they are now and wait for OPDC. Sharing again needs If-Match");
    }

    private static int? IfMatch(HttpRequest request) =>
        request.Headers.IfMatch.Count == 0 ? null : Preconditions.TryIfMatch(request, out var version) ? version : -1;

    private static IResult Answer(Outcome<PracticeView> outcome, HttpResponse response)
    {
        if (outcome is Outcome<PracticeView>.Conflict c && c.Message == PracticeCommands.StaleMessage) return Preconditions.Stale(c.Message);
        if (outcome is Outcome<PracticeView>.Conflict r && r.Message == PracticeCommands.VersionRequired) return Preconditions.IfMatchRequired();
        return outcome.ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); });
    }
}
