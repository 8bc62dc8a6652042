using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>One section as the form posts it. <see cref="Original"/> is a fingerprint of the text and attachment
/// the page showed, so the server saves only the sections the person changed (an untouched section that someone
/// else saved meanwhile is not a conflict).</summary>
public sealed class ProfileSectionForm
{
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string? Text { get; set; }
    public Guid? AttachmentId { get; set; }
    public string? Original { get; set; }

    public bool Changed => Original != ProfileModel.Fingerprint(Text, AttachmentId);
}

/// <summary>
/// The organisation profile: every section in one form, so pressing save (or the autosave) keeps what was typed in
/// every section, not only the one whose button was pressed. Each changed section is still saved on its own with its
/// own version: two people writing different sections never collide, and a collision on one section keeps what was
/// typed there while the others save.
/// </summary>
public sealed class ProfileModel(ProfileHandlers profile, AssessmentAccess access, EvidenceQueries evidence, CurrentUser me, PersonNames names) : PageModel
{
    public Assessment Assessment { get; private set; } = null!;
    public IReadOnlyList<ProfileSectionView> Sections { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string FileName)> Files { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public IReadOnlyDictionary<string, PersonName> People { get; private set; } = new Dictionary<string, PersonName>();
    /// <summary>Sections that could not be saved, with what the person typed and (after a collision) the saved text.</summary>
    public Dictionary<string, (ProfileSectionForm Typed, ProfileSectionView? Theirs)> Pending { get; } = [];
    [BindProperty] public List<ProfileSectionForm> Form { get; set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId) => await LoadAsync(assessmentId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        var results = await SaveChangedAsync(assessmentId);
        if (results.All(r => r.Outcome is Outcome<ProfileSectionView>.Ok))
        {
            Message = Bilingual.T("บันทึกแล้ว", "Saved.");
            return Redirect($"/assessments/{assessmentId}/profile");
        }
        await LoadAsync(assessmentId); // the sections that did save show their new versions
        foreach (var (typed, outcome) in results)
        {
            if (outcome is Outcome<ProfileSectionView>.Ok) continue;
            var theirs = IsStale(outcome) ? Sections.FirstOrDefault(s => s.Code == typed.Code) : null;
            Pending[typed.Code] = (typed, theirs);
            ModelState.AddModelError(ErrorKey(typed.Code, outcome, out var message), message);
        }
        return Page();
    }

    /// <summary>Autosave from the page's script: saves the changed sections and answers, per section, the new version
    /// and fingerprint, or the message to show at the field (and the saved text after a collision). Nothing typed is
    /// replaced on the page; the script only updates versions and messages.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        var results = await SaveChangedAsync(assessmentId);
        var sections = new List<object>();
        foreach (var (typed, outcome) in results)
        {
            if (outcome is Outcome<ProfileSectionView>.Ok { Value: var saved })
            {
                sections.Add(new
                {
                    code = typed.Code, saved = true, version = saved.Version, original = Fingerprint(saved.Text, saved.AttachmentId),
                    savedBy = await SavedByAsync(saved),
                });
                continue;
            }
            if (outcome is Outcome<ProfileSectionView>.NotFound) return NotFound();
            ProfileSectionView? theirs = null;
            if (IsStale(outcome) && await profile.GetAsync(assessmentId) is Outcome<IReadOnlyList<ProfileSectionView>>.Ok now)
                theirs = now.Value.FirstOrDefault(s => s.Code == typed.Code);
            var key = ErrorKey(typed.Code, outcome, out var message);
            sections.Add(new
            {
                code = typed.Code, saved = false, field = key.Length == 0 ? "" : key[(typed.Code.Length + 1)..], message,
                theirsText = theirs?.Text, theirsVersion = theirs?.Version,
            });
        }
        return new JsonResult(new
        {
            sections, at = ThaiTime.FormatDateTime(DateTimeOffset.UtcNow, Bilingual.IsThai),
        });
    }

    /// <summary>Saves every posted section that differs from what the page showed, each with its own version.</summary>
    private async Task<List<(ProfileSectionForm Typed, Outcome<ProfileSectionView> Outcome)>> SaveChangedAsync(Guid assessmentId)
    {
        var results = new List<(ProfileSectionForm, Outcome<ProfileSectionView>)>();
        foreach (var typed in Form.Where(f => f.Changed))
            results.Add((typed, await profile.SaveAsync(assessmentId, typed.Code, typed.Version, typed.Text, typed.AttachmentId)));
        return results;
    }

    private static bool IsStale(Outcome<ProfileSectionView> outcome) =>
        outcome is Outcome<ProfileSectionView>.Conflict c && c.Message == ProfileHandlers.StaleMessage;

    /// <summary>The model-state key (<c>P1.text</c>, <c>P1.attachmentId</c>, or "" for the page) and the message of a refusal.</summary>
    private static string ErrorKey(string section, Outcome<ProfileSectionView> outcome, out string message)
    {
        switch (outcome)
        {
            case Outcome<ProfileSectionView>.Invalid invalid:
                var (field, msg) = invalid.Errors.All.First();
                message = msg.ToString();
                return $"{section}.{field}";
            case Outcome<ProfileSectionView>.Conflict conflict:
                message = conflict.Message.ToString();
                return $"{section}.text";
            case Outcome<ProfileSectionView>.Forbidden forbidden:
                message = forbidden.Message.ToString();
                return "";
            default:
                message = Bilingual.T("ไม่พบหัวข้อนี้", "This section does not exist.");
                return "";
        }
    }

    private async Task<string> SavedByAsync(ProfileSectionView saved)
    {
        var who = saved.UpdatedBy is null ? null : (await names.ResolveAsync([saved.UpdatedBy])).GetValueOrDefault(saved.UpdatedBy);
        return $"{Bilingual.T("บันทึกล่าสุดโดย", "Last saved by")} {who?.Display ?? saved.UpdatedBy} {ThaiTime.FormatDateTime(saved.UpdatedAt ?? DateTimeOffset.UtcNow, Bilingual.IsThai)}";
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
        People = await names.ResolveAsync(Sections.Select(s => s.UpdatedBy));
        return true;
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    /// <summary>A fingerprint of a section's text and attachment, blind to line endings and surrounding spaces
    /// (the browser posts CRLF, the API may store LF, and the handler trims).</summary>
    public static string Fingerprint(string? text, Guid? attachmentId)
    {
        var normal = (text ?? "").Replace("\r\n", "\n").Trim() + "\0" + attachmentId;
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normal)))[..16];
    }
}
