namespace Pmqa.Data.Entities;

/// <summary>
/// An entry of OPDC's promotion calendar (seed 002): a workshop, deadline, site-visit window, award ceremony.
/// Times are instants, shown in Bangkok. <see cref="Version"/> is the ETag and the feed's SEQUENCE: it rises
/// with every change, so calendar clients replace their copy. A cancelled event stays (CANCELLED in the feeds).
/// </summary>
public sealed class PromotionEvent : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string TitleTh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>EventKind's API name (workshop, deadline, siteVisitWindow, awardCeremony, other).</summary>
    public string Kind { get; set; } = "";
    /// <summary>EventAudience's API name (departments, provinces, everyone).</summary>
    public string Audience { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Place { get; set; } = "";
    public string OnlineUrl { get; set; } = "";
    /// <summary>Seats; none = no limit.</summary>
    public int? Capacity { get; set; }
    /// <summary>Participants one organisation may register (seats and waiting places).</summary>
    public int PerOrganizationLimit { get; set; } = 3;
    public DateTimeOffset? RegistrationDeadline { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>One named participant an organisation registered for an event: a seat (confirmed), a place on the
/// waiting list, or cancelled. Seats go in order of <see cref="RegisteredAt"/>.</summary>
public sealed class EventRegistration : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Position { get; set; } = "";
    /// <summary>SeatStatus's name in camelCase (confirmed, waiting, cancelled).</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public Guid RegisteredByUserId { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}
