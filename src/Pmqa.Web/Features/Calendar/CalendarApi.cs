using Microsoft.AspNetCore.Http.HttpResults;
using Pmqa.Domain.Calendar;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>OPDC's promotion calendar (issue 11): events with registration, and an iCalendar feed per audience.</summary>
public static class CalendarApi
{
    public sealed record Registered(IReadOnlyList<RegisteredParticipant> Participants);

    public static void Map(RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Calendar");
        events.MapGet("/", async (string? audience, string? kind, CalendarQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.EntriesAsync(
                    EventNames.TryParse<EventAudience>(audience, out var a) ? a : null, EventNames.TryParse<EventKind>(kind, out var k) ? k : null, ct)))
            .WithSummary("The calendar: OPDC's events and the rounds' own dates, oldest first [?audience=departments|provinces|everyone&kind=]");
        events.MapPost("/", async (EventInput body, EventCommands commands, HttpResponse response, CancellationToken ct) =>
                (await commands.CreateAsync(body, ct)).ToHttp(saved =>
                {
                    response.Headers.ETag = $"\"{saved.Version}\"";
                    return TypedResults.Created($"/api/v1/events/{saved.Id}", saved);
                }))
            .RequireAuthorization(Policies.OpdcOfficer)
            .WithSummary("OPDC creates an event {titleTh, titleEn, description, kind, audience, startsAt, endsAt, place, onlineUrl, capacity, perOrganizationLimit, registrationDeadline}");
        events.MapGet("/{eventId:guid}", async (Guid eventId, CalendarQueries queries, HttpResponse response, CancellationToken ct) =>
                await queries.EventAsync(eventId, ct) is { } view
                    ? (Results<Ok<EventView>, NotFound>)TypedResults.Ok(Tagged(response, view))
                    : TypedResults.NotFound())
            .WithSummary("One event with its ETag, seats taken and waiting, and the registrations the caller may see (OPDC all, an agency its own)");
        events.MapPut("/{eventId:guid}", (Guid eventId, EventInput body, HttpRequest request, HttpResponse response, EventCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.UpdateAsync(eventId, v, body, ct)))
            .RequireAuthorization(Policies.OpdcOfficer).ProducesVersioned<EventSaved>()
            .WithSummary("OPDC changes an event (the whole event as in POST); If-Match: its ETag. Those registered are told of a new time or place");
        events.MapDelete("/{eventId:guid}", (Guid eventId, HttpRequest request, HttpResponse response, EventCommands commands, CancellationToken ct) =>
                VersionedAsync(request, response, v => commands.CancelAsync(eventId, v, ct)))
            .RequireAuthorization(Policies.OpdcOfficer).ProducesVersioned<EventSaved>()
            .WithSummary("OPDC cancels an event: it stays on the calendar marked cancelled (CANCELLED in the feeds); those registered are told. If-Match: its ETag");
        events.MapGet("/{eventId:guid}/registrations.xlsx", async (Guid eventId, CalendarQueries queries, CancellationToken ct) =>
                await queries.EventAsync(eventId, ct) is { } view
                    ? (Results<FileContentHttpResult, NotFound>)TypedResults.File(ParticipantList.Xlsx(view), SpreadsheetBook.ContentType, ParticipantList.FileName(view, "xlsx"))
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.OpdcOfficer).Produces(StatusCodes.Status200OK, typeof(byte[]), SpreadsheetBook.ContentType)
            .WithSummary("OPDC downloads the participant list as an Excel workbook: Thai headers, the header row frozen, one row per participant (seat, waiting, cancelled)");
        events.MapPost("/{eventId:guid}/registrations", async (Guid eventId, RegistrationInput body, Registrations registrations, CancellationToken ct) =>
                (await registrations.RegisterAsync(eventId, body, ct)).ToHttp(list => TypedResults.Created($"/api/v1/events/{eventId}", new Registered(list))))
            .WithSummary("A member of the organisation registers {organizationId, participants: [{name, email, position}]}: each gets a seat (confirmed) or a waiting place");
        events.MapDelete("/{eventId:guid}/registrations/{registrationId:guid}", async (Guid eventId, Guid registrationId, Registrations registrations, CancellationToken ct) =>
                (await registrations.CancelAsync(eventId, registrationId, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("Cancel one participant (the organisation's members, OPDC); the first on the waiting list takes the seat and is told");
    }

    /// <summary>The subscription feeds live outside /api/v1 (calendar clients are given a short address, no token).</summary>
    public static void MapFeeds(IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{audience}.ics", async (string audience, CalendarQueries queries, PublicUrl url, TimeProvider clock, CancellationToken ct) =>
                EventNames.TryParse<EventAudience>(audience, out var a)
                    ? Results.Text(CalendarFeed.Build(await queries.EntriesAsync(a, null, ct), a, url, clock.GetUtcNow()), CalendarFeed.ContentType)
                    : Results.NotFound())
            .Produces(StatusCodes.Status200OK, typeof(string), "text/calendar").Produces(StatusCodes.Status404NotFound)
            .AllowAnonymous().WithTags("Calendar")
            .WithSummary("Anyone: the iCalendar feed of departments, provinces or everyone (RFC 5545, Asia/Bangkok)");
    }

    /// <summary>An organisation's private feed: its audience's calendar with its own deadlines (ADR 0024).</summary>
    public static void MapOrganizationFeed(IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/feeds/{token}.ics", async (string token, OrganizationFeeds feeds, PublicUrl url, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
            {
                if (await feeds.EntriesAsync(token, ct) is not var (org, entries)) return Results.NotFound();
                response.Headers.CacheControl = "private, no-store"; // the address is a secret: no shared cache keeps it
                return Results.Text(CalendarFeed.Build(entries, (org.NameTh, org.NameEn), url, clock.GetUtcNow()), CalendarFeed.ContentType);
            })
            .Produces(StatusCodes.Status200OK, typeof(string), "text/calendar").Produces(StatusCodes.Status404NotFound)
            .AllowAnonymous().WithTags("Calendar")
            .WithSummary("The secret address of one organisation's feed (its coordinator makes it on /calendar): its audience's entries and its own deadlines, extensions included; unknown or replaced token: 404");
    }

    private static EventView Tagged(HttpResponse response, EventView view)
    {
        response.Headers.ETag = $"\"{view.Version}\"";
        return view;
    }

    private static async Task<IResult> VersionedAsync(HttpRequest request, HttpResponse response, Func<int, Task<Outcome<EventSaved>>> change)
    {
        if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
        if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
        var outcome = await change(version);
        if (outcome is Outcome<EventSaved>.Conflict c && c.Message == EventCommands.StaleMessage) return Preconditions.Stale(c.Message);
        return outcome.ToHttp(saved =>
        {
            response.Headers.ETag = $"\"{saved.Version}\"";
            return TypedResults.Ok(saved);
        });
    }
}
