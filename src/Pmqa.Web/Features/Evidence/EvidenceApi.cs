using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Evidence;

public static class EvidenceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var group = api.MapGroup("/assessments/{assessmentId:guid}/evidence").WithTags("Evidence").RequireAuthorization(Policies.AssessmentMember);

        group.MapPost("/", UploadAsync)
            .Produces<UploadedEvidence>(StatusCodes.Status201Created).Produces<UploadedEvidence>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery() // bearer tokens only: a browser cannot send one cross-site
            .WithMetadata(new RequestSizeLimitAttribute(limits.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: limits.RequestLimit)
            .WithSummary("Upload a file (multipart field `file`; optional `issueCodes` to link at once): PDF, PNG, JPEG, GIF, WebP, Word, Excel or PowerPoint, " +
                         "checked from the content; 201, or 200 with the existing file when the same bytes are already there");
        group.MapGet("/", async (Guid assessmentId, EvidenceQueries queries, CancellationToken ct) =>
                (await queries.ListAsync(assessmentId, ct)).ToHttp(list => TypedResults.Ok(list)))
            .WithSummary("The assessment's files (removed ones are left out) and the issues each supports");
        group.MapGet("/{evidenceId:guid}", async (Guid assessmentId, Guid evidenceId, EvidenceQueries queries, CancellationToken ct) =>
                (await queries.OpenAsync(assessmentId, evidenceId, ct)).ToHttp(Download))
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/octet-stream")
            .WithSummary("Download the file as an attachment under its original name");
        group.MapPut("/{evidenceId:guid}/links/{issueCode}", async (Guid assessmentId, Guid evidenceId, string issueCode, EvidenceCommands commands, CancellationToken ct) =>
                (await commands.LinkAsync(assessmentId, evidenceId, issueCode, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("The file supports this issue too");
        group.MapDelete("/{evidenceId:guid}/links/{issueCode}", async (Guid assessmentId, Guid evidenceId, string issueCode, EvidenceCommands commands, CancellationToken ct) =>
                (await commands.UnlinkAsync(assessmentId, evidenceId, issueCode, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("The file no longer supports this issue");
        group.MapDelete("/{evidenceId:guid}", async (Guid assessmentId, Guid evidenceId, EvidenceCommands commands, CancellationToken ct) =>
                (await commands.RemoveAsync(assessmentId, evidenceId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Remove the file from the assessment (the audit trail keeps it)");
    }

    /// <summary>Whether the caller may upload comes before reading the body (the policy has already answered an
    /// outsider with 404): a refused or late upload is not read at all.</summary>
    private static async Task<IResult> UploadAsync(Guid assessmentId, HttpRequest request, EvidenceCommands commands, CancellationToken ct)
    {
        var editable = await commands.EditableAsync(assessmentId, ct);
        if (editable is not Outcome<Assessment>.Ok) return editable.ToHttp(_ => Results.Empty);
        if (!request.HasFormContentType)
            return FileProblem(new Msg("ส่งไฟล์แบบ multipart/form-data ในช่อง file", "Send the file as multipart/form-data in the field `file`."));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TooLarge(e, request, commands.RequestLimit)
                ? FileProblem(EvidenceCommands.TooLarge(commands.MaxBytes), StatusCodes.Status413PayloadTooLarge)
                : FileProblem(new Msg("อ่านไฟล์ที่ส่งมาไม่ได้ กรุณาส่งแบบ multipart/form-data ในช่อง file", "The upload could not be read: send multipart/form-data with the field `file`."));
        }
        // Over the file limit but within the request's envelope: the same 413 as a request cut off while read.
        if (form.Files.GetFile("file") is { } over && over.Length > commands.MaxBytes)
            return FileProblem(EvidenceCommands.TooLarge(commands.MaxBytes), StatusCodes.Status413PayloadTooLarge);
        var outcome = await commands.UploadAsync(assessmentId, form.Files.GetFile("file"), form["issueCodes"].SelectMany(SplitCodes), ct);
        return outcome.ToHttp(uploaded => uploaded.AlreadyThere
            ? (IResult)TypedResults.Ok(uploaded)
            : TypedResults.Created($"/api/v1/assessments/{assessmentId}/evidence/{uploaded.Id}", uploaded));
    }

    /// <summary>The server refused the body for its size (Kestrel's request limit, or the multipart limit when
    /// the length was not announced), rather than for being malformed.</summary>
    internal static bool TooLarge(Exception e, HttpRequest request, long limit) =>
        request.ContentLength > limit
        || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
        || e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>issueCodes</c> may be repeated or comma-separated.</summary>
    private static IEnumerable<string> SplitCodes(string? value) => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    internal static IResult Download(EvidenceDownload file) => new Sandboxed(TypedResults.Stream(file.Content, file.ContentType, file.FileName,
        entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true));

    /// <summary>
    /// An uploaded file is someone else's content: besides <c>attachment</c> and <c>nosniff</c>, a browser that
    /// renders it anyway (a PDF viewer's tab, "open in new tab") gets a policy that runs no script, loads nothing
    /// and gives the document an opaque origin, so it cannot read this site's cookies or call its API.
    /// </summary>
    private sealed class Sandboxed(IResult file) : IResult
    {
        public const string Policy = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.ContentSecurityPolicy = Policy;
            return file.ExecuteAsync(context);
        }
    }

    private static IResult FileProblem(Msg message, int status = StatusCodes.Status400BadRequest) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["file"] = [message.ToString()] }, statusCode: status,
        title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"));
}
