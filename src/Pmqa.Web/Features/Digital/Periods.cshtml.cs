using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>OPDC's follow-up periods of the digital register (issue 12, ADR 0027): the list, and one form to add a
/// period or change one (with the version read). Messages at the field; what was typed is kept.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class PeriodsModel(DigitalPeriods periods) : PageModel
{
    /// <summary>Dates stay text until checked, so a half-typed date is shown back as typed.</summary>
    public sealed class PeriodForm
    {
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public string? NameTh { get; set; }
        public string? NameEn { get; set; }
        public string? StartsOn { get; set; }
        public string? Deadline { get; set; }
    }

    public List<PeriodView> Periods { get; private set; } = [];
    [BindProperty] public PeriodForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Periods = await periods.ListAsync(HttpContext.RequestAborted);
        if (Edit is { } id && Periods.FirstOrDefault(p => p.Id == id) is { } p)
            Input = new PeriodForm
            {
                Id = p.Id, Version = p.Version, NameTh = p.NameTh, NameEn = p.NameEn == p.NameTh ? "" : p.NameEn,
                StartsOn = Iso(p.StartsOn), Deadline = Iso(p.Deadline),
            };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var input = new PeriodInput(Input.NameTh, Input.NameEn, Date(Input.StartsOn), Date(Input.Deadline));
        var outcome = Input.Id is { } id ? await periods.UpdateAsync(id, Input.Version ?? -1, input, ct) : await periods.CreateAsync(input, ct);
        if (outcome is Outcome<PeriodView>.Ok ok)
        {
            Message = Bilingual.T($"บันทึก \"{ok.Value.NameTh}\" แล้ว", $"\"{ok.Value.NameEn}\" is saved.");
            return Redirect("/digital-progress/periods");
        }
        if (outcome is Outcome<PeriodView>.NotFound) return NotFound();
        if (outcome is Outcome<PeriodView>.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState);
            // Text that is not a date was kept as typed: say so rather than "give a date".
            foreach (var (field, text) in new[] { ("StartsOn", Input.StartsOn), ("Deadline", Input.Deadline) })
                if (!string.IsNullOrWhiteSpace(text) && Date(text) is null)
                {
                    ModelState.Remove($"Input.{field}");
                    ModelState.AddModelError($"Input.{field}", Bilingual.T("วันที่ไม่ถูกต้อง", "This is not a date."));
                }
        }
        else if (outcome is Outcome<PeriodView>.Conflict c) ModelState.AddModelError("", c.Message.ToString());
        else if (outcome is Outcome<PeriodView>.Forbidden f) ModelState.AddModelError("", f.Message.ToString());
        Periods = await periods.ListAsync(ct);
        return Page();
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
