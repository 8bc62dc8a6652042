using Pmqa.Domain.Organizations;
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
                (await handler.HandleAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/organizations/{id}", new { id })))
            .RequireAuthorization(Policies.SystemAdmin);
        group.MapPost("/import", async (IFormFile file, ImportOrganizations handler, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var result = await handler.HandleAsync(stream, ct);
                return result.Succeeded
                    ? Results.Ok(new { result.Created, result.Updated, result.Unchanged })
                    : Results.ValidationProblem(
                        result.Errors.GroupBy(e => $"row {e.Row}").ToDictionary(g => g.Key, g => g.Select(e => $"{e.Field}: {e.Message}").ToArray()),
                        title: Bilingual.T("มีแถวที่ไม่ถูกต้อง ไม่ได้นำเข้าข้อมูลใด", "Some rows are invalid; nothing was imported"));
            })
            .RequireAuthorization(Policies.SystemAdmin)
            .DisableAntiforgery()
            .WithSummary("Import organisations from CSV (code,nameTh,nameEn,type,parentCode): all rows or none");

        var one = group.MapGroup("/{orgId:guid}").RequireAuthorization(Policies.OrganizationMember);
        one.MapGet("/", async (Guid orgId, OrganizationQueries query, CancellationToken ct) =>
            await query.FindAsync(orgId, ct) is { } o ? Results.Ok(o) : Results.NotFound());
        one.MapPut("/", async (Guid orgId, UpdateBody body, UpdateOrganization handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(orgId, body.Version, body.NameTh, body.NameEn, body.ParentCode, body.IsActive ?? true), ct))
                .ToHttp(version => TypedResults.Ok(new { version })))
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Edit an organisation; send the version you read (409 if someone saved since)");
        one.MapGet("/members", async (Guid orgId, OrganizationQueries query, CancellationToken ct) =>
            TypedResults.Ok(await query.MembersAsync(orgId, ct)));
        one.MapPost("/members", async (Guid orgId, MemberBody body, AddMember handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(orgId, body.Email, body.Role), ct))
                .ToHttp(id => TypedResults.Created($"/api/v1/organizations/{orgId}/members/{id}", new { id })))
            .WithSummary("Give a user a role here (administrator: any fitting role; coordinator: agency roles)");
        one.MapDelete("/members/{membershipId:guid}", async (Guid orgId, Guid membershipId, RemoveMember handler, CancellationToken ct) =>
            (await handler.HandleAsync(orgId, membershipId, ct)).ToHttp(_ => TypedResults.NoContent()));
    }
}
