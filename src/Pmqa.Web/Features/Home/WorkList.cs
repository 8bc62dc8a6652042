using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Users;

namespace Pmqa.Web.Features.Home;

/// <summary>One of my agency's assessments: where it stands, its deadline (an extension counts), and my next step.</summary>
public sealed record MyAssessment(Guid Id, string OrganizationTh, string OrganizationEn, int FiscalYear, AssessmentState State,
    DateTimeOffset Deadline, IReadOnlyList<Role> MyRoles);

/// <summary>A category of an assessment that the coordinator gave me to fill in.</summary>
public sealed record MyCategory(Guid AssessmentId, string CategoryCode, string OrganizationTh, string OrganizationEn, int FiscalYear, DateTimeOffset Deadline);

/// <summary>A review I am on that still needs me: my own review, or (as lead) the consensus.</summary>
public sealed record ReviewWaiting(Guid AssessmentId, string OrganizationTh, string OrganizationEn, int FiscalYear, bool IsLead, bool Declared, bool Submitted);

/// <summary>A clarification waiting for someone: the agency's answer (<see cref="ForAgency"/>) or the reviewers' reading.</summary>
public sealed record ClarificationDue(Guid AssessmentId, Guid Id, string IssueCode, string OrganizationTh, string OrganizationEn, DateTimeOffset DueAt, bool ForAgency);

/// <summary>An assessment waiting for OPDC: a review team to assign, or a site visit to schedule.</summary>
public sealed record OfficerTask(Guid AssessmentId, string OrganizationTh, string OrganizationEn, int FiscalYear, DateTimeOffset Since);

public sealed record UnreadNotification(Guid Id, string Title, string Link, DateTimeOffset CreatedAt);

public sealed record WorkListView(
    IReadOnlyList<MyAssessment> Assessments, IReadOnlyList<MyCategory> Categories, IReadOnlyList<ReviewWaiting> Reviews,
    IReadOnlyList<ClarificationDue> Clarifications, IReadOnlyList<OfficerTask> AwaitingTeam, IReadOnlyList<OfficerTask> VisitsToSchedule,
    int UnreadCount, IReadOnlyList<UnreadNotification> Unread)
{
    public bool IsEmpty => Assessments.Count + Categories.Count + Reviews.Count + Clarifications.Count + AwaitingTeam.Count
        + VisitsToSchedule.Count + UnreadCount == 0;
}

/// <summary>
/// The signed-in person's home: what waits for them in each role they hold, each with a link to the page where
/// they act. One query per kind of work, only for the roles the person holds, each bounded (a long queue shows its
/// first rows and the count), so the home page stays cheap however many assessments there are.
/// </summary>
public sealed class WorkList(PmqaDbContext db, TimeProvider clock)
{
    /// <summary>How many rows each list shows (the officer's queues show the oldest first and the total).</summary>
    public const int Shown = 10;

