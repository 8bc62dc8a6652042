using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

public enum AssessmentPermission { View, Edit, Submit, Approve, Reopen }

/// <summary>
/// Loads an assessment for the caller. Someone who may not see it gets "not found", exactly as if it did
/// not exist; someone who may see it but whose role may not do the thing gets a plain refusal.
/// </summary>
public sealed class AssessmentAccess(PmqaDbContext db, CurrentUser me)
{
    public async Task<Outcome<Assessment>> FindAsync(Guid id, AssessmentPermission need, CancellationToken ct = default)
    {
        var assessment = await db.Assessments.Include(a => a.Round).ThenInclude(r => r!.FrameworkVersion).Include(a => a.Organization)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null || !await me.CanSeeOrganizationAsync(assessment.OrganizationId)) return new Outcome<Assessment>.NotFound();
        var allowed = need switch
        {
            AssessmentPermission.View => true,
            AssessmentPermission.Edit => await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator, Role.CategoryOwner),
            AssessmentPermission.Submit => await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator),
            AssessmentPermission.Approve => await me.HasRoleInAsync(assessment.OrganizationId, Role.Executive),
            AssessmentPermission.Reopen => await me.SeesAllOrganizationsAsync(),
            _ => false,
        };
        return allowed ? assessment : new Outcome<Assessment>.Forbidden(Refusal(need));
    }

    private static Msg Refusal(AssessmentPermission need) => need switch
    {
        AssessmentPermission.Edit => new("เฉพาะผู้ประสานงานและผู้รับผิดชอบหมวดของหน่วยงานที่แก้ไขการประเมินได้", "Only the agency's coordinator and category owners edit the assessment."),
        AssessmentPermission.Submit => new("เฉพาะผู้ประสานงานของหน่วยงานที่ส่งการประเมินได้", "Only the agency's coordinator submits the assessment."),
        AssessmentPermission.Approve => new("เฉพาะผู้บริหารของหน่วยงานที่อนุมัติหรือส่งกลับได้", "Only the agency's executive approves or rejects."),
        _ => new("เฉพาะเจ้าหน้าที่สำนักงาน ก.พ.ร. ที่เปิดให้แก้ไขได้", "Only OPDC reopens an assessment."),
    };

    /// <summary>Changes the outcome's type while keeping a refusal or "not found".</summary>
    public static Outcome<T> Fail<T>(Outcome<Assessment> failed) => failed switch
    {
        Outcome<Assessment>.Forbidden f => new Outcome<T>.Forbidden(f.Message),
        _ => new Outcome<T>.NotFound(),
    };
}
