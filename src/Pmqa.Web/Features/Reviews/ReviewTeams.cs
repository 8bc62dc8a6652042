using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

public sealed record TeamMember(Guid UserId, string Name, string Email, bool IsLead, DateTimeOffset? NoConflictDeclaredAt, DateTimeOffset? SubmittedAt);

/// <summary>Someone OPDC may put on a review team; <see cref="Conflict"/> when that person belongs to the agency.</summary>
/// <param name="NeverSignedIn">Invited without a password and has not set one yet, so has never signed in and
/// cannot review until they do.</param>
public sealed record Candidate(Guid UserId, string Name, string Email, bool Conflict, int ActiveReviews, bool NeverSignedIn = false);

/// <summary>
/// OPDC gives a submitted assessment its review team: one lead and any number of reviewers, all holding the
/// reviewer role, none a member of the assessed organisation (conflict of interest). The first team starts
/// the review; later changes may add people or remove those who have not submitted yet.
/// </summary>
public sealed class ReviewTeams(PmqaDbContext db, AssessmentAccess access, AssessmentWorkflow workflow, TimeProvider clock, CurrentUser me,
    Notifier notifier)
{
    public async Task<Outcome<IReadOnlyList<TeamMember>>> ListAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok) return AssessmentAccess.Fail<IReadOnlyList<TeamMember>>(found);
        return await MembersAsync(assessmentId, ct);
    }

    public async Task<List<TeamMember>> MembersAsync(Guid assessmentId, CancellationToken ct) =>
        await db.ReviewAssignments.AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.IsLead).ThenBy(r => r.User!.DisplayName)
            .Select(r => new TeamMember(r.UserId, r.User!.DisplayName, r.User.Email!, r.IsLead, r.NoConflictDeclaredAt, r.SubmittedAt))
            .ToListAsync(ct);

    /// <summary>Every active reviewer, with whether it conflicts with the organisation and its current load.</summary>
    public async Task<List<Candidate>> CandidatesAsync(Guid organizationId, CancellationToken ct = default)
    {
        var reviewers = await db.Memberships.AsNoTracking().Where(m => m.Role == Role.Reviewer && !m.User!.IsDisabled)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.Email, NeverSignedIn = m.User.PasswordHash == null }).Distinct().ToListAsync(ct);
        var ids = reviewers.Select(r => r.UserId).ToList();
        var members = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId && ids.Contains(m.UserId))
            .Select(m => m.UserId).ToListAsync(ct);
        var load = await db.ReviewAssignments.AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && r.Assessment!.State == AssessmentState.UnderReview)
            .GroupBy(r => r.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return reviewers.Select(r => new Candidate(r.UserId, r.DisplayName, r.Email ?? "", members.Contains(r.UserId), load.GetValueOrDefault(r.UserId), r.NeverSignedIn))
            .OrderBy(c => c.Conflict).ThenBy(c => c.ActiveReviews).ThenBy(c => c.Name).ToList();
    }

    public async Task<Outcome<IReadOnlyList<TeamMember>>> AssignAsync(Guid assessmentId, Guid? leadId, IReadOnlyList<Guid>? reviewerIds,
        CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Manage, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<IReadOnlyList<TeamMember>>(found);
        if (assessment.State is not (AssessmentState.Submitted or AssessmentState.UnderReview))
            return new Outcome<IReadOnlyList<TeamMember>>.Conflict(new Msg(
                "กำหนดคณะผู้ตรวจได้เฉพาะการประเมินที่ส่งแล้วหรืออยู่ระหว่างตรวจประเมิน",
                "A review team can be given only to a submitted assessment or one under review."));

        var wanted = (reviewerIds ?? []).Append(leadId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var errors = await ValidateAsync(assessment, leadId, wanted, ct);
        var current = await db.ReviewAssignments.Where(r => r.AssessmentId == assessmentId).ToListAsync(ct);
        foreach (var gone in current.Where(r => !wanted.Contains(r.UserId) && r.SubmittedAt is not null))
            errors.Add("reviewerIds", "ไม่สามารถนำผู้ตรวจที่ส่งผลการตรวจแล้วออกจากคณะได้", "A reviewer who has submitted a review cannot be removed.");
        if (errors.Any) return errors;

        db.ReviewAssignments.RemoveRange(current.Where(r => !wanted.Contains(r.UserId)));
        var now = clock.GetUtcNow();
        var added = new List<Guid>();
        foreach (var userId in wanted)
        {
            var row = current.FirstOrDefault(r => r.UserId == userId);
            if (row is null)
            {
                db.ReviewAssignments.Add(new ReviewAssignment { AssessmentId = assessmentId, UserId = userId, AssignedAt = now, AssignedBy = me.Name, IsLead = userId == leadId });
                added.Add(userId);
            }
            else if (row.IsLead != (userId == leadId)) row.IsLead = userId == leadId;
        }

        if (assessment.State == AssessmentState.Submitted)
        {
            // The first team starts the review; the workflow notifies the team and the agency.
            var moved = await workflow.MoveAsync(assessment, AssessmentAction.StartReview, new TransitionFacts { ReviewTeamAssigned = true }, null, _ => { }, ct);
            if (moved is Outcome<AssessmentState>.Conflict c) return new Outcome<IReadOnlyList<TeamMember>>.Conflict(c.Message);
        }
        else
        {
            await notifier.NotifyAsync(added, new NotificationText("ท่านได้รับมอบหมายให้ตรวจประเมิน", "You are assigned a review",
                $"{assessment.Organization!.NameTh} ปีงบประมาณ {assessment.Round!.FiscalYear}",
                $"{assessment.Organization.NameEn}, fiscal year {assessment.Round.FiscalYear}", $"/assessments/{assessmentId}/review"), ct);
            await db.SaveChangesAsync(ct);
        }
        return await MembersAsync(assessmentId, ct);
    }

    private async Task<ValidationErrors> ValidateAsync(Assessment assessment, Guid? leadId, List<Guid> wanted, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (leadId is null || leadId == Guid.Empty)
            errors.Add("leadId", "กรุณาเลือกหัวหน้าคณะผู้ตรวจประเมิน", "Choose the lead reviewer.");
        var reviewers = await db.Memberships.AsNoTracking().Where(m => wanted.Contains(m.UserId) && m.Role == Role.Reviewer && !m.User!.IsDisabled)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        foreach (var id in wanted.Except(reviewers))
            errors.Add(id == leadId ? "leadId" : "reviewerIds", "ผู้ที่เลือกไม่ใช่ผู้ตรวจประเมินที่ใช้งานอยู่", "Someone chosen is not an active reviewer.");
        var conflicted = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == assessment.OrganizationId && wanted.Contains(m.UserId))
            .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync(ct);
        foreach (var c in conflicted)
            errors.Add(c.UserId == leadId ? "leadId" : "reviewerIds",
                $"{c.DisplayName} เป็นบุคลากรของหน่วยงานที่ถูกประเมิน จึงตรวจประเมินไม่ได้ (ผลประโยชน์ทับซ้อน)",
                $"{c.DisplayName} is a member of the assessed organisation and cannot review it (conflict of interest).");
        return errors;
    }
}

