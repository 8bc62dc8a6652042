using Pmqa.Domain.Organizations;

namespace Pmqa.Data.Entities;

public sealed class Organization : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public OrganizationType Type { get; set; }
    public Guid? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
