using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Awards;

/// <summary>OPDC's list of a round's award candidates, with the category thresholds it is drawn with.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class IndexModel(AwardCandidates awards) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }

        /// <summary>The typed threshold per category code: the form's field "Input.Category{code}", one per
        /// category of the round's framework version.</summary>
        public Dictionary<string, string?> Categories { get; } = new(StringComparer.Ordinal);

        public string? this[string code]
        {
            get => Categories.GetValueOrDefault(code);
            set => Categories[code] = value;
        }
    }

    public AwardCandidateList Awards { get; private set; } = null!;
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        FillInput();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId, [FromServices] SetAwardThresholds set)
    {
        const string prefix = "Input.Category";
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
            Input[key[prefix.Length..]] = Request.Form[key].ToString();
        var values = Input.Categories.ToDictionary(c => c.Key, c =>
            decimal.TryParse(c.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null);
        switch (await set.HandleAsync(new(roundId, Input.Version, values)))
        {
            case Outcome<int>.Ok:
                Message = Bilingual.T("บันทึกเกณฑ์คะแนนรางวัลรายหมวดแล้ว", "Category award thresholds saved.");
                return RedirectToPage(new { roundId });
            case Outcome<int>.Invalid invalid:
                // "thresholds.3" is the API's name of the field the page calls Input.Category3.
                foreach (var (field, message) in invalid.Errors.All)
                    ModelState.AddModelError(field.StartsWith("thresholds.", StringComparison.Ordinal) ? "Input.Category" + field["thresholds.".Length..] : "", message.ToString());
                break;
            case Outcome<int>.Conflict conflict:
                if (!await LoadAsync(roundId)) return NotFound();
                ModelState.Clear(); // the form shows the values saved by the other person, not the posted ones
                ModelState.AddModelError("", conflict.Message.ToString());
                FillInput();
                return Page();
            default:
                return NotFound();
        }
        return await LoadAsync(roundId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid roundId)
    {
        if (await awards.FindAsync(roundId) is not { } list) return false;
        Awards = list;
        return true;
    }

    /// <summary>Shows the thresholds and version as saved (after a conflict: the other person's).</summary>
    private void FillInput()
    {
        Input.Version = Awards.Version;
        foreach (var category in Awards.Categories) Input[category.Code] = category.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
