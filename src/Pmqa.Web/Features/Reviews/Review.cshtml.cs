using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>The reviewer's page for one assessment: the declaration, every issue with its own score, submission.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ReviewModel(ReviewWork work, ReviewScores scores) : PageModel
{
    public ReviewWork.Mine Mine { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;
    public ScoreCard Card { get; private set; } = null!;
    public ScoreCard Agency { get; private set; } = null!;
    public IReadOnlySet<string> Saved { get; private set; } = new HashSet<string>();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId) => await LoadAsync(assessmentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeclareAsync(Guid assessmentId)
    {
        var outcome = await work.DeclareNoConflictAsync(assessmentId, HttpContext.RequestAborted);
        if (outcome is Outcome<MyReview>.NotFound) return NotFound();
        Message = Bilingual.T("บันทึกการยืนยันแล้ว เริ่มตรวจได้", "Declared; you may start.");
        return RedirectToPage(new { assessmentId });
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid assessmentId)
    {
        var outcome = await work.SubmitAsync(assessmentId, HttpContext.RequestAborted);
        switch (outcome)
        {
            case Outcome<MyReview>.Ok:
                Message = Bilingual.T("ส่งผลการตรวจของคุณแล้ว", "Your review is submitted.");
                return RedirectToPage(new { assessmentId });
            case Outcome<MyReview>.Invalid i: i.Errors.AddTo(ModelState, ""); break;
            case Outcome<MyReview>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            default: return NotFound();
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        if (await work.FindMineAsync(assessmentId, HttpContext.RequestAborted) is not Outcome<ReviewWork.Mine>.Ok { Value: var mine }) return false;
        Mine = mine;
        var context = await scores.ContextAsync(mine.Assessment, HttpContext.RequestAborted);
        Pack = context.Pack;
        var answers = (await scores.ReviewAnswersAsync([mine.Assignment.Id], HttpContext.RequestAborted))[mine.Assignment.Id];
        Card = ReviewScores.Score(mine.Assessment, context, answers);
        Agency = ReviewScores.Score(mine.Assessment, context, new Dictionary<string, (string, string)>());
        Saved = answers.Keys.ToHashSet();
        return true;
    }
}
