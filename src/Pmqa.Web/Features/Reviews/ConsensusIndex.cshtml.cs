using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>Every issue with each reviewer's score and the spread, the consensus so far, and confirmation.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ConsensusIndexModel(Consensus consensus, CurrentUser me) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public ConsensusOverview Overview { get; private set; } = null!;
    public JsonElement Score { get; private set; }
    public bool IsLead { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId) => await LoadAsync(assessmentId) ?? Page();

    public async Task<IActionResult> OnPostConfirmAsync(Guid assessmentId)
    {
        switch (await consensus.ConfirmAsync(assessmentId, HttpContext.RequestAborted))
        {
            case Outcome<Domain.Assessments.AssessmentState>.Ok:
                Message = Bilingual.T("ยืนยันผลคะแนนแล้ว หน่วยงานเห็นรายงานป้อนกลับได้", "The verified score is confirmed; the agency can read its feedback report.");
                return RedirectToPage(new { assessmentId });
            case Outcome<Domain.Assessments.AssessmentState>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            case Outcome<Domain.Assessments.AssessmentState>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
            default: return NotFound();
        }
        return await LoadAsync(assessmentId) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid assessmentId)
    {
        switch (await consensus.OverviewForPageAsync(assessmentId, HttpContext.RequestAborted))
        {
            case Outcome<(Consensus.Opened, ConsensusOverview)>.Ok { Value: var (opened, overview) }:
                (Assessment, Overview) = (opened.Assessment, overview);
                break;
            case Outcome<(Consensus.Opened, ConsensusOverview)>.Conflict: return RedirectToPage("Review", new { assessmentId });
            default: return NotFound();
        }
        Score = JsonSerializer.SerializeToElement(Overview.Score, FrameworkPackJson.Options);
        IsLead = Overview.Team.Any(t => t.IsLead && t.UserId == me.Id);
        return null;
    }
}
