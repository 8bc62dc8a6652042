using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>One issue side by side for the lead: every reviewer's ticks, judgements and texts with the
/// differences marked, and the consensus form (proposed from where they agree).</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ConsensusIssueModel(Consensus consensus, CurrentUser me) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public List<JudgementForm> Judgements { get; set; } = [];
    [BindProperty] public string? Strengths { get; set; }
    [BindProperty] public string? Opportunities { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public Assessment Assessment { get; private set; } = null!;
    public ReviewScores.Context Context { get; private set; } = null!;
    public Issue Issue { get; private set; } = null!;
    public Comparison Comparison { get; private set; } = null!;
    public bool CanRecord { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string issueCode)
    {
        var loaded = await LoadAsync(assessmentId, issueCode);
        if (loaded is not null) return loaded;
        var c = Comparison.Consensus;
        Version = c.Version;
        Checked = [.. c.Checked];
        var reported = AnswerDocuments.Indicators(Context.Agency.GetValueOrDefault(issueCode));
        Judgements = reported.Select((k, n) => JudgementForm.From(c.Judgements.FirstOrDefault(j => j.Index == n), k)).ToList();
        (Strengths, Opportunities, Rationale) = (c.Strengths, c.Opportunities, c.Rationale);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string issueCode)
    {
        var loaded = await LoadAsync(assessmentId, issueCode);
        if (loaded is not null) return loaded;
        var judgements = Judgements.Select((j, n) => j.ToDto(n, $"Judgements[{n}]", ModelState)).ToList();
        if (!ModelState.IsValid) return Page();
        var body = new ReviewIssueBody(Issue.Kind == IssueKind.Process ? Checked : null, Issue.Kind == IssueKind.Results ? judgements : null,
            Strengths, Opportunities, Rationale);
        switch (await consensus.SaveAsync(assessmentId, issueCode, Version, body, HttpContext.RequestAborted))
        {
            case Outcome<ReviewIssueView>.Ok:
                Message = Bilingual.T("บันทึกฉันทามติแล้ว", "Consensus saved.");
                var next = Context.Pack.Issues.SkipWhile(i => i.Code != issueCode).Skip(1).FirstOrDefault();
                return next is null ? RedirectToPage("ConsensusIndex", new { assessmentId }) : RedirectToPage(new { assessmentId, issueCode = next.Code });
            case Outcome<ReviewIssueView>.Invalid i: i.Errors.AddByApiName(ModelState); break;
            case Outcome<ReviewIssueView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                Version = Comparison.Consensus.Version;
                break;
            case Outcome<ReviewIssueView>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            default: return NotFound();
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid assessmentId, string issueCode)
    {
        switch (await consensus.CompareForPageAsync(assessmentId, issueCode, HttpContext.RequestAborted))
        {
            case Outcome<(Consensus.Opened, Comparison)>.Ok { Value: var (opened, comparison) }:
                (Assessment, Context, Comparison) = (opened.Assessment, opened.Context, comparison);
                Issue = Context.Pack.FindIssue(issueCode)!;
                CanRecord = opened.MayRecord(me.Id);
                return null;
            case Outcome<(Consensus.Opened, Comparison)>.Conflict: return RedirectToPage("Review", new { assessmentId });
            default: return NotFound();
        }
    }

    public JudgeFormModel Form => new(Issue, Context.Agency.GetValueOrDefault(Issue.Code), Checked, Judgements, Strengths, Opportunities, Rationale,
        ShowRationale: true, Disabled: !CanRecord, Comparison.DisputedItems.ToHashSet(), Comparison.DisputedIndicators.ToHashSet(), ModelState);
}
