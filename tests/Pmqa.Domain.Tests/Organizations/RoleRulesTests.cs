using Pmqa.Domain.Organizations;

namespace Pmqa.Domain.Tests.Organizations;

public sealed class RoleRulesTests
{
    [Theory]
    [InlineData(Role.Coordinator, OrganizationType.Department, true)]
    [InlineData(Role.Executive, OrganizationType.Province, true)]
    [InlineData(Role.CategoryOwner, OrganizationType.PublicOrganization, true)]
    [InlineData(Role.Coordinator, OrganizationType.Ministry, false)]
    [InlineData(Role.Coordinator, OrganizationType.Opdc, false)]
    [InlineData(Role.Reviewer, OrganizationType.Opdc, true)]
    [InlineData(Role.OpdcOfficer, OrganizationType.Department, false)]
    [InlineData(Role.SystemAdmin, OrganizationType.Opdc, true)]
    [InlineData(Role.SystemAdmin, OrganizationType.ProvinceCluster, false)]
    public void Agency_roles_belong_to_assessed_organisations_and_OPDC_roles_to_OPDC(Role role, OrganizationType type, bool fits) =>
        Assert.Equal(fits, role.FitsOrganization(type));

    [Theory]
    [InlineData(OrganizationType.Department, OrganizationType.Ministry)]
    [InlineData(OrganizationType.PublicOrganization, OrganizationType.Ministry)]
    [InlineData(OrganizationType.Province, OrganizationType.ProvinceCluster)]
    public void Assessed_organisations_sit_under_a_ministry_or_a_province_cluster(OrganizationType type, OrganizationType parent) =>
        Assert.Equal(parent, type.AllowedParent());

    [Fact]
    public void Api_names_are_camel_case_and_parse_back()
    {
        Assert.Equal("publicOrganization", OrganizationType.PublicOrganization.ApiName());
        Assert.Equal("categoryOwner", Role.CategoryOwner.ApiName());
        Assert.True(Roles.TryParseApiName("opdcOfficer", out var role));
        Assert.Equal(Role.OpdcOfficer, role);
        Assert.False(OrganizationTypes.TryParseApiName("agency", out _));
    }
}
