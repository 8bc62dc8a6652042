using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Clarifications;

/// <summary>One clarification thread: its messages, a reply (the agency may attach an existing evidence file or
/// upload a new one), and the reviewers' close button. What the person typed stays on the form after an error.</summary>
[Authorize(Policy = Policies.AssessmentMember)]
[ExplainOversizedUpload]
public sealed class ThreadModel(AssessmentAccess access, ClarificationQueries queries, ClarificationHandlers handlers, EvidenceQueries evidence,
    EvidenceCommands evidenceCommands) : PageModel
{
    public sealed class ReplyForm
    {
        public string? Text { get; set; }
        public Guid? EvidenceId { get; set; }
        public IFormFile? File { get; set; }
    }

    public Assessment Assessment { get; private set; } = null!;
    public ClarificationView Thread { get; private set; } = null!;
    /// <summary>Files the agency may attach (it answers; reviewers only write).</summary>
    public IReadOnlyList<EvidenceItem> Files { get; private set; } = [];
    /// <summary>null: the caller may not write here; false: reviewer; true: agency.</summary>
    public bool? FromAgency { get; private set; }
    public Msg? CannotWrite { get; private set; }
    public long MaxBytes => evidenceCommands.MaxBytes;
    [BindProperty] public ReplyForm Reply { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, Guid clarificationId, string? error)
    {
        if (!await LoadAsync(assessmentId, clarificationId)) return NotFound();
        if (error == ExplainOversizedUploadAttribute.TooLargeFlag) ModelState.AddModelError("Reply.File", EvidenceCommands.TooLarge(MaxBytes).ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid assessmentId, Guid clarificationId)
    {
        var outcome = await handlers.ReplyAsync(assessmentId, clarificationId, new ReplyInput(Reply.Text, Reply.EvidenceId, Reply.File), HttpContext.RequestAborted);
        return await AfterAsync(assessmentId, clarificationId, outcome, Bilingual.T("ส่งข้อความแล้ว", "Your message was sent."));
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid assessmentId, Guid clarificationId)
    {
        var outcome = await handlers.CloseAsync(assessmentId, clarificationId, Version, HttpContext.RequestAborted);
        return await AfterAsync(assessmentId, clarificationId, outcome, Bilingual.T("ปิดคำขอชี้แจงแล้ว", "The clarification is closed."));
    }

    private async Task<IActionResult> AfterAsync<T>(Guid assessmentId, Guid clarificationId, Outcome<T> outcome, string done)
    {
        switch (outcome)
        {
            case Outcome<T>.Ok:
                Message = done;
                return Redirect(ClarificationLinks.Thread(assessmentId, clarificationId));
            case Outcome<T>.NotFound:
                return NotFound();
            case Outcome<T>.Invalid invalid:
                invalid.Errors.AddTo(ModelState, prefix: "Reply");
                break;
            case Outcome<T>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            case Outcome<T>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                break;
        }
        return await LoadAsync(assessmentId, clarificationId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid assessmentId, Guid clarificationId)
    {
        var ct = HttpContext.RequestAborted;
        if (await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is not Outcome<Assessment>.Ok { Value: var assessment }) return false;
        if (await queries.GetAsync(assessmentId, clarificationId, ct) is not Outcome<ClarificationView>.Ok { Value: var thread }) return false;
        (Assessment, Thread) = (assessment, thread);
        Version = thread.Version;
        ModelState.Remove(nameof(Version));
        switch (await handlers.SideAsync(assessmentId, ct))
        {
            case Outcome<(Assessment, bool)>.Ok { Value: (_, var agency) }:
                FromAgency = agency;
                break;
            case Outcome<(Assessment, bool)>.Conflict c:
                CannotWrite = c.Message;
                break;
        }
        if (FromAgency == true) Files = await evidence.ItemsAsync(assessmentId, ct);
        return true;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
