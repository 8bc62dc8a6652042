using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Clarifications;

/// <summary>An assessment's clarification threads, and (for reviewers on the team) the form to ask a new question.</summary>
[Authorize(Policy = Policies.AssessmentMember)]
public sealed class IndexModel(AssessmentAccess access, ClarificationQueries queries, ClarificationHandlers handlers, FrameworkCatalog catalog,
    TimeProvider clock) : PageModel
{
    public sealed class AskForm
    {
        public string? IssueCode { get; set; }
        public string? Question { get; set; }
        /// <summary>Bangkok time, typed day/month/year (BE or CE) as <see cref="ThaiDateInput"/> reads it.</summary>
        public string? DueAt { get; set; }
    }

    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<ClarificationSummary> Threads { get; private set; } = [];
    public IReadOnlyList<Issue> Issues { get; private set; } = [];
    /// <summary>Why the caller cannot ask now (null when it can); the form is shown only to reviewers on the team.</summary>
    public Msg? CannotAsk { get; private set; }
    public bool IsReviewer { get; private set; }
    [BindProperty] public AskForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Issue { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        Input.IssueCode = Issue;
        // A week, to the minute, as the default due date.
        Input.DueAt = ThaiDateInput.Format(clock.GetUtcNow().AddDays(7), Bilingual.IsThai);
        return Page();
    }

    public async Task<IActionResult> OnPostAskAsync(Guid assessmentId)
    {
        // A text that is no date is refused at the field before the handler runs (which would say "required").
        if (!ThaiDateInput.TryParse(Input.DueAt, out var due))
        {
            ModelState.AddModelError("Input.DueAt", ThaiDateInput.NotADate);
            return await LoadAsync(assessmentId) ? Page() : NotFound();
        }
        var outcome = await handlers.AskAsync(assessmentId, new AskInput(Input.IssueCode, Input.Question, due), HttpContext.RequestAborted);
        switch (outcome)
        {
            case Outcome<Guid>.Ok ok:
                Message = Bilingual.T("ส่งคำขอชี้แจงถึงหน่วยงานแล้ว", "The question was sent to the agency.");
                return Redirect(ClarificationLinks.Thread(assessmentId, ok.Value));
            case Outcome<Guid>.NotFound:
                return NotFound();
            case Outcome<Guid>.Invalid invalid:
                invalid.Errors.AddTo(ModelState);
                break;
            case Outcome<Guid>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                break;
            case Outcome<Guid>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                break;
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        var ct = HttpContext.RequestAborted;
        if (await access.FindAsync(assessmentId, AssessmentPermission.View, ct) is not Outcome<Assessment>.Ok { Value: var assessment }) return false;
        Assessment = assessment;
        Threads = ((Outcome<IReadOnlyList<ClarificationSummary>>.Ok)await queries.ListAsync(assessmentId, ct)).Value;
        Issues = (await catalog.PackOfAsync(assessment, ct)).Issues.ToList();
        var asReviewer = await handlers.ReviewerAsync(assessmentId, ct);
        IsReviewer = asReviewer is not Outcome<Assessment>.Forbidden;
        CannotAsk = asReviewer is Outcome<Assessment>.Conflict c ? c.Message : null;
        return true;
    }

    public string IssueName(string code) => Issues.FirstOrDefault(i => i.Code == code) is { } i ? (Bilingual.IsThai ? i.NameTh : i.NameEn) : "";
}
