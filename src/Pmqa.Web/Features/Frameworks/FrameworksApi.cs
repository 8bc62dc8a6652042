using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Frameworks;

public static class FrameworksApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/frameworks").WithTags("Frameworks");
        group.MapGet("/", async (FrameworkCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.ListAsync(ct)))
            .WithSummary("Every framework version; the newest of each code is current");
        group.MapGet("/{code}", async (string code, string? version, FrameworkCatalog catalog, CancellationToken ct) =>
                await catalog.FindAsync(code, version, ct) is { } found ? Results.Ok(found.Pack) : NotFound())
            .WithSummary("The whole tree of a framework's current version (or ?version=)");
        group.MapPost("/", async (HttpRequest request, ImportFramework handler, CancellationToken ct) =>
                (await handler.HandleAsync(await ReadYamlAsync(request), ct)).ToHttp(r => TypedResults.Created($"/api/v1/frameworks/{r.Code}?version={r.Version}", r)))
            .RequireAuthorization(Policies.SystemAdmin)
            .Accepts<string>("application/yaml", "text/yaml", "text/plain", "multipart/form-data")
            .DisableAntiforgery()
            .WithSummary("Import a framework version from a YAML file in the shipped pack's format");
        group.MapDelete("/{code}/versions/{version}", async (string code, string version, DeleteFrameworkVersion handler, CancellationToken ct) =>
                (await handler.HandleAsync(code, version, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Delete a version that no round uses");
    }

    private static async Task<string> ReadYamlAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.FirstOrDefault();
            if (file is null) return "";
            using var reader = new StreamReader(file.OpenReadStream());
            return await reader.ReadToEndAsync();
        }
        using var body = new StreamReader(request.Body);
        return await body.ReadToEndAsync();
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: 404, title: Bilingual.T("ไม่พบเกณฑ์นี้", "No such framework"));
}
