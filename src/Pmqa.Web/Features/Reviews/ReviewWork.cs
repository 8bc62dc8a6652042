using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Reviews;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>One issue of one review (a reviewer's or the consensus), with its score and the version for If-Match.</summary>
public sealed record ReviewIssueView(string IssueCode, string Kind, IReadOnlyList<string> Checked, IReadOnlyList<JudgementDto> Judgements,
    string Strengths, string Opportunities, string Rationale, decimal Score, string Level, IReadOnlyList<string> UncountedItems, bool Saved, int Version)
{
    public string ETag => $"\"{Version}\"";
}

/// <summary>A reviewer's own review: declared, saved issues, its score; submitted or not.</summary>
public sealed record MyReview(Guid AssessmentId, bool IsLead, DateTimeOffset? NoConflictDeclaredAt, DateTimeOffset? SubmittedAt,
    object Score, IReadOnlyList<string> Saved, IReadOnlyList<string> Missing);

/// <summary>
/// A reviewer's independent review: it declares no conflict of interest, re-ticks every checklist and judges
/// every indicator (starting from the agency's answers), writes strengths and opportunities per issue, and
/// submits. Saves are versioned like the agency's answers, so two tabs never overwrite each other silently.
/// </summary>
public sealed class ReviewWork(PmqaDbContext db, AssessmentAccess access, ReviewScores scores, TimeProvider clock, CurrentUser me,
    Notifier notifier, Recipients recipients)
{
    public static readonly Msg DeclareFirst = new("กรุณายืนยันว่าไม่มีผลประโยชน์ทับซ้อนกับหน่วยงานนี้ก่อนเริ่มตรวจ",
        "Declare that you have no conflict of interest with this agency before you start.");
    public static readonly Msg AlreadySubmitted = new("คุณส่งผลการตรวจของคุณแล้ว จึงแก้ไขไม่ได้", "You have submitted your review; it can no longer change.");
    public static readonly Msg NotUnderReview = new("การประเมินนี้ไม่ได้อยู่ระหว่างตรวจประเมิน", "This assessment is not under review.");
    public static readonly Msg Stale = new("คุณหรือผู้อื่นบันทึกประเด็นนี้ในอีกหน้าหนึ่งหลังจากที่เปิดอ่าน กรุณาโหลดใหม่แล้วบันทึกอีกครั้ง",
        "This issue was saved elsewhere after you opened it; reload it and save again.");

    public sealed record Mine(Assessment Assessment, ReviewAssignment Assignment);

    public async Task<Outcome<Mine>> FindMineAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Review, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return found.As<Mine>();
        var assignment = await db.ReviewAssignments.SingleAsync(r => r.AssessmentId == assessmentId && r.UserId == me.Id, ct);
        return new Mine(assessment, assignment);
    }

    public async Task<Outcome<MyReview>> DeclareNoConflictAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await FindMineAsync(assessmentId, ct);
        if (found is not Outcome<Mine>.Ok { Value: var mine }) return found.As<MyReview>();
        mine.Assignment.NoConflictDeclaredAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await SummarizeAsync(mine, await scores.ContextAsync(mine.Assessment, ct), ct);
    }

    public async Task<Outcome<MyReview>> SummaryAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await FindMineAsync(assessmentId, ct);
        if (found is not Outcome<Mine>.Ok { Value: var mine }) return found.As<MyReview>();
        return await SummarizeAsync(mine, await scores.ContextAsync(mine.Assessment, ct), ct);
    }

    private async Task<MyReview> SummarizeAsync(Mine mine, ReviewScores.Context context, CancellationToken ct)
    {
        var answers = (await scores.ReviewAnswersAsync([mine.Assignment.Id], ct))[mine.Assignment.Id];
        var card = ReviewScores.Score(mine.Assessment, context, answers);
        return new MyReview(mine.Assessment.Id, mine.Assignment.IsLead, mine.Assignment.NoConflictDeclaredAt, mine.Assignment.SubmittedAt,
            AssessmentScores.ToJson(card), [.. answers.Keys], context.Pack.Issues.Select(i => i.Code).Except(answers.Keys).ToList());
    }

    public async Task<Outcome<(Mine Mine, ReviewScores.Context Context, Issue Issue, ReviewIssueView View)>> GetIssueAsync(
        Guid assessmentId, string issueCode, CancellationToken ct = default)
    {
        var found = await FindMineAsync(assessmentId, ct);
        if (found is not Outcome<Mine>.Ok { Value: var mine }) return found.As<(Mine, ReviewScores.Context, Issue, ReviewIssueView)>();
        if (mine.Assignment.NoConflictDeclaredAt is null) return new Outcome<(Mine, ReviewScores.Context, Issue, ReviewIssueView)>.Conflict(DeclareFirst);
        var context = await scores.ContextAsync(mine.Assessment, ct);
        if (context.Pack.FindIssue(issueCode) is not { } issue) return new Outcome<(Mine, ReviewScores.Context, Issue, ReviewIssueView)>.NotFound();
        var row = await db.ReviewAnswers.AsNoTracking().SingleOrDefaultAsync(r => r.ReviewAssignmentId == mine.Assignment.Id && r.IssueCode == issueCode, ct);
        return (mine, context, issue, View(issue, context, row?.CheckedJson, row?.JudgementsJson, row?.Strengths, row?.Opportunities, null, row?.Version ?? 0));
    }

    public async Task<Outcome<ReviewIssueView>> SaveIssueAsync(Guid assessmentId, string issueCode, int ifMatch, ReviewIssueBody body, CancellationToken ct = default)
    {
        var found = await GetIssueAsync(assessmentId, issueCode, ct);
        if (found is not Outcome<(Mine, ReviewScores.Context, Issue, ReviewIssueView)>.Ok { Value: var (mine, context, issue, _) })
            return found.As<ReviewIssueView>();
        if (mine.Assessment.State != AssessmentState.UnderReview) return new Outcome<ReviewIssueView>.Conflict(NotUnderReview);
        if (mine.Assignment.SubmittedAt is not null) return new Outcome<ReviewIssueView>.Conflict(AlreadySubmitted);
        var errors = Validate(issue, context.Agency.GetValueOrDefault(issueCode), body, requireRationale: false);
        if (errors.Any) return errors;

        var row = await db.ReviewAnswers.SingleOrDefaultAsync(r => r.ReviewAssignmentId == mine.Assignment.Id && r.IssueCode == issueCode, ct);
        if ((row?.Version ?? 0) != ifMatch) return new Outcome<ReviewIssueView>.Conflict(Stale);
        if (row is null) db.ReviewAnswers.Add(row = new ReviewAnswer { ReviewAssignmentId = mine.Assignment.Id, IssueCode = issueCode, Version = 1 });
        else db.Entry(row).Property(r => r.Version).OriginalValue = ifMatch;
        row.CheckedJson = ReviewDocuments.Write(ItemsInOrder(issue, body.Checked));
        row.JudgementsJson = ReviewDocuments.Write(body.Judgements ?? []);
        row.Strengths = body.Strengths?.Trim() ?? "";
        row.Opportunities = body.Opportunities?.Trim() ?? "";
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
        {
            return new Outcome<ReviewIssueView>.Conflict(Stale);
        }
        return View(issue, context, row.CheckedJson, row.JudgementsJson, row.Strengths, row.Opportunities, null, row.Version);
    }

    /// <summary>Submits the reviewer's own review once every issue has been judged; then it sees the others'.</summary>
    public async Task<Outcome<MyReview>> SubmitAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await FindMineAsync(assessmentId, ct);
        if (found is not Outcome<Mine>.Ok { Value: var mine }) return found.As<MyReview>();
        if (mine.Assessment.State != AssessmentState.UnderReview) return new Outcome<MyReview>.Conflict(NotUnderReview);
        if (mine.Assignment.NoConflictDeclaredAt is null) return new Outcome<MyReview>.Conflict(DeclareFirst);
        if (mine.Assignment.SubmittedAt is not null) return new Outcome<MyReview>.Conflict(AlreadySubmitted);
        var review = await SummarizeAsync(mine, await scores.ContextAsync(mine.Assessment, ct), ct);
        if (review.Missing.Count > 0)
            return new ValidationErrors().Add("issues", $"ยังไม่ได้ตรวจประเด็น {string.Join(", ", review.Missing)}",
                $"Issues not reviewed yet: {string.Join(", ", review.Missing)}.");
        mine.Assignment.SubmittedAt = clock.GetUtcNow();
        var lead = (await recipients.ReviewTeamAsync(assessmentId, leadOnly: true)).Where(id => id != me.Id);
        await notifier.NotifyAsync(lead, new NotificationText("ผู้ตรวจประเมินส่งผลการตรวจแล้ว", "A reviewer submitted a review",
            $"{me.Name}: {mine.Assessment.Organization!.NameTh}", $"{me.Name}: {mine.Assessment.Organization.NameEn}",
            $"/assessments/{assessmentId}/consensus"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<MyReview>.Conflict(AssessmentWorkflow.ChangedMeanwhile);
        }
        return review with { SubmittedAt = mine.Assignment.SubmittedAt };
    }

    /// <summary>Ticked codes kept in the pack's order, unknown codes dropped (validation reports them).</summary>
    public static IEnumerable<string> ItemsInOrder(Issue issue, IReadOnlyList<string>? @checked) =>
        issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).Where(c => @checked?.Contains(c) == true);

    public static ReviewIssueView View(Issue issue, ReviewScores.Context context, string? checkedJson, string? judgementsJson,
        string? strengths, string? opportunities, string? rationale, int version)
    {
        var agency = context.Agency.GetValueOrDefault(issue.Code);
        var answers = ReviewDocuments.Verified(issue, agency, checkedJson, judgementsJson);
        var score = issue.Kind == IssueKind.Process
            ? Scoring.ScoreProcess(issue, answers.Checked, context.Pack.Scoring)
            : Scoring.ScoreResults(issue, answers.Indicators, context.Pack.Scoring);
        return new ReviewIssueView(issue.Code, issue.Kind == IssueKind.Process ? "process" : "results",
            checkedJson is null ? AnswerDocuments.Checked(agency) : ReviewDocuments.Checked(checkedJson),
            judgementsJson is null ? [] : ReviewDocuments.Judgements(judgementsJson),
            strengths ?? "", opportunities ?? "", rationale ?? "", score.Rounded, score.Level.ToString(), score.UncountedItems,
            checkedJson is not null, version);
    }

    /// <summary>Field errors named as the API's fields: <c>checked</c>, <c>judgements[0].reason</c>, <c>rationale</c>.</summary>
    public static ValidationErrors Validate(Issue issue, IssueAnswer? agency, ReviewIssueBody body, bool requireRationale)
    {
        var errors = new ValidationErrors();
        if (issue.Kind == IssueKind.Process)
        {
            var codes = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToHashSet();
            foreach (var unknown in (body.Checked ?? []).Where(c => !codes.Contains(c)))
                errors.Add("checked", $"ไม่มีรายการ {unknown} ในประเด็น {issue.Code}", $"Issue {issue.Code} has no item {unknown}.");
            if (body.Judgements is { Count: > 0 })
                errors.Add("judgements", "ประเด็นเชิงกระบวนการไม่มีตัวชี้วัดให้พิจารณา", "A process issue has no indicators to judge.");
        }
        else
        {
            if (body.Checked is { Count: > 0 })
                errors.Add("checked", "ประเด็นเชิงผลลัพธ์พิจารณาที่ตัวชี้วัด", "A results issue is judged on its indicators.");
            var judgements = body.Judgements ?? [];
            for (var n = 0; n < judgements.Count; n++)
                if (!ReviewDocuments.TryParseDecision(judgements[n].Decision, out _))
                    errors.Add($"judgements[{n}].decision", "ผลการพิจารณาต้องเป็น accept, adjust หรือ reject", "The decision must be accept, adjust or reject.");
            var reported = AnswerDocuments.ToAnswers(agency).Indicators;
            foreach (var e in Judgements.Validate(reported, judgements.Where(j => ReviewDocuments.TryParseDecision(j.Decision, out _))
                         .Select(ReviewDocuments.ToDomain).ToList()))
                errors.Add(e.Field, e.MessageTh, e.MessageEn);
        }
        if (body.Strengths?.Length > 20_000) errors.Add("strengths", "จุดแข็งยาวเกิน 20,000 ตัวอักษร", "Strengths are longer than 20,000 characters.");
        if (body.Opportunities?.Length > 20_000) errors.Add("opportunities", "โอกาสในการปรับปรุงยาวเกิน 20,000 ตัวอักษร", "Opportunities are longer than 20,000 characters.");
        if (requireRationale && string.IsNullOrWhiteSpace(body.Rationale))
            errors.Add("rationale", "กรุณาระบุเหตุผลของฉันทามติ", "Give the rationale of the consensus.");
        return errors;
    }
}
