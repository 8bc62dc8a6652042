using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Routing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pmqa.Web.Infrastructure.Observability;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core (request duration by route and status), HttpClient, the .NET runtime,
/// Npgsql's connection pool and the application's own (<see cref="PmqaMetrics"/>), scraped by Prometheus at
/// <c>/metrics</c> (<c>Metrics:Enabled</c>, from the machine and <c>Metrics:AllowedNetworks</c>). Traces (requests,
/// EF Core commands, Npgsql, outgoing HTTP, PDF printing, outbox sends) and metrics go to an OTLP collector only
/// when <c>Telemetry:OtlpEndpoint</c> is set: without one, spans are not recorded at all. Logs stay the built-in
/// console logger, with scopes, so each line carries the request's RequestId, TraceId and SpanId.
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddPmqaTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var metricsEnabled = config.GetValue("Metrics:Enabled", true);
        var otlp = config["Telemetry:OtlpEndpoint"];
        builder.Services.TryAddSingleton<PmqaMetrics>();
        builder.Services.AddSingleton(MetricsAccess.From(config));
        // Every log line of a request names it (RequestId, TraceId, SpanId): the console prints the scopes.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // (Configuring the formatter options alone is not enough: without a formatter named, the console logger
        // takes its older settings, which have scopes off.)
        if (string.Equals(config["Logging:Console:FormatterName"], "json", StringComparison.OrdinalIgnoreCase))
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        else
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        if (!metricsEnabled && string.IsNullOrWhiteSpace(otlp)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["Telemetry:ServiceName"] ?? "pmqa", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(PmqaMetrics.Name, "Npgsql");
                if (metricsEnabled) m.AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/metrics") && !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(PmqaMetrics.Name, "Npgsql")
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
        return builder;
    }

    /// <summary><c>GET /metrics</c> in the Prometheus text format, for the callers <see cref="MetricsAccess"/> allows.</summary>
    public static WebApplication MapPmqaMetrics(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Metrics:Enabled", true)) return app;
        var access = app.Services.GetRequiredService<MetricsAccess>();
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
        {
            if (access.Allows(context.Connection.RemoteIpAddress)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }), optionsName: null)
            .WithMetadata(new HttpMethodMetadata(["GET"]))
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }
}
