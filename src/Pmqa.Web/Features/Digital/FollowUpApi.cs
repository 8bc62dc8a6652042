using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>Follow-up periods and progress updates of the digital register (issue 12, ADR 0027).</summary>
public static class FollowUpApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/digital-periods").WithTags("Digital government");
        periods.MapGet("", async (DigitalPeriods handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithSummary("OPDC's follow-up periods, newest deadline first: {id, nameTh, nameEn, startsOn, deadline (Bangkok dates), open, closed, version}");
        periods.MapPost("", async (PeriodInput body, DigitalPeriods handler, CancellationToken ct) =>
                (await handler.CreateAsync(body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/digital-periods/{view.Id}", view)))
            .RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("Set a follow-up period {nameTh, nameEn (optional), startsOn (the \"as of\" date), deadline}: OPDC only");
        periods.MapPut("/{periodId:guid}", async Task<IResult> (Guid periodId, PeriodInput body, HttpRequest request, HttpResponse response, DigitalPeriods handler, CancellationToken ct) =>
            {
                if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
                if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
                var outcome = await handler.UpdateAsync(periodId, version, body, ct);
                if (outcome is Outcome<PeriodView>.Conflict c && c.Message == DigitalPeriods.StaleMessage) return Preconditions.Stale(c.Message);
                return outcome.ToHttp(view => { response.Headers.ETag = view.ETag; return TypedResults.Ok(view); });
            })
            .RequireAuthorization(Policies.OpdcOfficer)
            .ProducesVersioned<PeriodView>().WithSummary("Change a period (as in POST); If-Match: the period's version as its ETag. OPDC only");

        var org = api.MapGroup("/organizations/{orgId:guid}/digital-updates").WithTags("Digital government");
        org.MapGet("", async (Guid orgId, DigitalUpdates handler, CancellationToken ct) => (await handler.ListAsync(orgId, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("The organisation's progress updates and its standing for every period started: status (awaitingApproval|submitted|returned) and lateness (due|onTime|late|missing)");
        org.MapPost("", async (Guid orgId, UpdateInput body, DigitalUpdates handler, CancellationToken ct) =>
                (await handler.SubmitAsync(orgId, body, ct)).ToHttp(view => TypedResults.Created($"/api/v1/organizations/{orgId}/digital-updates/{view.Id}", view)))
            .WithSummary("Send a period's update {periodId, note}: the register is frozen as it is now and awaits the executive's approval. The coordinator only; one per period (a returned one is sent again)");
        org.MapGet("/{updateId:guid}", async (Guid orgId, Guid updateId, HttpResponse response, DigitalUpdates handler, CancellationToken ct) =>
                (await handler.GetAsync(orgId, updateId, ct)).ToHttp(d => { response.Headers.ETag = d.Update.ETag; return TypedResults.Ok(d); }))
            .WithSummary("One update with the frozen copy of the register (services as they were) and its ETag");
        org.MapPost("/{updateId:guid}/approve", async Task<IResult> (Guid orgId, Guid updateId, HttpRequest request, DigitalUpdates handler, CancellationToken ct) =>
                Answer(await handler.ApproveAsync(orgId, updateId, IfMatch(request), ct)))
            .ProducesVersioned<UpdateView>().WithSummary("The executive approves an update awaiting approval: it is submitted to OPDC (late when after the deadline). If-Match optional");
        org.MapPost("/{updateId:guid}/return", async Task<IResult> (Guid orgId, Guid updateId, ReturnInput body, HttpRequest request, DigitalUpdates handler, CancellationToken ct) =>
                Answer(await handler.ReturnAsync(orgId, updateId, IfMatch(request), body, ct)))
            .ProducesVersioned<UpdateView>().WithSummary("The executive returns an update {reason}; the coordinator sends it again. If-Match optional");
    }

    /// <summary>The version If-Match names; none (or <c>*</c>) decides on whatever is current, the state check guarding it.</summary>
    private static int? IfMatch(HttpRequest request) => !Preconditions.IsAny(request) && Preconditions.TryIfMatch(request, out var v) ? v : null;

    private static IResult Answer(Outcome<UpdateView> outcome) =>
        outcome is Outcome<UpdateView>.Conflict c && c.Message == DigitalUpdates.StaleMessage ? Preconditions.Stale(c.Message) : outcome.ToHttp(TypedResults.Ok);
}
