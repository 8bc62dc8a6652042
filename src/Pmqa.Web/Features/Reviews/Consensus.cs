using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Reviews;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>One reviewer's answer to one issue on the side-by-side view.</summary>
public sealed record ReviewerColumn(string Reviewer, bool IsLead, ReviewIssueView View);

/// <summary>An issue side by side: every reviewer's answer, where they differ, and the consensus so far
/// (or, before it is recorded, a proposal: the ticks all reviewers agree on and their texts merged).</summary>
public sealed record Comparison(string IssueCode, IReadOnlyList<ReviewerColumn> Reviewers, IReadOnlyList<string> DisputedItems,
    IReadOnlyList<int> DisputedIndicators, decimal ScoreSpread, ReviewIssueView Consensus);

/// <summary>The consensus page's table: per issue each reviewer's score, the spread and the consensus score.</summary>
public sealed record ConsensusRow(string IssueCode, IReadOnlyList<decimal> ReviewerScores, decimal Spread, decimal? Consensus);

public sealed record ConsensusOverview(IReadOnlyList<TeamMember> Team, IReadOnlyList<ConsensusRow> Issues, object Score, bool AllSubmitted,
    bool Complete, int OpenClarifications);

/// <summary>
/// The lead sees the submitted reviews side by side, records the consensus of each issue with a rationale,
/// and confirms: the verified score is fixed and, at the round's threshold or above, a site visit is offered.
/// Nobody sees another reviewer's work before submitting its own; OPDC officers may look at any time.
/// </summary>
public sealed class Consensus(PmqaDbContext db, AssessmentAccess access, ReviewScores scores, AssessmentWorkflow workflow,
    TimeProvider clock, CurrentUser me)
{
    public static readonly Msg SubmitOwnFirst = new("ส่งผลการตรวจของคุณก่อน จึงจะเห็นผลของผู้ตรวจคนอื่น",
        "Submit your own review before you see the others'.");
    public static readonly Msg WaitForAll = new("รอผู้ตรวจประเมินทุกคนส่งผลการตรวจก่อนบันทึกฉันทามติ",
        "Wait until every reviewer has submitted before recording the consensus.");

    public async Task<Outcome<(Assessment Assessment, ReviewScores.Context Context)>> OpenAsync(Guid assessmentId, bool toRecord, CancellationToken ct)
    {
        var found = await access.FindAsync(assessmentId, toRecord ? AssessmentPermission.Lead : AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<(Assessment, ReviewScores.Context)>(found);
        var officer = await me.SeesAllOrganizationsAsync();
        var mine = await db.ReviewAssignments.AsNoTracking().SingleOrDefaultAsync(r => r.AssessmentId == assessmentId && r.UserId == me.Id, ct);
        if (mine is null && !officer)
            return new Outcome<(Assessment, ReviewScores.Context)>.Forbidden(new Msg("เฉพาะคณะผู้ตรวจประเมินและสำนักงาน ก.พ.ร.", "Only the review team and OPDC."));
        if (mine is not null && mine.SubmittedAt is null && !officer) return new Outcome<(Assessment, ReviewScores.Context)>.Conflict(SubmitOwnFirst);
        return (assessment, await scores.ContextAsync(assessment, ct));
    }

    public async Task<Outcome<Comparison>> CompareAsync(Guid assessmentId, string issueCode, CancellationToken ct = default)
    {
        var opened = await OpenAsync(assessmentId, toRecord: false, ct);
        if (opened is not Outcome<(Assessment, ReviewScores.Context)>.Ok { Value: var (assessment, context) }) return Fail<Comparison>(opened);
        if (context.Pack.FindIssue(issueCode) is not { } issue) return new Outcome<Comparison>.NotFound();
        var reviews = await db.ReviewAssignments.AsNoTracking().Where(r => r.AssessmentId == assessmentId && r.SubmittedAt != null)
            .OrderByDescending(r => r.IsLead).ThenBy(r => r.User!.DisplayName)
            .Select(r => new { r.User!.DisplayName, r.IsLead, Answer = r.Answers.FirstOrDefault(a => a.IssueCode == issueCode) })
            .ToListAsync(ct);
        var columns = reviews.Select(r => new ReviewerColumn(r.DisplayName, r.IsLead, ReviewWork.View(issue, context, r.Answer?.CheckedJson,
            r.Answer?.JudgementsJson, r.Answer?.Strengths, r.Answer?.Opportunities, null, r.Answer?.Version ?? 0))).ToList();
        var reported = AnswerDocuments.Indicators(context.Agency.GetValueOrDefault(issueCode)).Count;
        var differences = ReviewDifferences.Of(columns.Select(c => new ReviewerView(c.Reviewer, c.View.Checked,
            c.View.Judgements.Where(j => ReviewDocuments.TryParseDecision(j.Decision, out _)).Select(ReviewDocuments.ToDomain).ToList(), c.View.Score)).ToList(), reported);

        var row = await db.ConsensusAnswers.AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == assessmentId && c.IssueCode == issueCode, ct);
        var consensus = row is not null
            ? ReviewWork.View(issue, context, row.CheckedJson, row.JudgementsJson, row.Strengths, row.Opportunities, row.Rationale, row.Version)
            : Proposal(issue, context, columns, differences);
        return new Comparison(issueCode, columns, [.. differences.DisputedItems.OrderBy(c => c, StringComparer.Ordinal)],
            [.. differences.DisputedIndicators.Order()], differences.ScoreSpread, consensus);
    }

    /// <summary>Before the lead records anything: the ticks every reviewer made, the lead's judgements, texts merged.</summary>
    private static ReviewIssueView Proposal(Issue issue, ReviewScores.Context context, List<ReviewerColumn> columns, IssueDifferences differences)
    {
        if (columns.Count == 0) return ReviewWork.View(issue, context, null, null, null, null, null, 0);
        var agreed = columns[0].View.Checked.Where(c => !differences.DisputedItems.Contains(c));
        string Merge(Func<ReviewIssueView, string> text) =>
            string.Join("\n", columns.Select(c => text(c.View).Trim()).Where(t => t.Length > 0).Distinct());
        var proposal = ReviewWork.View(issue, context, ReviewDocuments.Write(agreed), ReviewDocuments.Write(columns[0].View.Judgements),
            Merge(v => v.Strengths), Merge(v => v.Opportunities), null, 0);
        return proposal with { Saved = false };
    }

    public async Task<Outcome<ReviewIssueView>> SaveAsync(Guid assessmentId, string issueCode, int ifMatch, ReviewIssueBody body, CancellationToken ct = default)
    {
        var opened = await OpenAsync(assessmentId, toRecord: true, ct);
        if (opened is not Outcome<(Assessment, ReviewScores.Context)>.Ok { Value: var (assessment, context) }) return Fail<ReviewIssueView>(opened);
        if (context.Pack.FindIssue(issueCode) is not { } issue) return new Outcome<ReviewIssueView>.NotFound();
        if (assessment.State != AssessmentState.UnderReview) return new Outcome<ReviewIssueView>.Conflict(ReviewWork.NotUnderReview);
        if (await db.ReviewAssignments.AnyAsync(r => r.AssessmentId == assessmentId && r.SubmittedAt == null, ct))
            return new Outcome<ReviewIssueView>.Conflict(WaitForAll);
        var errors = ReviewWork.Validate(issue, context.Agency.GetValueOrDefault(issueCode), body, requireRationale: true);
        if (errors.Any) return errors;

        var row = await db.ConsensusAnswers.SingleOrDefaultAsync(c => c.AssessmentId == assessmentId && c.IssueCode == issueCode, ct);
        if ((row?.Version ?? 0) != ifMatch) return new Outcome<ReviewIssueView>.Conflict(ReviewWork.Stale);
        if (row is null) db.ConsensusAnswers.Add(row = new ConsensusAnswer { AssessmentId = assessmentId, IssueCode = issueCode, Version = 1 });
        else db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch;
        row.CheckedJson = ReviewDocuments.Write(ReviewWork.ItemsInOrder(issue, body.Checked));
        row.JudgementsJson = ReviewDocuments.Write(body.Judgements ?? []);
        row.Strengths = body.Strengths?.Trim() ?? "";
        row.Opportunities = body.Opportunities?.Trim() ?? "";
        row.Rationale = body.Rationale!.Trim();
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = me.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new Outcome<ReviewIssueView>.Conflict(ReviewWork.Stale);
        }
        return ReviewWork.View(issue, context, row.CheckedJson, row.JudgementsJson, row.Strengths, row.Opportunities, row.Rationale, row.Version);
    }

    public async Task<Outcome<ConsensusOverview>> OverviewAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var opened = await OpenAsync(assessmentId, toRecord: false, ct);
        if (opened is not Outcome<(Assessment, ReviewScores.Context)>.Ok { Value: var (assessment, context) }) return Fail<ConsensusOverview>(opened);
        var team = await db.ReviewAssignments.AsNoTracking().Where(r => r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.IsLead).ThenBy(r => r.User!.DisplayName)
            .Select(r => new { r.Id, Member = new TeamMember(r.UserId, r.User!.DisplayName, r.User.Email!, r.IsLead, r.NoConflictDeclaredAt, r.SubmittedAt) })
            .ToListAsync(ct);
        var submitted = team.Where(t => t.Member.SubmittedAt is not null).ToList();
        var cards = new List<Domain.Scoring.ScoreCard>();
        foreach (var t in submitted) cards.Add(await scores.ReviewerCardAsync(assessment, context, t.Id, ct));
        var recorded = await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == assessmentId).Select(c => c.IssueCode).ToListAsync(ct);
        var consensus = await scores.ConsensusCardAsync(assessment, context, ct);
        var rows = context.Pack.Issues.Select((issue, n) =>
        {
            var each = cards.Select(c => c.Issues[n].Rounded).ToList();
            return new ConsensusRow(issue.Code, each, each.Count == 0 ? 0 : each.Max() - each.Min(),
                recorded.Contains(issue.Code) ? consensus.Issues[n].Rounded : null);
        }).ToList();
        return new ConsensusOverview(team.Select(t => t.Member).ToList(), rows, AssessmentScores.ToJson(consensus),
            team.Count > 0 && submitted.Count == team.Count, recorded.Count == context.Pack.Issues.Count(), await OpenClarificationsAsync(assessmentId, ct));
    }

    /// <summary>Fixes the verified score from the consensus; offers a site visit when it reaches the threshold.</summary>
    public async Task<Outcome<AssessmentState>> ConfirmAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var opened = await OpenAsync(assessmentId, toRecord: true, ct);
        if (opened is not Outcome<(Assessment, ReviewScores.Context)>.Ok { Value: var (assessment, context) }) return Fail<AssessmentState>(opened);
        var team = await db.ReviewAssignments.AsNoTracking().Where(r => r.AssessmentId == assessmentId).ToListAsync(ct);
        var recorded = await db.ConsensusAnswers.CountAsync(c => c.AssessmentId == assessmentId, ct);
        var card = await scores.ConsensusCardAsync(assessment, context, ct);
        var facts = new TransitionFacts
        {
            ReviewTeamAssigned = team.Count > 0,
            AllReviewsSubmitted = team.Count > 0 && team.All(r => r.SubmittedAt is not null),
            ConsensusComplete = recorded == context.Pack.Issues.Count(),
            OpenClarifications = await OpenClarificationsAsync(assessmentId, ct),
            ReachesSiteVisitThreshold = card.SiteVisitEligible,
        };
        var now = clock.GetUtcNow();
        var confirmed = await workflow.MoveAsync(assessment, AssessmentAction.Confirm, facts, null, a =>
        {
            a.VerifiedScoreJson = System.Text.Json.JsonSerializer.Serialize(AssessmentScores.ToJson(card), FrameworkPackJson.Options);
            a.VerifiedTotal = card.RoundedTotal;
            a.VerifiedAt = now;
            a.VerifiedBy = me.Name;
        }, ct);
        if (confirmed is not Outcome<AssessmentState>.Ok || !card.SiteVisitEligible) return confirmed;
        return await workflow.MoveAsync(assessment, AssessmentAction.OfferSiteVisit, facts, null, _ => { }, ct);
    }

    private Task<int> OpenClarificationsAsync(Guid assessmentId, CancellationToken ct) =>
        db.Clarifications.CountAsync(c => c.AssessmentId == assessmentId && c.ClosedAt == null, ct);

    private static Outcome<T> Fail<T>(Outcome<(Assessment, ReviewScores.Context)> failed) => failed switch
    {
        Outcome<(Assessment, ReviewScores.Context)>.Forbidden f => new Outcome<T>.Forbidden(f.Message),
        Outcome<(Assessment, ReviewScores.Context)>.Conflict c => new Outcome<T>.Conflict(c.Message),
        _ => new Outcome<T>.NotFound(),
    };
}
