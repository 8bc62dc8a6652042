using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

/// <summary>Gives a person a role in an organisation. The administrator may grant any role that fits the
/// organisation; an agency's coordinator may grant agency roles in its own agency.</summary>
public sealed class AddMember(PmqaDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record Command(Guid OrganizationId, string? Email, string? Role);

    public async Task<Outcome<Guid>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == command.OrganizationId, ct);
        if (organization is null || !await currentUser.CanManageMembersAsync(organization.Id)) return new Outcome<Guid>.NotFound();

        // The role is judged before the address is looked up, so that a refused request reads the same
        // whether or not the address has an account (a coordinator must not learn who is registered).
        var errors = new ValidationErrors();
        var email = command.Email?.Trim() ?? "";
        if (email.Length == 0) errors.Add("email", "กรุณากรอกอีเมล", "Enter the e-mail address.");
        if (!Roles.TryParseApiName(command.Role?.Trim(), out var role))
            errors.Add("role", "กรุณาเลือกบทบาท", "Choose a role.");
        else if (!role.FitsOrganization(organization.Type))
            errors.Add("role", $"บทบาท {role.DisplayName().Th} ใช้กับหน่วยงานประเภทนี้ไม่ได้",
                $"The role {role.DisplayName().En} does not fit this kind of organisation.");
        else if (!role.IsAgencyRole() && !await currentUser.IsSystemAdminAsync())
            errors.Add("role", "เฉพาะผู้ดูแลระบบที่มอบบทบาทนี้ได้", "Only the system administrator can grant this role.");
        if (errors.Any) return errors;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct);
        if (user is null)
            return errors.Add("email", $"ไม่พบผู้ใช้ที่มีอีเมล {email} กรุณาสร้างหรือเชิญผู้ใช้ก่อน",
                $"No user has the e-mail {email}; create or invite them first.");
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == organization.Id && m.Role == role, ct))
            return errors.Add("role", "ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานอยู่แล้ว", "This person already holds this role here.");

        var membership = new Membership { UserId = user.Id, OrganizationId = organization.Id, Role = role, CreatedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        return membership.Id;
    }
}

public sealed class RemoveMember(PmqaDbContext db, CurrentUser currentUser)
{
    public async Task<Outcome<bool>> HandleAsync(Guid organizationId, Guid membershipId, CancellationToken ct = default)
    {
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganizationId == organizationId, ct);
        if (membership is null || !await currentUser.CanManageMembersAsync(organizationId)) return new Outcome<bool>.NotFound();
        if (!membership.Role.IsAgencyRole() && !await currentUser.IsSystemAdminAsync()) return new Outcome<bool>.NotFound();
        if (membership.Role == Role.SystemAdmin && await db.Memberships.CountAsync(m => m.Role == Role.SystemAdmin, ct) == 1)
            return new Outcome<bool>.Conflict(new Msg("ต้องมีผู้ดูแลระบบอย่างน้อยหนึ่งคน", "There must always be at least one system administrator."));
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
