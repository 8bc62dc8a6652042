using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

public sealed class CreateOrganization(PmqaDbContext db)
{
    public async Task<Outcome<Guid>> HandleAsync(OrganizationInput input, CancellationToken ct = default)
    {
        var parent = string.IsNullOrWhiteSpace(input.ParentCode)
            ? null
            : await db.Organizations.SingleOrDefaultAsync(o => o.CodeKey == Organization.KeyOf(input.ParentCode), ct);
        var errors = OrganizationRules.Validate(input, _ => parent);
        var code = input.Code?.Trim() ?? "";
        // Codes are case-insensitive: "dla" is taken when "DLA" exists.
        var taken = errors.Any ? null : await db.Organizations.AsNoTracking().Where(o => o.CodeKey == Organization.KeyOf(code)).Select(o => o.Code).FirstOrDefaultAsync(ct);
        if (taken is not null) CodeTaken(errors, code, taken);
        if (errors.Any) return errors;
        var organization = new Organization
        {
            Code = code, NameTh = input.NameTh!.Trim(), NameEn = input.NameEn!.Trim(),
            Type = OrganizationRules.ParseType(input.Type), ParentId = parent?.Id,
        };
        db.Organizations.Add(organization);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // Created by someone else between the check above and this save (the unique index on the code).
            return CodeTaken(new ValidationErrors(), code, code);
        }
        return organization.Id;
    }

    private static ValidationErrors CodeTaken(ValidationErrors errors, string typed, string existing) => errors.Add("code",
        typed == existing ? $"รหัส {typed} มีอยู่แล้ว" : $"รหัส {typed} ซ้ำกับรหัส {existing} ที่มีอยู่แล้ว (รหัสไม่แยกตัวพิมพ์เล็กและใหญ่)",
        typed == existing ? $"The code {typed} is already used." : $"The code {typed} is already used as {existing} (codes ignore upper and lower case).");
}

/// <summary>Edits names, parent and whether the organisation is active. The caller sends the version it
/// read; if someone saved in between, the edit is refused with their values rather than overwriting them.</summary>
public sealed class UpdateOrganization(PmqaDbContext db)
{
    public sealed record Command(Guid Id, int Version, string? NameTh, string? NameEn, string? ParentCode, bool IsActive);

    public async Task<Outcome<int>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var organization = await db.Organizations.Include(o => o.Parent).SingleOrDefaultAsync(o => o.Id == command.Id, ct);
        if (organization is null) return new Outcome<int>.NotFound();
        if (organization.Version != command.Version) return StaleConflict();
        var parent = string.IsNullOrWhiteSpace(command.ParentCode)
            ? null
            : await db.Organizations.SingleOrDefaultAsync(o => o.CodeKey == Organization.KeyOf(command.ParentCode), ct);
        var input = new OrganizationInput(organization.Code, command.NameTh, command.NameEn,
            Domain.Organizations.OrganizationTypes.ApiName(organization.Type), command.ParentCode);
        var errors = organization.Type == Domain.Organizations.OrganizationType.Opdc
            ? new ValidationErrors()
            : OrganizationRules.Validate(input, _ => parent, isNew: false);
        if (parent?.Id == organization.Id) errors.Add("parentCode", "หน่วยงานเป็นต้นสังกัดของตนเองไม่ได้", "An organisation cannot be its own parent.");
        if (errors.Any) return errors;

        organization.NameTh = command.NameTh!.Trim();
        organization.NameEn = command.NameEn!.Trim();
        organization.ParentId = parent?.Id;
        organization.IsActive = command.IsActive;
        db.Entry(organization).Property(o => o.Version).OriginalValue = command.Version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleConflict();
        }
        return organization.Version;
    }

    private static Outcome<int>.Conflict StaleConflict() => new(new Msg(
        "มีผู้อื่นบันทึกการแก้ไขหน่วยงานนี้ก่อนคุณ ข้อมูลด้านล่างเป็นฉบับล่าสุด กรุณาตรวจสอบแล้วบันทึกอีกครั้ง",
        "Someone else saved this organisation after you opened it. Check their version and save again."));
}
