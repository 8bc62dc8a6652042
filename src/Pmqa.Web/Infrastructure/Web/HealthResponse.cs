using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary><c>GET /health</c>: the overall state and the database's, as JSON.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
}
