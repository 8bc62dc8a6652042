using Scalar.AspNetCore;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// A readable reference of <c>/api/v1</c> at <see cref="Path"/>, rendered by Scalar from the OpenAPI document.
/// Everything it needs is served by the application itself (the script is embedded in Scalar's package; no
/// web fonts, no telemetry, no proxy), so it works on a closed government network. Scalar's page starts with an
/// inline script and styles, which the site-wide CSP forbids; only this path gets a CSP that allows them, and it
/// shows nothing but the public description of the API.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static void MapApiReference(this WebApplication app) =>
        app.MapScalarApiReference(Path, options => options
                .WithTitle("PMQA 4.0 Online API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideClientButton()
                .HideDeveloperTools()
                .AddDocument("v1"))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
