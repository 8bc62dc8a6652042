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
            .Produces<Pmqa.Domain.Frameworks.FrameworkPack>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The whole tree of a framework's current version (or ?version=)");
        group.MapPost("/", async (HttpRequest request, ImportFramework handler, CancellationToken ct) =>
            {
                string yaml;
                try
                {
                    yaml = await ReadYamlAsync(request);
                }
                catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [TooLarge.ToString()] },
                        statusCode: StatusCodes.Status413PayloadTooLarge, title: Bilingual.T("ไฟล์ไม่ถูกต้อง", "The file was refused"));
                }
                return (await handler.HandleAsync(yaml, ct)).ToHttp(r => TypedResults.Created($"/api/v1/frameworks/{r.Code}?version={r.Version}", r));
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxBytes)
            .RequireAuthorization(Policies.SystemAdmin)
            .Accepts<string>("application/yaml", "text/yaml", "text/plain", "multipart/form-data")
            .DisableAntiforgery()
            .Produces<ImportFramework.Result>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Import a framework version from a YAML file in the shipped pack's format");
        group.MapDelete("/{code}/versions/{version}", async (string code, string version, DeleteFrameworkVersion handler, CancellationToken ct) =>
                (await handler.HandleAsync(code, version, ct)).ToHttp(_ => TypedResults.NoContent()))
            .RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("Delete a version that no round uses");
    }

    /// <summary>The largest framework file accepted (the shipped pack is about 150 KB).</summary>
    public const long MaxBytes = 2L * 1024 * 1024;

    private static readonly Msg TooLarge = new($"ไฟล์เกณฑ์ใหญ่เกิน {Evidence.EvidenceText.Size(MaxBytes)}",
        $"The framework file is larger than {Evidence.EvidenceText.Size(MaxBytes)}.");

    /// <summary>The YAML text, from a multipart file or the raw body; throws when the body is over the limit.</summary>
    private static async Task<string> ReadYamlAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes) throw new BadHttpRequestException("over the limit", StatusCodes.Status413PayloadTooLarge);
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
