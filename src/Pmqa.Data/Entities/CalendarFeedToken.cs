namespace Pmqa.Data.Entities;

/// <summary>
/// The secret of an organisation's private iCalendar feed (ADR 0024). Calendar clients cannot sign in, so the feed's
/// address carries a random token; only its SHA-256 is kept (a copied database does not open anyone's feed). One per
/// organisation: regenerating replaces it and the old address stops working.
/// </summary>
public sealed class CalendarFeedToken : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>Lower-case hex SHA-256 of the token; the audit trail records that it changed, never the value.</summary>
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