/// <summary>How many reviews each reviewer holds, for spreading the work.</summary>
public sealed record Workload(Guid UserId, string Name, string Email, int UnderReview, int Leading, int Submitted, int Total);

public sealed class ReviewWorkload(PmqaDbContext db)
{
    public async Task<List<Workload>> ListAsync(CancellationToken ct = default)
    {
        var reviewers = await db.Memberships.AsNoTracking().Where(m => m.Role == Role.Reviewer)
            .Select(m => new { m.UserId, m.User!.DisplayName, m.User.Email }).Distinct().ToListAsync(ct);
        var rows = await db.ReviewAssignments.AsNoTracking()
            .Select(r => new { r.UserId, r.IsLead, Submitted = r.SubmittedAt != null, r.Assessment!.State }).ToListAsync(ct);
        return reviewers.Select(r =>
        {
            var mine = rows.Where(x => x.UserId == r.UserId).ToList();
            return new Workload(r.UserId, r.DisplayName, r.Email ?? "",
                mine.Count(x => x.State == AssessmentState.UnderReview && !x.Submitted),
                mine.Count(x => x.IsLead && x.State == AssessmentState.UnderReview),
                mine.Count(x => x.Submitted), mine.Count);
        }).OrderByDescending(w => w.UnderReview).ThenBy(w => w.Name).ToList();
    }
}
