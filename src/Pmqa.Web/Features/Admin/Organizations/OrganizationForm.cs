using Pmqa.Web.Features.Organizations;

namespace Pmqa.Web.Features.Admin.Organizations;

public sealed class OrganizationFormInput
{
    public string? Code { get; set; }
    public string? Type { get; set; } = "department";
    public string? NameTh { get; set; }
    public string? NameEn { get; set; }
    public string? ParentCode { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}

public sealed record OrganizationForm(OrganizationFormInput Input, IReadOnlyList<OrganizationSummary> Parents, bool IsNew);
