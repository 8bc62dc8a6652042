using Microsoft.AspNetCore.Mvc;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

public static class OrganizationsApi
{
    public sealed record UpdateBody(int Version, string? NameTh, string? NameEn, string? ParentCode, bool? IsActive);

    public sealed record MemberBody(string? Email, string? Role);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations").WithTags("Organizations");
        group.MapGet("/", async (string? search, string? type, int? page, OrganizationQueries query, CancellationToken ct) =>
                TypedResults.Ok(await query.SearchAsync(search, OrganizationTypes.TryParseApiName(type, out var t) ? t : null, page ?? 1, ct)))
            .WithSummary("Organisations the caller may see: all for OPDC staff, otherwise the caller's own");
        group.MapPost("/", async (OrganizationInput input, CreateOrganization handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/organizations/{id}", new CreatedId(id))))
            .RequireAuthorization(Policies.SystemAdmin);
        group.MapPost("/import", ImportAsync)
            .Produces<ImportOrganizations.Result>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .Accepts<IFormFile>("multipart/form-data")
            .RequireAuthorization(Policies.SystemAdmin)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportOrganizations.RequestLimit))
            .WithFormOptions(multipartBodyLengthLimit: ImportOrganizations.RequestLimit)
            .WithSummary($"Import organisations from CSV (code,nameTh,nameEn,type,parentCode): all rows or none; " +
                         $"at most {ImportOrganizations.MaxBytes} bytes and {ImportOrganizations.MaxRows} rows (413 beyond), 409 when another import collides");

        var one = group.MapGroup("/{orgId:guid}").RequireAuthorization(Policies.OrganizationMember);
        one.MapGet("/", async (Guid orgId, OrganizationQueries query, CancellationToken ct) =>
            await query.FindAsync(orgId, ct) is { } o ? Results.Ok(o) : Results.NotFound())
            .Produces<OrganizationSummary>().Produces(StatusCodes.Status404NotFound);
        one.MapPut("/", async (Guid orgId, UpdateBody body, UpdateOrganization handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(orgId, body.Version, body.NameTh, body.NameEn, body.ParentCode, body.IsActive ?? true), ct))
                .ToHttp(version => TypedResults.Ok(new NewVersion(version))))
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Edit an organisation; send the version you read (409 if someone saved since)");
        one.MapGet("/members", async (Guid orgId, OrganizationQueries query, CancellationToken ct) =>
            TypedResults.Ok(await query.MembersAsync(orgId, ct)));
        one.MapPost("/members", async (Guid orgId, MemberBody body, AddMember handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(orgId, body.Email, body.Role), ct))
                .ToHttp(id => TypedResults.Created($"/api/v1/organizations/{orgId}/members/{id}", new CreatedId(id))))
            .WithSummary("Give a user a role here (administrator: any fitting role; coordinator: agency roles)");
        one.MapDelete("/members/{membershipId:guid}", async (Guid orgId, Guid membershipId, RemoveMember handler, CancellationToken ct) =>
            (await handler.HandleAsync(orgId, membershipId, ct)).ToHttp(_ => TypedResults.NoContent()));
    }

    /// <summary>The form is read here rather than bound, so that a file over the limit answers 413 naming the
    /// limit instead of a bare 400 (or, without the limit, being read whole).</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, ImportOrganizations handler, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return FileProblem(StatusCodes.Status400BadRequest, new Msg("ส่งไฟล์แบบ multipart/form-data ในช่อง file", "Send the file as multipart/form-data in the field `file`."));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return EvidenceApi.TooLarge(e, request, ImportOrganizations.RequestLimit)
                ? FileProblem(StatusCodes.Status413PayloadTooLarge, ImportOrganizations.TooLargeMessage)
                : FileProblem(StatusCodes.Status400BadRequest, new Msg("อ่านไฟล์ที่ส่งมาไม่ได้", "The upload could not be read: send multipart/form-data with the field `file`."));
        }
        if (form.Files.GetFile("file") is not { } file)
            return FileProblem(StatusCodes.Status400BadRequest, new Msg("กรุณาเลือกไฟล์ CSV", "Choose a CSV file."));
        await using var stream = file.OpenReadStream();
        var result = await handler.HandleAsync(stream, ct);
        return result switch
        {
            { Succeeded: true } => Results.Ok(new { result.Created, result.Updated, result.Unchanged }),
            { Refused: ImportOrganizations.Refusal.TooLarge } => FileProblem(StatusCodes.Status413PayloadTooLarge, ImportOrganizations.TooLargeMessage),
            { Refused: ImportOrganizations.Refusal.Conflict } => Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Bilingual.T("นำเข้าพร้อมกับการเปลี่ยนแปลงอื่น", "The import collided with another change"), detail: result.Errors[0].Message.ToString()),
            _ => Results.ValidationProblem(
                result.Errors.GroupBy(e => $"row {e.Row}").ToDictionary(g => g.Key, g => g.Select(e => $"{e.Field}: {e.Message}").ToArray()),
                title: Bilingual.T("มีแถวที่ไม่ถูกต้อง ไม่ได้นำเข้าข้อมูลใด", "Some rows are invalid; nothing was imported")),
        };
    }

    private static IResult FileProblem(int status, Msg message) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["file"] = [message.ToString()] }, statusCode: status,
        title: Bilingual.T("ไฟล์ไม่ถูกต้อง", "The file was refused"));
}
