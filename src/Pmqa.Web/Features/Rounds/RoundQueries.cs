using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;

namespace Pmqa.Web.Features.Rounds;

public sealed record RoundSummary(
    Guid Id, int FiscalYear, string FrameworkCode, string FrameworkVersion, string Audiences, DateTimeOffset OpensAt,
    DateTimeOffset SubmissionDeadline, decimal SiteVisitThreshold, DateTimeOffset? OpenedAt, int Assessments,
    DateTimeOffset? VerificationClosedAt = null);

/// <summary>Where one organisation stands in a round: what the round page lists for OPDC.</summary>
public sealed record RoundEntry(
    Guid AssessmentId, Guid OrganizationId, string OrganizationCode, string NameTh, string NameEn, OrganizationType Type,
    AssessmentState State, bool Started, DateTimeOffset Deadline, string? ExtensionReason, bool IsLate)
{
    /// <summary>The review team's lead, how many reviewers and how many submitted; empty before OPDC assigns a team.</summary>
    public ReviewProgress Review { get; init; } = ReviewProgress.None;
    public decimal? VerifiedTotal { get; init; }
    public int OpenClarifications { get; init; }
}

public sealed record ReviewProgress(string? Lead, int Reviewers, int Submitted)
{
    public static readonly ReviewProgress None = new(null, 0, 0);
}

public sealed class RoundQueries(PmqaDbContext db, TimeProvider clock)
{
    public Task<List<RoundSummary>> ListAsync(CancellationToken ct = default) =>
        Summaries(db.Rounds.AsNoTracking().OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.CreatedAt)).ToListAsync(ct);

    public Task<RoundSummary?> FindAsync(Guid id, CancellationToken ct = default) =>
        Summaries(db.Rounds.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(ct);

    private static IQueryable<RoundSummary> Summaries(IQueryable<Data.Entities.Round> rounds) =>
        rounds.Select(r => new RoundSummary(r.Id, r.FiscalYear, r.FrameworkVersion!.Code, r.FrameworkVersion.Version, r.Audiences,
            r.OpensAt, r.SubmissionDeadline, r.SiteVisitThreshold, r.OpenedAt, r.Assessments.Count, r.VerificationClosedAt));

    /// <summary>Every organisation of the round with its state; late = past its (possibly extended) deadline and not submitted.</summary>
    public async Task<List<RoundEntry>> EntriesAsync(Guid roundId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId)
            .Select(a => new
            {
                a.Id, a.OrganizationId, a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn, a.Organization.Type, a.State,
                Started = a.Answers.Any(), a.Round!.SubmissionDeadline, a.VerifiedTotal,
                OpenClarifications = db.Clarifications.Count(c => c.AssessmentId == a.Id && c.ClosedAt == null),
            })
            .ToListAsync(ct);
        var teams = (await db.ReviewAssignments.AsNoTracking().Where(r => r.Assessment!.RoundId == roundId)
                .Select(r => new { r.AssessmentId, r.IsLead, r.User!.DisplayName, Submitted = r.SubmittedAt != null }).ToListAsync(ct))
            .GroupBy(r => r.AssessmentId)
            .ToDictionary(g => g.Key, g => new ReviewProgress(g.FirstOrDefault(r => r.IsLead)?.DisplayName, g.Count(), g.Count(r => r.Submitted)));
        var extensions = (await db.RoundExtensions.AsNoTracking().Where(e => e.RoundId == roundId).ToListAsync(ct))
            .GroupBy(e => e.OrganizationId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Until)!);
        return rows.Select(r =>
            {
                var extension = extensions.GetValueOrDefault(r.OrganizationId);
                var deadline = extension?.Until ?? r.SubmissionDeadline;
                var submitted = r.State is not (AssessmentState.Draft or AssessmentState.AwaitingApproval);
                return new RoundEntry(r.Id, r.OrganizationId, r.Code, r.NameTh, r.NameEn, r.Type, r.State, r.Started, deadline,
                    extension?.Reason, !submitted && now > deadline)
                {
                    Review = teams.GetValueOrDefault(r.Id) ?? ReviewProgress.None, VerifiedTotal = r.VerifiedTotal,
                    OpenClarifications = r.OpenClarifications,
                };
            })
            .OrderBy(e => e.OrganizationCode).ToList();
    }
}
