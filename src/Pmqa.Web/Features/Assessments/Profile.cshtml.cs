using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>The organisation profile: one form per section, each saved on its own, so two people writing
/// different sections never collide, and a collision on one section keeps what was typed.</summary>
public sealed class ProfileModel(ProfileHandlers profile, AssessmentAccess access, EvidenceQueries evidence, CurrentUser me) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<ProfileSectionView> Sections { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string FileName)> Files { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The section just posted when it could not be saved, with what the person typed.</summary>
    public (string Code, string? Text, Guid? AttachmentId, ProfileSectionView? Theirs)? Pending { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId) => await LoadAsync(assessmentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid assessmentId, string section, int version, string? text, Guid? attachmentId)
    {
        var outcome = await profile.SaveAsync(assessmentId, section, version, text, attachmentId);
        if (outcome is Outcome<ProfileSectionView>.Ok)
        {
            Message = Bilingual.T("บันทึกแล้ว", "Saved.");
            return Redirect($"/assessments/{assessmentId}/profile#section-{section}");
        }
        if (!await LoadAsync(assessmentId) || outcome is Outcome<ProfileSectionView>.NotFound) return NotFound();
        var theirs = outcome is Outcome<ProfileSectionView>.Conflict c && c.Message == ProfileHandlers.StaleMessage
            ? Sections.FirstOrDefault(s => s.Code == section) : null;
        Pending = (section, text, attachmentId, theirs);
        switch (outcome)
        {
            case Outcome<ProfileSectionView>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError($"{section}.{field}", message.ToString());
                break;
            case Outcome<ProfileSectionView>.Conflict conflict: ModelState.AddModelError($"{section}.text", conflict.Message.ToString()); break;
            case Outcome<ProfileSectionView>.Forbidden forbidden: ModelState.AddModelError("", forbidden.Message.ToString()); break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View) is not Outcome<Assessment>.Ok ok) return false;
        Assessment = ok.Value;
        if (await profile.GetAsync(assessmentId) is Outcome<IReadOnlyList<ProfileSectionView>>.Ok sections) Sections = sections.Value;
        Files = await evidence.ListAsync(assessmentId) is Outcome<IReadOnlyList<EvidenceItem>>.Ok files
            ? files.Value.Select(f => (f.Id, f.FileName)).ToList()
            : [];
        CanEdit = Assessment.State.IsEditable() && await me.HasRoleInAsync(Assessment.OrganizationId, Role.Coordinator, Role.CategoryOwner);
        return true;
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
