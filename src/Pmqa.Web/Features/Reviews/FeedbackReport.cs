using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.SiteVisits;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

public sealed record FeedbackIssue(string Code, string NameTh, string NameEn, decimal SelfScore, string SelfLevel, decimal VerifiedScore,
    string VerifiedLevel, decimal? FinalScore, string Strengths, string Opportunities, string Rationale, string? Finding);

public sealed record FeedbackCategory(string Code, string NameTh, string NameEn, decimal SelfScore, decimal VerifiedScore, decimal? FinalScore);

/// <summary>What the agency learns once its score is confirmed: self-assessed against verified score per issue
/// and category, the team's strengths and opportunities, its rationale, and the site visit's findings.</summary>
public sealed record Feedback(Guid AssessmentId, string OrganizationTh, string OrganizationEn, int FiscalYear, string State,
    decimal SelfTotal, decimal VerifiedTotal, decimal? FinalTotal, DateTimeOffset? VerifiedAt,
    IReadOnlyList<FeedbackCategory> Categories, IReadOnlyList<FeedbackIssue> Issues);

public sealed class FeedbackReport(PmqaDbContext db, AssessmentAccess access, AssessmentScores selfScores, ReviewScores scores, SiteVisitScores finals)
{
    public static readonly Msg NotYet = new("รายงานป้อนกลับจะพร้อมเมื่อคณะผู้ตรวจประเมินยืนยันผลคะแนนแล้ว",
        "The feedback report is ready once the review team has confirmed the verified score.");

    public async Task<Outcome<Feedback>> GetAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<Feedback>(found);
        if (!assessment.State.IsVerified()) return new Outcome<Feedback>.Conflict(NotYet);
        var (pack, self) = await selfScores.CardAsync(assessment, ct);
        var context = await scores.ContextAsync(assessment, ct);
        var verified = await scores.ConsensusCardAsync(assessment, context, ct);
        var final = await finals.FinalCardAsync(assessment, context, verified, ct);
        var consensus = await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == assessmentId).ToDictionaryAsync(c => c.IssueCode, ct);
        var findings = await db.SiteVisitFindings.AsNoTracking().Where(f => db.SiteVisits.Any(v => v.Id == f.SiteVisitId && v.AssessmentId == assessmentId))
            .ToDictionaryAsync(f => f.IssueCode, f => f.Text, ct);
        var issues = pack.Issues.Select((issue, n) =>
        {
            var c = consensus.GetValueOrDefault(issue.Code);
            return new FeedbackIssue(issue.Code, issue.NameTh, issue.NameEn, self.Issues[n].Rounded, self.Issues[n].Level.ToString(),
                verified.Issues[n].Rounded, verified.Issues[n].Level.ToString(), final?.Issues[n].Rounded,
                c?.Strengths ?? "", c?.Opportunities ?? "", c?.Rationale ?? "", findings.GetValueOrDefault(issue.Code));
        }).ToList();
        var categories = pack.Categories.Select((cat, n) => new FeedbackCategory(cat.Code, cat.NameTh, cat.NameEn,
            self.Categories[n].Rounded, verified.Categories[n].Rounded, final?.Categories[n].Rounded)).ToList();
        return new Feedback(assessmentId, assessment.Organization!.NameTh, assessment.Organization.NameEn, assessment.Round!.FiscalYear,
            assessment.State.ToString(), self.RoundedTotal, verified.RoundedTotal, final?.RoundedTotal, assessment.VerifiedAt, categories, issues);
    }
}
