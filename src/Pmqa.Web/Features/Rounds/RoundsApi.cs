using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

public static class RoundsApi
{
    public sealed record ExtensionBody(Guid? OrganizationId, DateTimeOffset? Until, string? Reason);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/rounds").WithTags("Rounds").RequireAuthorization(Policies.OpdcOfficer);
        group.MapGet("/", async (RoundQueries rounds, CancellationToken ct) => TypedResults.Ok(await rounds.ListAsync(ct)));
        group.MapPost("/", async (RoundInput input, CreateRound handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, ct)).ToHttp(id => TypedResults.Created($"/api/v1/rounds/{id}", new CreatedId(id))))
            .WithSummary("Create a round: fiscalYear (BE), frameworkCode, audiences, opensAt, submissionDeadline, siteVisitThreshold?");
        group.MapGet("/{roundId:guid}", async (Guid roundId, RoundQueries rounds, CancellationToken ct) =>
            await rounds.FindAsync(roundId, ct) is { } round
                ? Results.Ok(new RoundWithOrganizations(round, await rounds.EntriesAsync(roundId, ct)))
                : Results.NotFound())
            .Produces<RoundWithOrganizations>().Produces(StatusCodes.Status404NotFound);
        group.MapPut("/{roundId:guid}", async (Guid roundId, RoundEdit body, EditRound handler, CancellationToken ct) =>
                (await handler.HandleAsync(roundId, body, ct)).ToHttp(version => TypedResults.Ok(new NewVersion(version))))
            .WithSummary("Edit a round: {version, opensAt (until opened), submissionDeadline, verificationEndsAt, siteVisitFrom, siteVisitTo, awardDate, siteVisitThreshold, signatoryName, signatoryPosition, planDeadline, month6ReportDeadline, month12ReportDeadline}");
        group.MapPost("/{roundId:guid}/cancel", async (Guid roundId, CancelRound handler, CancellationToken ct) =>
                (await handler.HandleAsync(roundId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Cancel a round that has not opened (it is removed; the audit trail keeps it)");
        group.MapPost("/{roundId:guid}/open", async (Guid roundId, OpenRound handler, CancellationToken ct) =>
                (await handler.HandleAsync(roundId, ct)).ToHttp(count => TypedResults.Ok(new OpenedRound(count))))
            .WithSummary("Open the round: one draft assessment per organisation of its audiences (again later: drafts for organisations added since)");
        group.MapPost("/{roundId:guid}/extensions", async (Guid roundId, ExtensionBody body, GrantExtension handler, CancellationToken ct) =>
                (await handler.HandleAsync(new(roundId, body.OrganizationId, body.Until, body.Reason), ct))
                .ToHttp(id => TypedResults.Created($"/api/v1/rounds/{roundId}", new CreatedId(id))))
            .WithSummary("Grant an organisation a later deadline, with a reason");
    }
}

/// <summary>A round with each organisation of its audiences and where its assessment stands.</summary>
public sealed record RoundWithOrganizations(RoundSummary Round, IReadOnlyList<RoundEntry> Organizations);
