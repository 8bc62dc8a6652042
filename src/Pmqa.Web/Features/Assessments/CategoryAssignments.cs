using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

public sealed record AssignmentView(string CategoryCode, Guid UserId, string DisplayName, string Email);

/// <summary>The coordinator gives each category to a category owner of the agency. A category owner edits
/// only the categories given to them; the coordinator edits everything.</summary>
public sealed class CategoryAssignments(PmqaDbContext db, AssessmentAccess access, Infrastructure.Auth.CurrentUser me, Frameworks.FrameworkCatalog catalog)
{
    public Task<List<AssignmentView>> ListAsync(Guid assessmentId, CancellationToken ct = default) =>
        db.CategoryAssignments.AsNoTracking().Where(c => c.AssessmentId == assessmentId).OrderBy(c => c.CategoryCode)
            .Select(c => new AssignmentView(c.CategoryCode, c.UserId, c.User!.DisplayName, c.User.Email!)).ToListAsync(ct);

    /// <summary>Assigns a category (or clears it with a null user).</summary>
    public async Task<Outcome<bool>> AssignAsync(Guid assessmentId, string categoryCode, Guid? userId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Submit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<bool>(found);
        // The categories are those of the round's framework version, which need not have seven.
        if (!(await catalog.PackOfAsync(assessment, ct)).Categories.Any(c => c.Code == categoryCode)) return new Outcome<bool>.NotFound();
        if (userId is { } id && !await db.Memberships.AnyAsync(m => m.UserId == id && m.OrganizationId == assessment.OrganizationId && m.Role == Role.CategoryOwner, ct))
            return new ValidationErrors().Add("userId", "ผู้ที่ได้รับมอบหมายต้องเป็นผู้รับผิดชอบหมวดของหน่วยงานนี้", "The person must be a category owner of this agency.");
        var row = await db.CategoryAssignments.SingleOrDefaultAsync(c => c.AssessmentId == assessmentId && c.CategoryCode == categoryCode, ct);
        if (userId is null)
        {
            if (row is not null) db.CategoryAssignments.Remove(row);
        }
        else if (row is null)
        {
            db.CategoryAssignments.Add(new CategoryAssignment { AssessmentId = assessmentId, CategoryCode = categoryCode, UserId = userId.Value });
        }
        else
        {
            row.UserId = userId.Value;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether the caller may edit this category's issues: the coordinator always, a category owner
    /// when the category was given to them.</summary>
    public async Task<bool> MayEditAsync(Assessment assessment, string categoryCode, CancellationToken ct = default) =>
        await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator) ||
        me.Id is { } id && await me.HasRoleInAsync(assessment.OrganizationId, Role.CategoryOwner) &&
        await db.CategoryAssignments.AnyAsync(c => c.AssessmentId == assessment.Id && c.CategoryCode == categoryCode && c.UserId == id, ct);
}
