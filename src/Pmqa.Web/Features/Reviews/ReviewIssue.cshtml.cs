using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>A reviewer judges one issue on its own: re-ticks the checklist or judges each indicator, and writes
/// strengths and opportunities. A save from a stale page keeps what was typed and says so.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ReviewIssueModel(ReviewWork work, Evidence.EvidencePanels evidence) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public List<JudgementForm> Judgements { get; set; } = [];
    [BindProperty] public string? Strengths { get; set; }
    [BindProperty] public string? Opportunities { get; set; }

    public ReviewWork.Mine Mine { get; private set; } = null!;
    public ReviewScores.Context Context { get; private set; } = null!;
    public Issue Issue { get; private set; } = null!;
    public ReviewIssueView Saved { get; private set; } = null!;
    public Evidence.EvidencePanelModel Evidence { get; private set; } = null!;
    public bool Editable => Mine.Assessment.State == AssessmentState.UnderReview && Mine.Assignment.SubmittedAt is null;
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string issueCode)
    {
        var loaded = await LoadAsync(assessmentId, issueCode);
        if (loaded is not null) return loaded;
        Version = Saved.Version;
        Checked = [.. Saved.Checked];
        var reported = AnswerDocuments.Indicators(Context.Agency.GetValueOrDefault(issueCode));
        Judgements = reported.Select((k, n) => JudgementForm.From(Saved.Judgements.FirstOrDefault(j => j.Index == n), k)).ToList();
        Strengths = Saved.Strengths;
        Opportunities = Saved.Opportunities;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string issueCode)
    {
        var loaded = await LoadAsync(assessmentId, issueCode);
        if (loaded is not null) return loaded;
        var judgements = Judgements.Select((j, n) => j.ToDto(n, $"Judgements[{n}]", ModelState)).ToList();
        if (!ModelState.IsValid) return Page();
        var outcome = await work.SaveIssueAsync(assessmentId, issueCode, Version,
            new ReviewIssueBody(Issue.Kind == IssueKind.Process ? Checked : null, Issue.Kind == IssueKind.Results ? judgements : null, Strengths, Opportunities),
            HttpContext.RequestAborted);
        switch (outcome)
        {
            case Outcome<ReviewIssueView>.Ok:
                Message = Bilingual.T("บันทึกแล้ว", "Saved.");
                return RedirectToPage(new { assessmentId, issueCode });
            case Outcome<ReviewIssueView>.Invalid i: i.Errors.AddByApiName(ModelState); break;
            case Outcome<ReviewIssueView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                Version = Saved.Version;
                break;
            default: return NotFound();
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid assessmentId, string issueCode)
    {
        switch (await work.GetIssueAsync(assessmentId, issueCode, HttpContext.RequestAborted))
        {
            case Outcome<(ReviewWork.Mine, ReviewScores.Context, Issue, ReviewIssueView)>.Ok { Value: var (mine, context, issue, view) }:
                (Mine, Context, Issue, Saved) = (mine, context, issue, view);
                Evidence = await evidence.ForIssueAsync(assessmentId, issueCode, canEdit: false, HttpContext.RequestAborted);
                return null;
            case Outcome<(ReviewWork.Mine, ReviewScores.Context, Issue, ReviewIssueView)>.Conflict:
                return RedirectToPage("Review", new { assessmentId });
            default:
                return NotFound();
        }
    }

    public JudgeFormModel Form => new(Issue, Context.Agency.GetValueOrDefault(Issue.Code), Checked, Judgements, Strengths, Opportunities, null,
        ShowRationale: false, Disabled: !Editable, new HashSet<string>(), new HashSet<int>(), ModelState);

    public (Issue? Previous, Issue? Next) Neighbours()
    {
        var all = Context.Pack.Issues.ToList();
        var at = all.FindIndex(i => i.Code == Issue.Code);
        return (at > 0 ? all[at - 1] : null, at < all.Count - 1 ? all[at + 1] : null);
    }
}
