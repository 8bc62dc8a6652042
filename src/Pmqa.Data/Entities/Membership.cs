using Pmqa.Domain.Organizations;

namespace Pmqa.Data.Entities;

/// <summary>A person's role in one organisation (user × organisation × role).</summary>
public sealed class Membership : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Role Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
