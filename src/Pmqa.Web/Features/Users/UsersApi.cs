using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Users;

public static class UsersApi
{
    public sealed record Created(Guid Id, string? SetPasswordLink);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.SystemAdmin);
        group.MapGet("/", async (string? search, int? page, UserQueries users, CancellationToken ct) =>
            TypedResults.Ok(await users.SearchAsync(search, page ?? 1, ct)));
        group.MapGet("/{userId:guid}", async (Guid userId, UserQueries users, CancellationToken ct) =>
            await users.FindAsync(userId, ct) is { } user ? Results.Ok(user) : Results.NotFound())
            .Produces<UserDetails>().Produces(StatusCodes.Status404NotFound);
        group.MapPost("/", async (CreateUser.Command command, CreateUser handler, HttpRequest request) =>
                (await handler.HandleAsync(command)).ToHttp(r => TypedResults.Created($"/api/v1/users/{r.Id}",
                    new Created(r.Id, r.SetPasswordPath is null ? null : UserLinks.Absolute(request, r.SetPasswordPath)))))
            .WithSummary("Create a user; without a password the answer holds a one-time link to set one (an invitation)");
        group.MapPost("/{userId:guid}/disable", async (Guid userId, SetUserDisabled handler) =>
            (await handler.HandleAsync(userId, true)).ToHttp(_ => TypedResults.NoContent()));
        group.MapPost("/{userId:guid}/enable", async (Guid userId, SetUserDisabled handler) =>
            (await handler.HandleAsync(userId, false)).ToHttp(_ => TypedResults.NoContent()));
        group.MapPost("/{userId:guid}/password-reset", async (Guid userId, IssuePasswordReset handler, HttpRequest request) =>
                (await handler.HandleAsync(userId)).ToHttp(path => TypedResults.Ok(new IssuedLink(UserLinks.Absolute(request, path)))))
            .WithSummary("Issue a one-time link with which the user sets a new password");
    }
}
