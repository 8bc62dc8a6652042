using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Practices;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Practices;

/// <summary>
/// The coordinator of a certified assessment shares one issue as an example: the explanations as they are now and the
/// evidence files ticked here. Sharing again (after a decline, or to update the copy) needs OPDC's approval again.
/// </summary>
[Authorize(Policy = Policies.AssessmentMember)]
public sealed class ShareModel(AssessmentAccess access, FrameworkCatalog catalog, EvidenceQueries evidence, PracticeQueries queries,
    PracticeCommands commands, PmqaDbContext db, CurrentUser me) : PageModel
{
    [BindProperty] public List<Guid> EvidenceIds { get; set; } = [];
    [BindProperty] public int Version { get; set; }

    public Assessment Assessment { get; private set; } = null!;
    public Issue Issue { get; private set; } = null!;
    public MaturityLevel Level { get; private set; }
    public ShareRefusal Refusal { get; private set; }
    public bool IsCoordinator { get; private set; }
    public IReadOnlyList<PracticeExplanation> Explanations { get; private set; } = [];
    public IReadOnlyList<EvidenceItem> Files { get; private set; } = [];
    public PracticeView? Shared { get; private set; }
    [TempData] public string? Message { get; set; }

    public bool CanShare => IsCoordinator && Refusal == ShareRefusal.None && Explanations.Count > 0;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string issueCode)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        EvidenceIds = [.. Shared?.Evidence.Select(f => f.Id) ?? []];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string issueCode)
    {
        var chosen = EvidenceIds;
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        EvidenceIds = chosen;
        ModelState.Clear();
        switch (await commands.ShareAsync(assessmentId, issueCode, Shared is null ? null : Version, new ShareBody(chosen)))
        {
            case Outcome<PracticeView>.Ok:
                Message = Bilingual.T("แบ่งปันแล้ว ตัวอย่างจะอยู่ในคลังเมื่อสำนักงาน ก.พ.ร. อนุมัติ", "Shared: the example joins the library once OPDC approves it.");
                return Redirect($"/assessments/{assessmentId}/practices/{issueCode}");
            case Outcome<PracticeView>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All)
                    ModelState.AddModelError(field == "evidenceIds" ? nameof(EvidenceIds) : "", message.ToString());
                return Page();
            case Outcome<PracticeView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                if (Shared is not null) Version = Shared.Version;
                return Page();
            case Outcome<PracticeView>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid assessmentId, string issueCode)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View) is not Outcome<Assessment>.Ok { Value: var assessment }) return false;
        var pack = await catalog.PackOfAsync(assessment);
        if (pack.FindIssue(issueCode) is not { } issue) return false;
        Assessment = assessment;
        Issue = issue;
        Level = PracticeCommands.VerifiedLevel(assessment, issueCode);
        Refusal = PracticeRules.MayShare(assessment.State, Level);
        IsCoordinator = await me.HasRoleInAsync(assessment.OrganizationId, Role.Coordinator);
        var answer = await db.IssueAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.AssessmentId == assessmentId && a.IssueCode == issueCode);
        Explanations = PracticeQueries.Explanations(answer?.ExplanationsJson ?? "{}");
        Files = [.. (await evidence.ItemsAsync(assessmentId, HttpContext.RequestAborted)).Where(f => f.IssueCodes.Contains(issueCode))];
        Shared = (await queries.OfAssessmentAsync(assessmentId)).GetValueOrDefault(issueCode);
        Version = Shared?.Version ?? 0;
        return true;
    }
}
