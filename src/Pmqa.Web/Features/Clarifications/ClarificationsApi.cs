using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Clarifications;

public static class ClarificationsApi
{
    public sealed record AskBody(string? IssueCode, string? Question, DateTimeOffset? DueAt);

    public sealed record MessageBody(string? Text, Guid? EvidenceId);

    public sealed record CloseBody(int? Version);

    public static void Map(RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var group = api.MapGroup("/assessments/{assessmentId:guid}/clarifications").WithTags("Clarifications")
            .RequireAuthorization(Policies.AssessmentMember);

        group.MapGet("/", async (Guid assessmentId, ClarificationQueries queries, CancellationToken ct) =>
                (await queries.ListAsync(assessmentId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The assessment's clarification threads: issue, status (open = waiting for the agency, answered, closed), due date");
        group.MapPost("/", async (Guid assessmentId, AskBody body, ClarificationHandlers handlers, CancellationToken ct) =>
                (await handlers.AskAsync(assessmentId, new AskInput(body.IssueCode, body.Question, body.DueAt), ct))
                .ToHttp(id => TypedResults.Created(ClarificationLinks.Api(assessmentId, id), new CreatedId(id))))
            .WithSummary("A reviewer on the team (no conflict declared) asks the agency about an issue, with a due date in the future");
        group.MapGet("/{clarificationId:guid}", async (Guid assessmentId, Guid clarificationId, ClarificationQueries queries, CancellationToken ct) =>
                (await queries.GetAsync(assessmentId, clarificationId, ct)).ToHttp(thread => TypedResults.Ok(thread)))
            .WithSummary("One thread with its messages");
        group.MapPost("/{clarificationId:guid}/messages", MessageAsync)
            .Produces<CreatedMessage>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .Accepts<MessageBody>("application/json", "multipart/form-data")
            .DisableAntiforgery() // bearer tokens only: a browser cannot send one cross-site
            .WithMetadata(new RequestSizeLimitAttribute(limits.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: limits.RequestLimit)
            .WithSummary("A message: JSON {text, evidenceId?}, or multipart with `text` and `file` (the agency's new evidence, linked to the issue); 409 once closed");
        group.MapPost("/{clarificationId:guid}/close", async (Guid assessmentId, Guid clarificationId, HttpRequest request, ClarificationHandlers handlers, CancellationToken ct) =>
            {
                var body = request.HasJsonContentType() ? await request.ReadFromJsonAsync<CloseBody>(ct) : null;
                return (await handlers.CloseAsync(assessmentId, clarificationId, body?.Version, ct)).ToHttp(version => TypedResults.Ok(new NewVersion(version)));
            })
            .WithSummary("Reviewers close the thread; optional {version} as read: 409 if a message came since");
    }

    /// <summary>Who may write comes before reading the body: a refused upload is not read at all.</summary>
    private static async Task<IResult> MessageAsync(Guid assessmentId, Guid clarificationId, HttpRequest request, ClarificationHandlers handlers,
        EvidenceCommands evidence, CancellationToken ct)
    {
        var side = await handlers.SideAsync(assessmentId, ct);
        if (side is not Outcome<(Pmqa.Data.Entities.Assessment, bool)>.Ok) return side.ToHttp(_ => Results.Empty);
        ReplyInput input;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
            {
                var message = EvidenceApi.TooLarge(e, request, evidence.RequestLimit)
                    ? EvidenceCommands.TooLarge(evidence.MaxBytes)
                    : new Msg("อ่านข้อมูลที่ส่งมาไม่ได้", "The form could not be read.");
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message.ToString()] },
                    title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"));
            }
            input = new ReplyInput(form["text"], Guid.TryParse(form["evidenceId"], out var chosen) ? chosen : null, form.Files.GetFile("file"));
        }
        else
        {
            MessageBody? body;
            try
            {
                body = await request.ReadFromJsonAsync<MessageBody>(ct);
            }
            catch (System.Text.Json.JsonException)
            {
                body = null;
            }
            input = new ReplyInput(body?.Text, body?.EvidenceId);
        }
        return (await handlers.ReplyAsync(assessmentId, clarificationId, input, ct))
            .ToHttp(id => TypedResults.Created(ClarificationLinks.Api(assessmentId, clarificationId), new CreatedMessage(id)));
    }
}

/// <summary>The id of the message just added to a thread.</summary>
public sealed record CreatedMessage(Guid Id);
