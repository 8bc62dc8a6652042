namespace Pmqa.Data.Entities;

/// <summary>An opaque bearer token for the API. Only its SHA-256 is stored, so a database leak
/// reveals no usable token.</summary>
public sealed class ApiToken : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
