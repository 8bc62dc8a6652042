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
    Clarifications.ClarificationHandlers clarifications, TimeProvider clock, CurrentUser me)
{
    public static readonly Msg SubmitOwnFirst = new("ส่งผลการตรวจของคุณก่อน จึงจะเห็นผลของผู้ตรวจคนอื่น",
        "Submit your own review before you see the others'.");
    public static readonly Msg WaitForAll = new("รอผู้ตรวจประเมินทุกคนส่งผลการตรวจก่อนบันทึกฉันทามติ",
        "Wait until every reviewer has submitted before recording the consensus.");

    /// <summary>The assessment with what every consensus step reads: the framework and agency answers, and the team.</summary>
    public sealed record Opened(Assessment Assessment, ReviewScores.Context Context, IReadOnlyList<ReviewAssignment> Team)
    {
        public bool AllSubmitted => Team.Count > 0 && Team.All(r => r.SubmittedAt is not null);

        /// <summary>The lead records the consensus while under review, once everyone has submitted.</summary>
        public bool MayRecord(Guid? userId) =>
            Assessment.State == AssessmentState.UnderReview && AllSubmitted && Team.Any(r => r.IsLead && r.UserId == userId);
    }

    public async Task<Outcome<Opened>> OpenAsync(Guid assessmentId, bool toRecord, CancellationToken ct)
    {
        var found = await access.FindAsync(assessmentId, toRecord ? AssessmentPermission.Lead : AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return found.As<Opened>();
        var team = await db.ReviewAssignments.AsNoTracking().Include(r => r.User).Where(r => r.AssessmentId == assessmentId)
            .OrderByDescending(r => r.IsLead).ThenBy(r => r.User!.DisplayName).ToListAsync(ct);
        var officer = await me.SeesAllOrganizationsAsync();
        var mine = team.SingleOrDefault(r => r.UserId == me.Id);
        if (mine is null && !officer)
            return new Outcome<Opened>.Forbidden(new Msg("เฉพาะคณะผู้ตรวจประเมินและสำนักงาน ก.พ.ร.", "Only the review team and OPDC."));
        if (mine is not null && mine.SubmittedAt is null && !officer) return new Outcome<Opened>.Conflict(SubmitOwnFirst);
        return new Opened(assessment, await scores.ContextAsync(assessment, ct), team);
    }

    public async Task<Outcome<Comparison>> CompareAsync(Guid assessmentId, string issueCode, CancellationToken ct = default) =>
        (await CompareForPageAsync(assessmentId, issueCode, ct)).Map(c => c.Comparison);

    /// <summary>The comparison with what the page around it needs, read once.</summary>
    public async Task<Outcome<(Opened Opened, Comparison Comparison)>> CompareForPageAsync(Guid assessmentId, string issueCode, CancellationToken ct = default)
    {
        var found = await OpenAsync(assessmentId, toRecord: false, ct);
        if (found is not Outcome<Opened>.Ok { Value: var opened }) return found.As<(Opened, Comparison)>();
        var context = opened.Context;
        if (context.Pack.FindIssue(issueCode) is not { } issue) return new Outcome<(Opened, Comparison)>.NotFound();
        var submitted = opened.Team.Where(r => r.SubmittedAt is not null).ToList();
        var ids = submitted.Select(r => r.Id).ToList();
        var answers = await db.ReviewAnswers.AsNoTracking().Where(a => a.IssueCode == issueCode && ids.Contains(a.ReviewAssignmentId))
            .ToDictionaryAsync(a => a.ReviewAssignmentId, ct);
        var columns = submitted.Select(r => (r, Answer: answers.GetValueOrDefault(r.Id))).Select(x => new ReviewerColumn(x.r.User!.DisplayName, x.r.IsLead,
            ReviewWork.View(issue, context, x.Answer?.CheckedJson, x.Answer?.JudgementsJson, x.Answer?.Strengths, x.Answer?.Opportunities, null,
                x.Answer?.Version ?? 0))).ToList();
        var reported = AnswerDocuments.Indicators(context.Agency.GetValueOrDefault(issueCode)).Count;
        var differences = ReviewDifferences.Of(columns.Select(c => new ReviewerView(c.Reviewer, c.View.Checked,
            c.View.Judgements.Where(j => ReviewDocuments.TryParseDecision(j.Decision, out _)).Select(ReviewDocuments.ToDomain).ToList(), c.View.Score)).ToList(), reported);

        var row = await db.ConsensusAnswers.AsNoTracking().SingleOrDefaultAsync(c => c.AssessmentId == assessmentId && c.IssueCode == issueCode, ct);
        var consensus = row is not null
            ? ReviewWork.View(issue, context, row.CheckedJson, row.JudgementsJson, row.Strengths, row.Opportunities, row.Rationale, row.Version)
            : Proposal(issue, context, columns, differences);
        return (opened, new Comparison(issueCode, columns, [.. differences.DisputedItems.OrderBy(c => c, StringComparer.Ordinal)],
            [.. differences.DisputedIndicators.Order()], differences.ScoreSpread, consensus));
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
        var found = await OpenAsync(assessmentId, toRecord: true, ct);
        if (found is not Outcome<Opened>.Ok { Value: var opened }) return found.As<ReviewIssueView>();
        var (assessment, context) = (opened.Assessment, opened.Context);
        if (context.Pack.FindIssue(issueCode) is not { } issue) return new Outcome<ReviewIssueView>.NotFound();
        if (assessment.State != AssessmentState.UnderReview) return new Outcome<ReviewIssueView>.Conflict(ReviewWork.NotUnderReview);
        if (!opened.AllSubmitted) return new Outcome<ReviewIssueView>.Conflict(WaitForAll);
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
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            return new Outcome<ReviewIssueView>.Conflict(ReviewWork.Stale);
        }
        return ReviewWork.View(issue, context, row.CheckedJson, row.JudgementsJson, row.Strengths, row.Opportunities, row.Rationale, row.Version);
    }

    public async Task<Outcome<ConsensusOverview>> OverviewAsync(Guid assessmentId, CancellationToken ct = default) =>
        (await OverviewForPageAsync(assessmentId, ct)).Map(o => o.Overview);

    public async Task<Outcome<(Opened Opened, ConsensusOverview Overview)>> OverviewForPageAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await OpenAsync(assessmentId, toRecord: false, ct);
        if (found is not Outcome<Opened>.Ok { Value: var opened }) return found.As<(Opened, ConsensusOverview)>();
        var (assessment, context) = (opened.Assessment, opened.Context);
        var submitted = opened.Team.Where(t => t.SubmittedAt is not null).Select(t => t.Id).ToList();
        var reviews = await scores.ReviewAnswersAsync(submitted, ct);
        var cards = submitted.Select(id => ReviewScores.Score(assessment, context, reviews[id])).ToList();
        var recorded = await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == assessmentId).Select(c => c.IssueCode).ToListAsync(ct);
        var consensus = await scores.ConsensusCardAsync(assessment, context, ct);
        var rows = context.Pack.Issues.Select((issue, n) =>
        {
            var each = cards.Select(c => c.Issues[n].Rounded).ToList();
            return new ConsensusRow(issue.Code, each, each.Count == 0 ? 0 : each.Max() - each.Min(),
                recorded.Contains(issue.Code) ? consensus.Issues[n].Rounded : null);
        }).ToList();
        var team = opened.Team.Select(r => new TeamMember(r.UserId, r.User!.DisplayName, r.User.Email!, r.IsLead, r.NoConflictDeclaredAt, r.SubmittedAt)).ToList();
        return (opened, new ConsensusOverview(team, rows, AssessmentScores.ToJson(consensus), opened.AllSubmitted,
            recorded.Count == context.Pack.Issues.Count(), await clarifications.CountOpenAsync(assessmentId, ct)));
    }

    /// <summary>Fixes the verified score from the consensus; offers a site visit when it reaches the threshold.</summary>
    public async Task<Outcome<AssessmentState>> ConfirmAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await OpenAsync(assessmentId, toRecord: true, ct);
        if (found is not Outcome<Opened>.Ok { Value: var opened }) return found.As<AssessmentState>();
        var (assessment, context) = (opened.Assessment, opened.Context);
        var recorded = await db.ConsensusAnswers.CountAsync(c => c.AssessmentId == assessmentId, ct);
        var card = await scores.ConsensusCardAsync(assessment, context, ct);
        var facts = new TransitionFacts
        {
            ReviewTeamAssigned = opened.Team.Count > 0,
            AllReviewsSubmitted = opened.AllSubmitted,
            ConsensusComplete = recorded == context.Pack.Issues.Count(),
            OpenClarifications = await clarifications.CountOpenAsync(assessmentId, ct),
            ReachesSiteVisitThreshold = card.SiteVisitEligible,
        };
        var now = clock.GetUtcNow();
        // Confirmation and the offer are staged and saved together: a failure in between must not leave an
        // eligible assessment Verified with no offer, since nothing would offer it again.
        var verified = AssessmentScores.ToJson(card);
        var confirmed = await workflow.StageAsync(assessment, AssessmentAction.Confirm, facts, null, a =>
        {
            a.VerifiedScoreJson = System.Text.Json.JsonSerializer.Serialize(verified, FrameworkPackJson.Options);
            a.VerifiedTotal = card.RoundedTotal;
            a.VerifiedAt = now;
            a.VerifiedBy = me.Name;
        }, ct);
        if (confirmed is not Outcome<AssessmentState>.Ok) return confirmed;
        // The same scores as typed rows for the dashboard, saved with the JSON below (ADR 0023).
        await VerifiedScoreRows.StageAsync(db, assessmentId, verified, ct);
        if (card.SiteVisitEligible)
        {
            var offered = await workflow.StageAsync(assessment, AssessmentAction.OfferSiteVisit, facts, null, _ => { }, ct);
            if (offered is not Outcome<AssessmentState>.Ok) return offered;
        }
        return await workflow.SaveAsync(assessment, ct);
    }
}
