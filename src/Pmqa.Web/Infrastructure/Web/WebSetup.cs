using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features;
using Pmqa.Web.Infrastructure.Startup;

namespace Pmqa.Web.Infrastructure.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddPmqaWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Account");
            o.Conventions.AuthorizeFolder("/Admin", Auth.Policies.SystemAdmin);
            o.Conventions.AuthorizeFolder("/Rounds", Auth.Policies.OpdcOfficer);
            o.Conventions.AuthorizeFolder("/Audit", Auth.Policies.OpdcOfficer);
            o.Conventions.AuthorizeFolder("/Assessments", Auth.Policies.AssessmentMember);
            o.Conventions.AuthorizePage("/Organizations/Details", Auth.Policies.OrganizationMember);
            o.Conventions.AuthorizePage("/Account/Logout");
        }).AddMvcOptions(o => o.AcceptThaiDigits());
        services.Configure<RouteOptions>(o => { o.LowercaseUrls = true; });
        // Thai is written as text, not as &#x…; entities: pages stay readable and several times smaller.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<JsonOptions>(o =>
        {
            foreach (var converter in FrameworkPackJson.Options.Converters) o.SerializerOptions.Converters.Add(converter);
            // Thai as UTF-8 text, not \u escapes (a third of the size); JSON is never embedded in HTML here.
            o.SerializerOptions.Encoder = FrameworkPackJson.Options.Encoder;
        });
        services.AddProblemDetails();
        // Unreadable JSON bodies reach the exception handler, which names the field and position (JsonBodyProblems).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // No "Server: Kestrel" on any response: it tells an attacker what to look up and nobody else needs it.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi("v1", OpenApiDescription.Describe);
        services.AddSingleton<SetupLink>();
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, builder.Configuration));
        return builder;
    }

    public static WebApplication UsePmqaPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        // Pages show a friendly error page; the API answers empty errors with problem details.
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UsePmqaLocalization();
        app.UseRouting();
        app.UseApiBodyLimit();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapPmqaEndpoints(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapApiReference();
        app.MapHealthChecks("/health", new() { ResponseWriter = HealthResponse.WriteAsync })
            .WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]))
            .AllowAnonymous();
        app.MapRazorPages().Finally(Auth.RouteMembership.Apply);
        app.MapPmqaApi();
        return app;
    }
}
