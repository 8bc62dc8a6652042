using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;

namespace Pmqa.Web.Features.Assessments;

public sealed record AssessmentListItem(Guid Id, int FiscalYear, Guid RoundId, string State);

public sealed record AssessmentDetails(
    Guid Id, Guid OrganizationId, string OrganizationCode, string OrganizationNameTh, string OrganizationNameEn, int FiscalYear,
    Guid RoundId, string FrameworkCode, string FrameworkVersion, string State, DateTimeOffset SubmissionDeadline,
    DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? ApprovedAt, string? ApproverName, string? ApproverPosition,
    string? ReturnReason, string? SnapshotSha256, int Version);

public sealed class AssessmentQueries(PmqaDbContext db)
{
    public async Task<List<AssessmentListItem>> ForOrganizationAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.Assessments.AsNoTracking().Where(a => a.OrganizationId == organizationId)
            .OrderByDescending(a => a.Round!.FiscalYear)
            .Select(a => new { a.Id, a.Round!.FiscalYear, a.RoundId, a.State })
            .ToListAsync(ct);
        return rows.Select(a => new AssessmentListItem(a.Id, a.FiscalYear, a.RoundId, Camel(a.State))).ToList();
    }

    public static AssessmentDetails Details(Data.Entities.Assessment a, Frameworks.LockedVersion framework) => new(
        a.Id, a.OrganizationId, a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn, a.Round!.FiscalYear, a.RoundId,
        framework.Code, framework.Version, Camel(a.State), a.Round.SubmissionDeadline, a.SubmittedAt,
        a.SubmittedBy, a.ApprovedAt, a.ApproverName, a.ApproverPosition, a.ReturnReason, a.SnapshotSha256, a.Version);

    public static string Camel(AssessmentState state) => char.ToLowerInvariant(state.ToString()[0]) + state.ToString()[1..];
}
