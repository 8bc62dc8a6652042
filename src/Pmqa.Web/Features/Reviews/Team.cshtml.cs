using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reviews;

/// <summary>OPDC gives a submitted assessment its review team, seeing each reviewer's load and conflicts.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class TeamModel(AssessmentAccess access, ReviewTeams teams) : PageModel
{
    [BindProperty] public Guid? LeadId { get; set; }
    [BindProperty] public List<Guid> ReviewerIds { get; set; } = [];

    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public IReadOnlyList<TeamMember> Members { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    /// <summary>Team members who were invited but have never set a password: the officer is warned.</summary>
    public IReadOnlyList<string> NotSignedInMembers =>
        Candidates.Where(c => c.NeverSignedIn && Members.Any(m => m.UserId == c.UserId)).Select(c => c.Name).ToList();

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        LeadId = Members.FirstOrDefault(m => m.IsLead)?.UserId;
        ReviewerIds = Members.Where(m => !m.IsLead).Select(m => m.UserId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid assessmentId)
    {
        var outcome = await teams.AssignAsync(assessmentId, LeadId, ReviewerIds, HttpContext.RequestAborted);
        if (outcome is Outcome<IReadOnlyList<TeamMember>>.Ok)
        {
            Message = Bilingual.T("บันทึกคณะผู้ตรวจประเมินแล้ว", "The review team is saved.");
            if (!await LoadAsync(assessmentId)) return NotFound();
            if (NotSignedInMembers.Count > 0)
                Message += " " + Bilingual.T($"โปรดทราบ: {string.Join(", ", NotSignedInMembers)} ยังไม่เคยเข้าสู่ระบบ (ยังไม่ได้ตั้งรหัสผ่าน) จึงยังตรวจไม่ได้",
                    $"Note: {string.Join(", ", NotSignedInMembers)} has not signed in yet (no password set) and cannot review until they do.");
            return RedirectToPage(new { assessmentId });
        }
        if (!await LoadAsync(assessmentId)) return NotFound();
        switch (outcome)
        {
            case Outcome<IReadOnlyList<TeamMember>>.Invalid i: i.Errors.AddByApiName(ModelState); break;
            case Outcome<IReadOnlyList<TeamMember>>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            default: return NotFound();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.Manage, HttpContext.RequestAborted) is not Outcome<Assessment>.Ok { Value: var a })
            return false;
        Assessment = a;
        Candidates = await teams.CandidatesAsync(a.OrganizationId, HttpContext.RequestAborted);
        Members = await teams.MembersAsync(assessmentId, HttpContext.RequestAborted);
        return true;
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
