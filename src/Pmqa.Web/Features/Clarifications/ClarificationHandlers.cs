using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Clarifications;

/// <summary>A reviewer's question: the issue it is about, the question, and when the agency should answer.</summary>
public sealed record AskInput(string? IssueCode, string? Question, DateTimeOffset? DueAt);

/// <summary>A message in a thread, with at most one of: an existing evidence file, or a new upload (agency only).</summary>
public sealed record ReplyInput(string? Text, Guid? EvidenceId = null, IFormFile? File = null);

/// <summary>
/// Clarification threads while an assessment is under review: a reviewer on the team (who has declared no
/// conflict of interest) asks about an issue with a due date; the agency's coordinator or category owners
/// answer with text and evidence; reviewers reply and close. Everyone the step concerns is notified.
/// </summary>
public sealed class ClarificationHandlers(
    PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog, EvidenceCommands evidence, Notifier notifier,
    Recipients recipients, TimeProvider clock, CurrentUser me)
{
    public const int MaxText = 8000;

    /// <summary>Threads not yet closed; confirming the review waits for these (no access check: a fact for the workflow).</summary>
    public Task<int> CountOpenAsync(Guid assessmentId, CancellationToken ct) =>
        db.Clarifications.CountAsync(c => c.AssessmentId == assessmentId && c.ClosedAt == null, ct);

    public async Task<Outcome<Guid>> AskAsync(Guid assessmentId, AskInput input, CancellationToken ct = default)
    {
        var found = await ReviewerAsync(assessmentId, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return found.As<Guid>();
        var pack = await catalog.PackOfAsync(assessment, ct);
        var errors = new ValidationErrors();
        var code = input.IssueCode?.Trim() ?? "";
        var issue = pack.FindIssue(code);
        if (code.Length == 0) errors.Add("issueCode", "กรุณาเลือกประเด็น", "Choose an issue.");
        else if (issue is null) errors.Add("issueCode", $"ไม่มีประเด็น {code} ในเกณฑ์ของการประเมินนี้", $"This assessment's framework has no issue {code}.");
        CheckText(errors, "question", input.Question);
        if (input.DueAt is null) errors.Add("dueAt", "กรุณาระบุวันครบกำหนด", "Give a due date.");
        else if (input.DueAt <= clock.GetUtcNow()) errors.Add("dueAt", "วันครบกำหนดต้องเป็นเวลาในอนาคต", "The due date must be in the future.");
        if (errors.Any) return errors;

        var now = clock.GetUtcNow();
        var thread = new Clarification
        {
            AssessmentId = assessmentId, IssueCode = code, DueAt = input.DueAt!.Value.ToUniversalTime(), AskedAt = now, AskedByUserId = me.Id!.Value,
        };
        db.Clarifications.Add(thread);
        db.ClarificationMessages.Add(await MessageAsync(thread.Id, fromAgency: false, input.Question!, null, ct));
        await notifier.NotifyAsync(await AgencyPeopleAsync(assessment, code, ct), new NotificationText(
            $"ผู้ตรวจประเมินขอคำชี้แจงประเด็น {code}", $"Reviewers ask for a clarification on issue {code}",
            $"กรุณาชี้แจงภายใน {Domain.Time.ThaiTime.FormatDateTime(thread.DueAt, true)}", $"Please answer by {Domain.Time.ThaiTime.FormatDateTime(thread.DueAt, false)}.",
            ClarificationLinks.Thread(assessmentId, thread.Id)), ct);
        await db.SaveChangesAsync(ct);
        return thread.Id;
    }

    /// <summary>Adds a message. Appending is safe against other appends; a thread closed meanwhile refuses it.</summary>
    public async Task<Outcome<Guid>> ReplyAsync(Guid assessmentId, Guid clarificationId, ReplyInput input, CancellationToken ct = default)
    {
        var side = await SideAsync(assessmentId, ct);
        if (side is not Outcome<(Assessment, bool)>.Ok { Value: var (assessment, fromAgency) }) return side.As<Guid>();
        var thread = await db.Clarifications.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clarificationId && c.AssessmentId == assessmentId, ct);
        if (thread is null) return new Outcome<Guid>.NotFound();
        if (thread.ClosedAt is not null) return new Outcome<Guid>.Conflict(Closed);

        var errors = new ValidationErrors();
        CheckText(errors, "text", input.Text);
        var file = input.File is { Length: > 0 } f ? f : null;
        if (!fromAgency && (file is not null || input.EvidenceId is not null))
            errors.Add(file is null ? "evidenceId" : "file", "เฉพาะหน่วยงานที่แนบหลักฐานได้", "Only the agency attaches evidence.");
        else if (file is not null && input.EvidenceId is not null)
            errors.Add("file", "เลือกไฟล์ที่มีอยู่หรืออัปโหลดไฟล์ใหม่อย่างใดอย่างหนึ่ง", "Choose an existing file or upload a new one, not both.");
        else if (input.EvidenceId is { } chosen && !await db.Evidence.AnyAsync(e => e.Id == chosen && e.AssessmentId == assessmentId && e.RemovedAt == null, ct))
            errors.Add("evidenceId", "ไม่พบไฟล์หลักฐานนี้ในการประเมิน", "This assessment has no such evidence file.");
        if (errors.Any) return errors;

        var evidenceId = input.EvidenceId;
        if (file is not null)
        {
            var uploaded = await evidence.UploadToAsync(assessment, file, [thread.IssueCode], ct);
            if (uploaded is not Outcome<UploadedEvidence>.Ok { Value: var stored }) return uploaded.As<Guid>();
            evidenceId = stored.Id;
        }
        else if (evidenceId is { } existing && !await db.EvidenceLinks.AnyAsync(l => l.EvidenceId == existing && l.IssueCode == thread.IssueCode, ct))
        {
            db.EvidenceLinks.Add(new EvidenceLink { EvidenceId = existing, IssueCode = thread.IssueCode });
        }

        var message = await MessageAsync(thread.Id, fromAgency, input.Text!, evidenceId, ct);
        db.ClarificationMessages.Add(message);
        var who = fromAgency
            ? await recipients.ReviewTeamAsync(assessmentId)
            : await AgencyPeopleAsync(assessment, thread.IssueCode, ct);
        await notifier.NotifyAsync(who.Where(id => id != me.Id), fromAgency
            ? new NotificationText($"หน่วยงานชี้แจงประเด็น {thread.IssueCode}", $"The agency answered on issue {thread.IssueCode}",
                $"{assessment.Organization?.NameTh} ตอบคำขอชี้แจง", $"{assessment.Organization?.NameEn} answered the clarification.", ClarificationLinks.Thread(assessmentId, thread.Id))
            : new NotificationText($"ผู้ตรวจประเมินตอบในประเด็น {thread.IssueCode}", $"Reviewers replied on issue {thread.IssueCode}",
                "มีข้อความใหม่ในคำขอชี้แจง", "There is a new message in the clarification thread.", ClarificationLinks.Thread(assessmentId, thread.Id)), ct);

        // Raising the version in the same transaction as the message makes a close from a page that has not seen
        // this message fail (instead of closing over it), and refuses the message if the thread was closed meanwhile.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var raised = await db.Clarifications.Where(c => c.Id == thread.Id && c.ClosedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
        if (raised == 0)
        {
            db.ChangeTracker.Clear();
            return new Outcome<Guid>.Conflict(Closed);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return message.Id;
    }

    /// <summary>Closes the thread. <paramref name="version"/> is the one the reviewer saw: if a message came since, 409.</summary>
    public async Task<Outcome<int>> CloseAsync(Guid assessmentId, Guid clarificationId, int? version, CancellationToken ct = default)
    {
        var found = await ReviewerAsync(assessmentId, ct);
        if (found is not Outcome<Assessment>.Ok) return found.As<int>();
        var thread = await db.Clarifications.SingleOrDefaultAsync(c => c.Id == clarificationId && c.AssessmentId == assessmentId, ct);
        if (thread is null) return new Outcome<int>.NotFound();
        if (thread.ClosedAt is not null) return new Outcome<int>.Conflict(Closed);
        if (version is { } seen && seen != thread.Version) return new Outcome<int>.Conflict(ChangedMeanwhile);
        thread.ClosedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Outcome<int>.Conflict(ChangedMeanwhile);
        }
        return thread.Version;
    }

    /// <summary>Which side the caller writes for: the review team (false) or the agency (true).</summary>
    internal async Task<Outcome<(Assessment, bool)>> SideAsync(Guid assessmentId, CancellationToken ct)
    {
        var asReviewer = await ReviewerAsync(assessmentId, ct);
        if (asReviewer is Outcome<Assessment>.Ok { Value: var a }) return (a, false);
        if (asReviewer is Outcome<Assessment>.NotFound) return new Outcome<(Assessment, bool)>.NotFound();
        var asAgency = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (asAgency is Outcome<Assessment>.Ok { Value: var b })
            return b.State == AssessmentState.UnderReview ? (b, true) : new Outcome<(Assessment, bool)>.Conflict(NotUnderReview);
        // A reviewer who has not declared no conflict, or whose assessment is not under review, hears why.
        return asReviewer is Outcome<Assessment>.Conflict c ? new Outcome<(Assessment, bool)>.Conflict(c.Message)
            : new Outcome<(Assessment, bool)>.Forbidden(NeitherSide);
    }

    /// <summary>The assessment, if the caller is on its review team, has declared no conflict, and it is under review.</summary>
    internal async Task<Outcome<Assessment>> ReviewerAsync(Guid assessmentId, CancellationToken ct)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Review, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return found;
        if (assessment.State != AssessmentState.UnderReview) return new Outcome<Assessment>.Conflict(NotUnderReview);
        var declared = await db.ReviewAssignments.AnyAsync(r => r.AssessmentId == assessmentId && r.UserId == me.Id && r.NoConflictDeclaredAt != null, ct);
        return declared ? assessment : new Outcome<Assessment>.Conflict(DeclareFirst);
    }

    private async Task<List<Guid>> AgencyPeopleAsync(Assessment assessment, string issueCode, CancellationToken ct)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var category = pack.FindIssue(issueCode) is { } issue ? pack.CategoryOf(issue).Code : "";
        var owners = await db.CategoryAssignments.Where(a => a.AssessmentId == assessment.Id && a.CategoryCode == category).Select(a => a.UserId).ToListAsync(ct);
        return [.. await recipients.AgencyAsync(assessment.OrganizationId, Role.Coordinator), .. owners];
    }

    private async Task<ClarificationMessage> MessageAsync(Guid threadId, bool fromAgency, string text, Guid? evidenceId, CancellationToken ct)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new ClarificationMessage
        {
            ClarificationId = threadId, FromAgency = fromAgency, Text = text.Trim(), EvidenceId = evidenceId, At = clock.GetUtcNow(),
            AuthorUserId = me.Id!.Value, AuthorName = string.IsNullOrWhiteSpace(name) ? me.Name : name,
        };
    }

    private static void CheckText(ValidationErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) errors.Add(field, "กรุณาพิมพ์ข้อความ", "Write a message.");
        else if (text.Trim().Length > MaxText) errors.Add(field, $"ข้อความยาวได้ไม่เกิน {MaxText:N0} ตัวอักษร", $"At most {MaxText:N0} characters.");
    }

    public static readonly Msg Closed = new("คำขอชี้แจงนี้ปิดแล้ว จึงรับข้อความเพิ่มไม่ได้", "This clarification is closed and takes no more messages.");
    public static readonly Msg NotUnderReview = new("ขอคำชี้แจงและตอบได้เฉพาะระหว่างการตรวจประเมิน", "Clarifications happen only while the assessment is under review.");
    public static readonly Msg DeclareFirst = new("กรุณายืนยันว่าไม่มีส่วนได้เสียกับหน่วยงานนี้ก่อน", "Declare that you have no conflict of interest first.");
    public static readonly Msg NeitherSide = new("เฉพาะผู้ตรวจประเมินของการประเมินนี้ และผู้ประสานงานหรือผู้รับผิดชอบหมวดของหน่วยงาน ที่เขียนในคำขอชี้แจงได้",
        "Only the review team, and the agency's coordinator or category owners, write in a clarification.");
    public static readonly Msg ChangedMeanwhile = new("มีข้อความใหม่หรือการเปลี่ยนแปลงในคำขอชี้แจงนี้ กรุณาอ่านก่อนปิด",
        "The thread changed since you opened it (a new message, perhaps): read it before closing.");
}

public static class ClarificationLinks
{
    public static string List(Guid assessmentId) => $"/assessments/{assessmentId}/clarifications";

    public static string Thread(Guid assessmentId, Guid id) => $"/assessments/{assessmentId}/clarifications/{id}";

    public static string Api(Guid assessmentId, Guid id) => $"/api/v1/assessments/{assessmentId}/clarifications/{id}";
}
