using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapPost("/password-reset", async Task<Results<Accepted<RequestPasswordReset.Answer>, ValidationProblem, OutcomeProblem>> (
                    RequestPasswordReset.Command command, RequestPasswordReset handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(command, ClientAddress.Of(http), ct)).ToHttp(_ => TypedResults.Accepted((string?)null, RequestPasswordReset.Answer.Now)))
            .AllowAnonymous()
            .WithSummary("Ask for a set-password link by e-mail")
            .WithDescription("Answers 202 whether or not the address has an account (and when the request is rate-limited): "
                + "an enabled account gets an e-mail with a one-time link to /account/set-password.");
        group.MapDelete("/token", async (HttpContext http, RevokeApiToken handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(http.User.FindFirst("token")!.Value, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revoke the token used for this request");
    }
}
