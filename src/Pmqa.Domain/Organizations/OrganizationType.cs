namespace Pmqa.Domain.Organizations;

/// <summary>
/// Ministries and province clusters group the assessed organisations; departments, provinces and
/// public organisations are assessed; OPDC runs the system.
/// </summary>
public enum OrganizationType { Department, Province, PublicOrganization, Ministry, ProvinceCluster, Opdc }

public static class OrganizationTypes
{
    public static bool IsAssessed(this OrganizationType type) =>
        type is OrganizationType.Department or OrganizationType.Province or OrganizationType.PublicOrganization;

    /// <summary>Which kind of parent an organisation may have: a department or public organisation sits
    /// under a ministry, a province in a province cluster; the others stand alone.</summary>
    public static OrganizationType? AllowedParent(this OrganizationType type) => type switch
    {
        OrganizationType.Department or OrganizationType.PublicOrganization => OrganizationType.Ministry,
        OrganizationType.Province => OrganizationType.ProvinceCluster,
        _ => null,
    };

    public static (string Th, string En) DisplayName(this OrganizationType type) => type switch
    {
        OrganizationType.Department => ("ส่วนราชการระดับกรม", "Department"),
        OrganizationType.Province => ("จังหวัด", "Province"),
        OrganizationType.PublicOrganization => ("องค์การมหาชน", "Public organisation"),
        OrganizationType.Ministry => ("กระทรวง", "Ministry"),
        OrganizationType.ProvinceCluster => ("กลุ่มจังหวัด", "Province cluster"),
        OrganizationType.Opdc => ("สำนักงาน ก.พ.ร.", "OPDC"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The API's name of a type: camelCase of the enum name.</summary>
    public static string ApiName(this OrganizationType type) => Camel(type.ToString());

    public static bool TryParseApiName(string? name, out OrganizationType type)
    {
        foreach (var t in Enum.GetValues<OrganizationType>())
            if (string.Equals(t.ApiName(), name, StringComparison.OrdinalIgnoreCase)) { type = t; return true; }
        type = default;
        return false;
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
