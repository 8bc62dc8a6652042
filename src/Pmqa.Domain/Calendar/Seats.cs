namespace Pmqa.Domain.Calendar;

/// <summary>A participant's place at an event: a seat, or a place on the waiting list.</summary>
public enum SeatStatus { Confirmed, Waiting, Cancelled }

/// <summary>
/// How the seats of an event are given out. Seats go in order of registration: while the event has room a new
/// participant gets a seat, after that a place on the waiting list; when someone with a seat cancels, the
/// longest-waiting participant takes it. An event without a capacity never fills.
/// </summary>
public static class Seats
{
    /// <summary>The status of each of <paramref name="newParticipants"/> registered together, in order.</summary>
    public static IReadOnlyList<SeatStatus> Allocate(int? capacity, int confirmed, int newParticipants)
    {
        var free = capacity is { } c ? Math.Max(0, c - confirmed) : int.MaxValue;
        return [.. Enumerable.Range(0, newParticipants).Select(i => i < free ? SeatStatus.Confirmed : SeatStatus.Waiting)];
    }

    /// <summary>How many waiting participants move up once seats are counted again (after a cancellation or a
    /// larger capacity): as many as there are free seats, at most everyone waiting.</summary>
    public static int ToPromote(int? capacity, int confirmed, int waiting) =>
        capacity is { } c ? Math.Clamp(c - confirmed, 0, waiting) : waiting;

    /// <summary>Whether an organisation may add <paramref name="adding"/> participants to the
    /// <paramref name="alreadyRegistered"/> it has (seats and waiting places both count; cancelled ones do not).</summary>
    public static bool WithinOrganizationLimit(int limit, int alreadyRegistered, int adding) => alreadyRegistered + adding <= limit;

    /// <summary>Registration is open until its deadline (or the event's start when it has none), never for a cancelled event.</summary>
    public static bool IsOpen(DateTimeOffset now, DateTimeOffset startsAt, DateTimeOffset? deadline, bool cancelled) =>
        !cancelled && now <= (deadline ?? startsAt);
}
