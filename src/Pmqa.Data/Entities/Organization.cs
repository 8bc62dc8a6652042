using Pmqa.Domain.Organizations;

namespace Pmqa.Data.Entities;

public sealed class Organization : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Code { get; set; } = "";
    /// <summary>The code in lower case, computed by the database (<c>lower("Code")</c>) and unique: codes are
    /// case-insensitive, "dla" and "DLA" are one organisation. Look organisations up by it (<see cref="KeyOf"/>).</summary>
    public string CodeKey { get; private set; } = "";
    public string NameTh { get; set; } = "";
    public string NameEn { get; set; } = "";
    public OrganizationType Type { get; set; }
    public Guid? ParentId { get; set; }
    public Organization? Parent { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }

    public List<Membership> Memberships { get; set; } = [];

    /// <summary>The <see cref="CodeKey"/> of a typed code. Codes are ASCII (see OrganizationRules), so this
    /// agrees with SQL <c>lower()</c> on both databases.</summary>
    public static string KeyOf(string? code) => (code ?? "").Trim().ToLowerInvariant();
}
