using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>The agency's feedback report, printable: self-assessed against verified, strengths, opportunities, rationale.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class FeedbackModel(FeedbackReport report) : PageModel
{
    public Feedback Report { get; private set; } = null!;
    public string? NotYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        switch (await report.GetAsync(assessmentId, HttpContext.RequestAborted))
        {
            case Outcome<Feedback>.Ok { Value: var f }: Report = f; return Page();
            case Outcome<Feedback>.Conflict c: NotYet = c.Message.ToString(); return Page();
            default: return NotFound();
        }
    }
}
