namespace Pmqa.Domain.Organizations;

/// <summary>What a person does in one organisation. Agency roles belong to assessed organisations;
/// OPDC roles and the system administrator belong to OPDC.</summary>
public enum Role { Coordinator, CategoryOwner, Executive, OpdcOfficer, Reviewer, SystemAdmin }

public static class Roles
{
    public static bool IsAgencyRole(this Role role) => role is Role.Coordinator or Role.CategoryOwner or Role.Executive;

    /// <summary>Whether a role may be held in an organisation of the given type.</summary>
    public static bool FitsOrganization(this Role role, OrganizationType type) =>
        role.IsAgencyRole() ? type.IsAssessed() : type == OrganizationType.Opdc;

    public static (string Th, string En) DisplayName(this Role role) => role switch
    {
        Role.Coordinator => ("ผู้ประสานงานหน่วยงาน", "Agency coordinator"),
        Role.CategoryOwner => ("ผู้รับผิดชอบหมวด", "Category owner"),
        Role.Executive => ("ผู้บริหารหน่วยงาน", "Agency executive"),
        Role.OpdcOfficer => ("เจ้าหน้าที่สำนักงาน ก.พ.ร.", "OPDC officer"),
        Role.Reviewer => ("ผู้ตรวจประเมิน", "Reviewer"),
        Role.SystemAdmin => ("ผู้ดูแลระบบ", "System administrator"),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string ApiName(this Role role) => OrganizationTypes.Camel(role.ToString());

    public static bool TryParseApiName(string? name, out Role role)
    {
        foreach (var r in Enum.GetValues<Role>())
            if (string.Equals(r.ApiName(), name, StringComparison.OrdinalIgnoreCase)) { role = r; return true; }
        role = default;
        return false;
    }
}
