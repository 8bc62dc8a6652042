using System.Text.RegularExpressions;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

/// <summary>The fields of an organisation as typed by a person, on a form, in the API or in a CSV row.</summary>
public sealed record OrganizationInput(string? Code, string? NameTh, string? NameEn, string? Type, string? ParentCode);

/// <summary>Checks an organisation's fields; shared by the form, the API and the CSV import so that all
/// three accept exactly the same data.</summary>
public static partial class OrganizationRules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();

    public static ValidationErrors Validate(OrganizationInput input, Func<string, Organization?> findParent, bool isNew = true)
    {
        var errors = new ValidationErrors();
        if (isNew && !CodePattern().IsMatch(input.Code?.Trim() ?? ""))
            errors.Add("code", "รหัสต้องมี 1–32 ตัวอักษร ใช้ได้เฉพาะ A–Z, 0–9, จุด ขีด และขีดล่าง",
                "The code must be 1–32 characters: letters A–Z, digits, dot, hyphen or underscore.");
        if (string.IsNullOrWhiteSpace(input.NameTh)) errors.Add("nameTh", "กรุณากรอกชื่อภาษาไทย", "Enter the Thai name.");
        else errors.Limit("nameTh", input.NameTh.Trim(), TextLimits.Name);
        if (string.IsNullOrWhiteSpace(input.NameEn)) errors.Add("nameEn", "กรุณากรอกชื่อภาษาอังกฤษ", "Enter the English name.");
        else errors.Limit("nameEn", input.NameEn.Trim(), TextLimits.Name);

        if (!OrganizationTypes.TryParseApiName(input.Type?.Trim(), out var type) || type == OrganizationType.Opdc)
        {
            errors.Add("type", "ประเภทต้องเป็น department, province, publicOrganization, ministry หรือ provinceCluster",
                "The type must be department, province, publicOrganization, ministry or provinceCluster.");
            return errors;
        }
        var parentCode = input.ParentCode?.Trim();
        if (string.IsNullOrEmpty(parentCode)) return errors;
        var allowed = type.AllowedParent();
        var parent = findParent(parentCode);
        if (allowed is null)
            errors.Add("parentCode", $"{type.DisplayName().Th}ไม่มีหน่วยงานต้นสังกัด", $"A {type.DisplayName().En.ToLowerInvariant()} has no parent organisation.");
        else if (parent is null)
            errors.Add("parentCode", $"ไม่พบหน่วยงานรหัส {parentCode}", $"No organisation has the code {parentCode}.");
        else if (parent.Type != allowed)
            errors.Add("parentCode", $"หน่วยงานต้นสังกัดต้องเป็น{allowed.Value.DisplayName().Th}",
                $"The parent must be a {allowed.Value.DisplayName().En.ToLowerInvariant()}.");
        return errors;
    }

    public static OrganizationType? TryType(string? type) =>
        OrganizationTypes.TryParseApiName(type?.Trim(), out var t) ? t : null;

    public static OrganizationType ParseType(string? type) =>
        OrganizationTypes.TryParseApiName(type?.Trim(), out var t) ? t : throw new ArgumentException("validated first", nameof(type));
}
