using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Sign-in attempts are limited per client address, on top of Identity's per-account lockout,
/// so that one address cannot try passwords across many accounts.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static WebApplicationBuilder AddPmqaRateLimits(this WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("RateLimiting:SignInPermitsPerMinute", 10);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, context => !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = Bilingual.T("พยายามเข้าสู่ระบบบ่อยเกินไป กรุณารอหนึ่งนาที", "Too many sign-in attempts; wait a minute."),
                    status = 429,
                }, token);
            };
        });
        return builder;
    }
}

/// <summary>The client a request comes from: the peer, or the X-Forwarded-For address when the peer is a trusted
/// proxy (the forwarded-headers middleware has already applied <see cref="TrustedProxies"/>).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
