using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Authentication");
        group.MapPost("/token", async (IssueApiToken.Command command, IssueApiToken handler, CancellationToken ct) =>
                (await handler.HandleAsync(command, ct)).ToHttp(r => TypedResults.Ok(r)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchange e-mail and password for a bearer token");
        group.MapDelete("/token", async (HttpContext http, RevokeApiToken handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(http.User.FindFirst("token")!.Value, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke the token used for this request");
    }
}
