using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Clarifications;

/// <summary>Where a thread stands: waiting for the agency (<c>open</c>), answered by it, or closed by the reviewers.</summary>
public static class ClarificationStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Closed = "closed";

    public static string Of(DateTimeOffset? closedAt, bool lastFromAgency) => closedAt is not null ? Closed : lastFromAgency ? Answered : Open;

    public static Msg Label(string status) => status switch
    {
        Open => new("รอหน่วยงานชี้แจง", "Waiting for the agency"),
        Answered => new("หน่วยงานชี้แจงแล้ว", "Answered"),
        _ => new("ปิดแล้ว", "Closed"),
    };
}

public sealed record ClarificationSummary(
    Guid Id, string IssueCode, string Status, DateTimeOffset DueAt, bool Overdue, DateTimeOffset AskedAt, DateTimeOffset? ClosedAt,
    int Messages, DateTimeOffset LastMessageAt, string Question, int Version);

public sealed record ClarificationMessageView(
    Guid Id, bool FromAgency, string Text, Guid? EvidenceId, string? EvidenceFileName, DateTimeOffset At, string AuthorName);

public sealed record ClarificationView(
    Guid Id, Guid AssessmentId, string IssueCode, string Status, DateTimeOffset DueAt, bool Overdue, DateTimeOffset AskedAt,
    DateTimeOffset? ClosedAt, int Version, IReadOnlyList<ClarificationMessageView> Messages);

/// <summary>Questions waiting for the agency's answer: how many, and the earliest due date.</summary>
public sealed record WaitingForAgency(Guid AssessmentId, string? IssueCode, int Count, DateTimeOffset? EarliestDue, bool Overdue);

public sealed class ClarificationQueries(PmqaDbContext db, AssessmentAccess access, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<ClarificationSummary>>> ListAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok) return AssessmentAccess.Fail<IReadOnlyList<ClarificationSummary>>(found);
        var threads = await db.Clarifications.AsNoTracking().Include(c => c.Messages)
            .Where(c => c.AssessmentId == assessmentId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return threads
            .Select(c =>
            {
                var messages = c.Messages.OrderBy(m => m.At).ThenBy(m => m.Id).ToList();
                var status = ClarificationStatus.Of(c.ClosedAt, messages.LastOrDefault()?.FromAgency ?? false);
                return new ClarificationSummary(c.Id, c.IssueCode, status, c.DueAt, status == ClarificationStatus.Open && c.DueAt < now,
                    c.AskedAt, c.ClosedAt, messages.Count, messages.LastOrDefault()?.At ?? c.AskedAt, messages.FirstOrDefault()?.Text ?? "", c.Version);
            })
            // Open first (soonest due on top), then answered, then closed.
            .OrderBy(s => s.Status == ClarificationStatus.Open ? 0 : s.Status == ClarificationStatus.Answered ? 1 : 2)
            .ThenBy(s => s.DueAt).ThenBy(s => s.Id)
            .ToList();
    }

    public async Task<Outcome<ClarificationView>> GetAsync(Guid assessmentId, Guid clarificationId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok) return AssessmentAccess.Fail<ClarificationView>(found);
        var thread = await db.Clarifications.AsNoTracking().Include(c => c.Messages)
            .SingleOrDefaultAsync(c => c.Id == clarificationId && c.AssessmentId == assessmentId, ct);
        if (thread is null) return new Outcome<ClarificationView>.NotFound();
        var files = thread.Messages.Select(m => m.EvidenceId).OfType<Guid>().ToList();
        var names = await db.Evidence.AsNoTracking().Where(e => files.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.RemovedAt == null ? e.FileName : null, ct);
        var messages = thread.Messages.OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new ClarificationMessageView(m.Id, m.FromAgency, m.Text, m.EvidenceId,
                m.EvidenceId is { } e ? names.GetValueOrDefault(e) : null, m.At, m.AuthorName))
            .ToList();
        var status = ClarificationStatus.Of(thread.ClosedAt, messages.LastOrDefault()?.FromAgency ?? false);
        return new ClarificationView(thread.Id, assessmentId, thread.IssueCode, status, thread.DueAt,
            status == ClarificationStatus.Open && thread.DueAt < clock.GetUtcNow(), thread.AskedAt, thread.ClosedAt, thread.Version, messages);
    }

    /// <summary>For the banner: open threads whose last message is the reviewers' (the caller has already been
    /// allowed to see the assessment's page). <paramref name="issueCode"/> narrows it to one issue.</summary>
    public async Task<WaitingForAgency> WaitingAsync(Guid assessmentId, string? issueCode = null, CancellationToken ct = default)
    {
        var open = await db.Clarifications.AsNoTracking()
            .Where(c => c.AssessmentId == assessmentId && c.ClosedAt == null && (issueCode == null || c.IssueCode == issueCode))
            .Select(c => new { c.DueAt, LastFromAgency = c.Messages.OrderByDescending(m => m.At).Select(m => m.FromAgency).FirstOrDefault() })
            .ToListAsync(ct);
        var waiting = open.Where(c => !c.LastFromAgency).Select(c => c.DueAt).ToList();
        DateTimeOffset? earliest = waiting.Count == 0 ? null : waiting.Min();
        return new WaitingForAgency(assessmentId, issueCode, waiting.Count, earliest, earliest < clock.GetUtcNow());
    }
}