    public async Task<WorkListView> ForAsync(Guid userId, IReadOnlyList<UserMembership> memberships, CancellationToken ct = default)
    {
        var agencyRoles = memberships.Where(m => m.Role.IsAgencyRole()).ToList();
        var agencyOrgs = agencyRoles.Select(m => m.OrganizationId).Distinct().ToList();
        var officer = memberships.Any(m => m.Role is Role.OpdcOfficer or Role.SystemAdmin);
        var now = clock.GetUtcNow();
        var since = now.AddYears(-2); // last year's and this year's rounds, not the archive

        var assessments = new List<MyAssessment>();
        if (agencyOrgs.Count > 0)
        {
            var rows = await db.Assessments.AsNoTracking()
                .Where(a => agencyOrgs.Contains(a.OrganizationId) && a.Round!.OpensAt > since)
                .OrderByDescending(a => a.Round!.FiscalYear).ThenBy(a => a.Organization!.NameTh)
                .Select(a => new
                {
                    a.Id, a.OrganizationId, a.Organization!.NameTh, a.Organization.NameEn, a.Round!.FiscalYear, a.State, a.Round.SubmissionDeadline,
                    Extension = db.RoundExtensions.Where(x => x.RoundId == a.RoundId && x.OrganizationId == a.OrganizationId)
                        .Max(x => (DateTimeOffset?)x.Until),
                })
                .Take(Shown).ToListAsync(ct);
            assessments = rows.Select(a => new MyAssessment(a.Id, a.NameTh, a.NameEn, a.FiscalYear, a.State,
                a.Extension is { } until && until > a.SubmissionDeadline ? until : a.SubmissionDeadline,
                agencyRoles.Where(m => m.OrganizationId == a.OrganizationId).Select(m => m.Role).Distinct().ToList())).ToList();
        }

        var categories = agencyRoles.Any(m => m.Role == Role.CategoryOwner)
            ? await db.CategoryAssignments.AsNoTracking()
                .Where(c => c.UserId == userId)
                .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { c.CategoryCode, a })
                .Where(x => x.a.State == AssessmentState.Draft)
                .OrderBy(x => x.a.Round!.SubmissionDeadline).ThenBy(x => x.CategoryCode)
                .Select(x => new MyCategory(x.a.Id, x.CategoryCode, x.a.Organization!.NameTh, x.a.Organization.NameEn, x.a.Round!.FiscalYear,
                    x.a.Round.SubmissionDeadline))
                .Take(Shown * 3).ToListAsync(ct)
            : [];

        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.UserId == userId && (r.SubmittedAt == null || r.IsLead) && r.Assessment!.State == AssessmentState.UnderReview)
            .OrderBy(r => r.AssignedAt)
            .Select(r => new ReviewWaiting(r.AssessmentId, r.Assessment!.Organization!.NameTh, r.Assessment.Organization.NameEn,
                r.Assessment.Round!.FiscalYear, r.IsLead, r.NoConflictDeclaredAt != null, r.SubmittedAt != null))
            .Take(Shown).ToListAsync(ct);

        // Open threads: the agency answers those whose last word is OPDC's; reviewers read those the agency answered.
        var reviewed = reviews.Select(r => r.AssessmentId).ToList();
        var clarifications = agencyOrgs.Count + reviewed.Count == 0 ? [] : await db.Clarifications.AsNoTracking()
            .Where(c => c.ClosedAt == null)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new
            {
                c.Id, c.AssessmentId, c.IssueCode, c.DueAt, a.OrganizationId, a.Organization!.NameTh, a.Organization.NameEn,
                LastFromAgency = c.Messages.OrderByDescending(m => m.At).Select(m => m.FromAgency).FirstOrDefault(),
            })
            .Where(c => (agencyOrgs.Contains(c.OrganizationId) && !c.LastFromAgency) || (reviewed.Contains(c.AssessmentId) && c.LastFromAgency))
            .OrderBy(c => c.DueAt)
            .Select(c => new ClarificationDue(c.AssessmentId, c.Id, c.IssueCode, c.NameTh, c.NameEn, c.DueAt, !c.LastFromAgency))
            .Take(Shown).ToListAsync(ct);

        List<OfficerTask> awaitingTeam = [], visits = [];
        if (officer)
        {
            awaitingTeam = await db.Assessments.AsNoTracking().Where(a => a.State == AssessmentState.Submitted)
                .OrderBy(a => a.ApprovedAt)
                .Select(a => new OfficerTask(a.Id, a.Organization!.NameTh, a.Organization.NameEn, a.Round!.FiscalYear, a.ApprovedAt ?? a.CreatedAt))
                .Take(Shown).ToListAsync(ct);
            visits = await db.Assessments.AsNoTracking()
                .Where(a => a.State == AssessmentState.SiteVisitScheduled
                    && !db.SiteVisits.Any(v => v.AssessmentId == a.Id && v.ScheduledAt != null))
                .OrderBy(a => a.VerifiedAt)
                .Select(a => new OfficerTask(a.Id, a.Organization!.NameTh, a.Organization.NameEn, a.Round!.FiscalYear, a.VerifiedAt ?? a.CreatedAt))
                .Take(Shown).ToListAsync(ct);
        }

        var unreadQuery = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null);
        var unread = await unreadQuery.OrderByDescending(n => n.CreatedAt)
            .Select(n => new UnreadNotification(n.Id, n.Title, n.Link, n.CreatedAt)).Take(5).ToListAsync(ct);
        var unreadCount = unread.Count < 5 ? unread.Count : await unreadQuery.CountAsync(ct);

        return new WorkListView(assessments, categories, reviews, clarifications, awaitingTeam, visits, unreadCount, unread);
    }

    /// <summary>The next step on an assessment for someone holding <paramref name="roles"/> in its agency.</summary>
    public static (string Th, string En) NextStep(AssessmentState state, IReadOnlyList<Role> roles)
    {
        var editor = roles.Contains(Role.Coordinator) || roles.Contains(Role.CategoryOwner);
        var executive = roles.Contains(Role.Executive);
        return state switch
        {
            AssessmentState.Draft when editor => ("กรอกแบบประเมินและส่ง", "Fill in and submit"),
            AssessmentState.AwaitingApproval when executive => ("อนุมัติและส่ง หรือส่งกลับ", "Approve and send, or return"),
            AssessmentState.SiteVisitOffered when executive => ("ตอบรับหรือปฏิเสธการตรวจ ณ พื้นที่", "Accept or decline the site visit"),
            _ => state.DisplayName(),
        };
    }
}
