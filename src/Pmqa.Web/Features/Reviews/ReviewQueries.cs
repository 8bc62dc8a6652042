using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Reviews;

public sealed record MyAssignment(Guid AssessmentId, string OrganizationTh, string OrganizationEn, int FiscalYear, string State, bool IsLead,
    DateTimeOffset? NoConflictDeclaredAt, DateTimeOffset? SubmittedAt, int OpenClarifications);

public sealed class ReviewQueries(PmqaDbContext db, CurrentUser me)
{
    public async Task<List<MyAssignment>> MineAsync(CancellationToken ct = default) =>
        await db.ReviewAssignments.AsNoTracking().Where(r => r.UserId == me.Id)
            .OrderByDescending(r => r.Assessment!.Round!.FiscalYear).ThenBy(r => r.Assessment!.Organization!.NameTh)
            .Select(r => new MyAssignment(r.AssessmentId, r.Assessment!.Organization!.NameTh, r.Assessment.Organization.NameEn,
                r.Assessment.Round!.FiscalYear, r.Assessment.State.ToString(), r.IsLead, r.NoConflictDeclaredAt, r.SubmittedAt,
                db.Clarifications.Count(c => c.AssessmentId == r.AssessmentId && c.ClosedAt == null)))
            .ToListAsync(ct);
}
