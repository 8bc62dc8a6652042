using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>One gap's settings as the form posts them (selects and a text area, so nothing typed is lost on an error).</summary>
public sealed class GapForm
{
    public string IssueCode { get; set; } = "";
    public int Version { get; set; }
    public string? TargetLevel { get; set; }
    public int? Impact { get; set; }
    public int? Urgency { get; set; }
    public bool Selected { get; set; }
    public string? Rationale { get; set; }

    public static GapForm From(GapView g) => new()
    {
        IssueCode = g.IssueCode, Version = g.Version, TargetLevel = g.TargetIsDefault ? null : g.TargetLevel,
        Impact = g.Impact, Urgency = g.Urgency, Selected = g.Selected, Rationale = g.Rationale,
    };
}

/// <summary>
/// The gaps of an assessment, category by category: level now and target, the items and explanations missing, the
/// reviewers' opportunities and the indicators that need work; the agency sets each issue's target and priority.
/// Each issue saves on its own (a button per issue); a refused save keeps what was typed next to the message, and a
/// save that meets a newer version shows both, as the issue page does.
/// </summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class GapsModel(GapQueries queries, GapCommands commands, AssessmentAccess access, CategoryAssignments assignments,
    PersonNames names) : PageModel
{
    [BindProperty] public GapForm Form { get; set; } = new();

    public GapList List { get; private set; } = null!;
    public Assessment Assessment => List.Assessment;
    public FrameworkPack Pack => List.Pack;
    /// <summary>Categories whose gaps the caller may set (the answer rules: coordinator all, category owner theirs).</summary>
    public HashSet<string> EditableCategories { get; } = [];
    /// <summary>The issue whose form was just posted and refused: its card shows the typed values and the messages.</summary>
    public string? Posted { get; private set; }
    /// <summary>The stored settings a stale save met.</summary>
    public GapView? Theirs { get; private set; }
    public string? NotVerified { get; private set; }
    public IReadOnlyDictionary<string, PersonName> People { get; private set; } = new Dictionary<string, PersonName>();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string? view) =>
        await LoadAsync(assessmentId, view) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId, null)) return NotFound();
        Posted = Form.IssueCode;
        ModelState.Clear(); // the handler validates; the binder's messages would be in English only
        var body = new GapSettingBody(Form.TargetLevel, Form.Impact, Form.Urgency, Form.Selected, Form.Rationale);
        switch (await commands.SaveAsync(assessmentId, Form.IssueCode, Form.Version, body))
        {
            case Outcome<GapView>.Ok:
                Message = Bilingual.T($"บันทึกเป้าหมายและลำดับความสำคัญของประเด็น {Form.IssueCode} แล้ว", $"Saved the target and priority of issue {Form.IssueCode}.");
                return Redirect($"/assessments/{assessmentId}/gaps#gap-{Anchor(Form.IssueCode)}");
            case Outcome<GapView>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All)
                    ModelState.AddModelError($"Form.{char.ToUpperInvariant(field[0])}{field[1..]}", message.ToString());
                return Page();
            case Outcome<GapView>.Conflict c when c.Message == GapCommands.StaleMessage:
                Theirs = List.Gaps.FirstOrDefault(g => g.IssueCode == Form.IssueCode);
                Form.Version = Theirs?.Version ?? 0; // the next save is made knowingly over the version shown
                ModelState.AddModelError("", c.Message.ToString());
                return Page();
            case Outcome<GapView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                return Page();
            case Outcome<GapView>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid assessmentId, string? view)
    {
        var side = string.Equals(view, "verified", StringComparison.OrdinalIgnoreCase) ? GapSide.Verified : GapSide.Self;
        var outcome = await queries.ListAsync(assessmentId, side);
        if (outcome is Outcome<GapList>.Conflict c)
        {
            NotVerified = c.Message.ToString();
            outcome = await queries.ListAsync(assessmentId, GapSide.Self);
        }
        if (outcome is not Outcome<GapList>.Ok { Value: var list }) return false;
        List = list;
        if (await access.FindAsync(assessmentId, AssessmentPermission.Edit) is Outcome<Assessment>.Ok)
            foreach (var category in list.Pack.Categories)
                if (await assignments.MayEditAsync(list.Assessment, category.Code))
                    EditableCategories.Add(category.Code);
        People = await names.ResolveAsync(list.Gaps.Select(g => g.UpdatedBy));
        return true;
    }

    /// <summary>The form of an issue: what was just typed for the posted one, the stored settings for the others.</summary>
    public GapForm FormOf(GapView gap) => gap.IssueCode == Posted ? Form : GapForm.From(gap);

    public string? ErrorFor(string issueCode, string field) =>
        issueCode == Posted && ModelState.TryGetValue($"Form.{field}", out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;

    public string NameOf(string? email) => email is null ? "" : People.TryGetValue(email, out var n) ? n.Display : email;

    public static string Anchor(string code) => code.Replace('.', '-');

    public ChecklistItem? ItemOf(string code) =>
        Pack.Issues.SelectMany(i => i.Levels).SelectMany(l => l.Items).FirstOrDefault(i => i.Code == code);
}
