using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Assessments;

/// <summary>An indicator row as typed on the form: numbers stay text so nothing typed is lost on an error.</summary>
public sealed class IndicatorForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Direction { get; set; } = "higher";
    public string? Target { get; set; }
    public string? R2 { get; set; }
    public string? R1 { get; set; }
    public string? R0 { get; set; }
    public string? Comparison { get; set; }
    public string? ComparisonSource { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => new[] { Name, Unit, Target, R2, R1, R0, Comparison, ComparisonSource }.All(string.IsNullOrWhiteSpace);

    public static IndicatorForm From(IndicatorDto d) => new()
    {
        Code = d.Code, Name = d.Name, Unit = d.Unit, Direction = d.Direction, Target = Text(d.Target), R2 = Text(d.R2), R1 = Text(d.R1),
        R0 = Text(d.R0), Comparison = Text(d.Comparison), ComparisonSource = d.ComparisonSource,
    };

    private static string? Text(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One issue of an assessment: tick the checklist and explain each level (process issues), or report
/// indicators (results issues). Saves are versioned: a save from a stale page shows both versions and
/// keeps what the person typed, so they can merge.
/// </summary>
public sealed class IssueModel(IssueAnswerHandlers answers, Evidence.EvidencePanels evidence, CategoryAssignments assignments, PersonNames names,
    Digital.DigitalIndicatorQueries digital) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Explanations { get; set; } = [];
    [BindProperty] public List<IndicatorForm> Indicators { get; set; } = [];

    public Assessment Assessment { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;
    public Issue Issue { get; private set; } = null!;
    public IssueAnswerView Saved { get; private set; } = null!;
    /// <summary>Set when the person's save met a newer version: what is stored now.</summary>
    public IssueAnswerView? Theirs { get; private set; }
    public bool CanEdit { get; private set; }
    public Evidence.EvidencePanelModel Evidence { get; private set; } = null!;
    /// <summary>Who saved, by name (records keep the e-mail address).</summary>
    public IReadOnlyDictionary<string, PersonName> People { get; private set; } = new Dictionary<string, PersonName>();
    [TempData] public string? Message { get; set; }
    /// <summary>The digital register's figures offered as indicators on category 7's results issues (ADR 0028); null elsewhere.</summary>
    public Digital.DigitalIndicatorOffer? DigitalOffer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, string issueCode)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        Version = Saved.Version;
        Checked = [.. Saved.Checked];
        Explanations = new(Saved.Explanations);
        Indicators = [.. Saved.Indicators.Select(IndicatorForm.From)];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid assessmentId, string issueCode)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        return await SaveFormAsync(assessmentId, issueCode);
    }

    /// <summary>"Use these figures": the register's indicators join what the form holds (a row of the same code gets the
    /// register's values, keeping what was typed in its other fields) and the whole is saved as any answer is: with the
    /// version the page showed (a stale page gets the conflict screen) and audited.</summary>
    public async Task<IActionResult> OnPostUseDigitalAsync(Guid assessmentId, string issueCode)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        if (DigitalOffer is not { } offer) return NotFound();
        foreach (var k in offer.Indicators)
        {
            var offered = IndicatorForm.From(k);
            if (Indicators.FirstOrDefault(f => f.Code == k.Code) is { } row) (row.R2, row.R1, row.R0) = (offered.R2, offered.R1, offered.R0);
            else Indicators.Add(offered);
        }
        return await SaveFormAsync(assessmentId, issueCode);
    }

    private async Task<IActionResult> SaveFormAsync(Guid assessmentId, string issueCode)
    {
        var (body, rows) = Body();
        if (!ModelState.IsValid) return Page();
        var outcome = await answers.SaveAsync(assessmentId, issueCode, Version, body);
        switch (outcome)
        {
            case Outcome<IssueAnswerView>.Ok:
                Message = Bilingual.T("บันทึกแล้ว", "Saved.");
                return Redirect($"/assessments/{assessmentId}/issues/{issueCode}");
            case Outcome<IssueAnswerView>.Invalid invalid:
                AddErrors(invalid.Errors, rows);
                return Page();
            case Outcome<IssueAnswerView>.Conflict c when c.Message == IssueAnswerHandlers.StaleMessage:
                Theirs = Saved;
                Version = Saved.Version; // the next save is made knowingly over the version now shown
                ModelState.Remove(nameof(Version));
                return Page();
            case Outcome<IssueAnswerView>.Conflict c:
                ModelState.AddModelError("", c.Message.ToString());
                return Page();
            case Outcome<IssueAnswerView>.Forbidden f:
                ModelState.AddModelError("", f.Message.ToString());
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>Autosave from the page's script: JSON in, JSON out. An invalid draft is not saved and the answer
    /// names each wrong field by its form name, so the script shows the message there and changes nothing that
    /// was typed (ticks included). A stale draft answers 409 and the script falls back to a normal save, which
    /// shows the conflict screen with everything the person typed.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid assessmentId, string issueCode)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        var (body, rows) = Body();
        if (!ModelState.IsValid) return BadRequest(new { saved = false, errors = FieldErrors() });
        switch (await answers.SaveAsync(assessmentId, issueCode, Version, body))
        {
            case Outcome<IssueAnswerView>.Ok ok:
                return new JsonResult(new
                {
                    saved = true, version = ok.Value.Version, score = ok.Value.Score.ToString("0.00", CultureInfo.InvariantCulture),
                    level = Bilingual.T(Enum.Parse<MaturityLevel>(ok.Value.Level).DisplayName()), uncounted = ok.Value.UncountedItems,
                    at = Domain.Time.ThaiTime.FormatDateTime(ok.Value.UpdatedAt ?? DateTimeOffset.UtcNow, Bilingual.IsThai),
                });
            case Outcome<IssueAnswerView>.Conflict c when c.Message == IssueAnswerHandlers.StaleMessage:
                return new ConflictObjectResult(new { saved = false });
            case Outcome<IssueAnswerView>.Invalid invalid:
                AddErrors(invalid.Errors, rows);
                return BadRequest(new { saved = false, errors = FieldErrors() });
            case Outcome<IssueAnswerView>.Conflict c:
                return BadRequest(new { saved = false, errors = new Dictionary<string, string> { [""] = c.Message.ToString() } });
            case Outcome<IssueAnswerView>.Forbidden f:
                return BadRequest(new { saved = false, errors = new Dictionary<string, string> { [""] = f.Message.ToString() } });
            default:
                return NotFound();
        }
    }

    /// <summary>The first message of each field in error, keyed by the field's form name ("" for the whole form).</summary>
    private Dictionary<string, string> FieldErrors() => ModelState
        .Where(e => e.Value is { Errors.Count: > 0 })
        .ToDictionary(e => e.Key, e => e.Value!.Errors[0].ErrorMessage);

    public async Task<IActionResult> OnPostAddSuggestedAsync(Guid assessmentId, string issueCode, string suggestion)
    {
        if (!await LoadAsync(assessmentId, issueCode)) return NotFound();
        ModelState.Clear();
        if (Issue.SuggestedIndicators.FirstOrDefault(s => s.Code == suggestion) is { } k)
            Indicators.Add(new IndicatorForm
            {
                Code = k.Code, Name = Bilingual.IsThai ? k.NameTh : k.NameEn, Unit = Bilingual.IsThai ? k.UnitTh : k.UnitEn,
                Direction = k.Direction == Direction.Lower ? "lower" : "higher",
            });
        return Page();
    }

    /// <summary>The API body from the form, with each kept indicator's form row (for mapping errors back).</summary>
    private (IssueAnswerBody Body, List<int> Rows) Body()
    {
        if (Issue.Kind == IssueKind.Process) return (new IssueAnswerBody(Checked, Explanations, null), []);
        var rows = new List<int>();
        var indicators = new List<IndicatorDto>();
        for (var i = 0; i < Indicators.Count; i++)
        {
            var f = Indicators[i];
            if (f.Remove || f.IsBlank) continue;
            rows.Add(i);
            indicators.Add(new IndicatorDto(f.Code, f.Name, f.Unit, f.Direction, Number(i, "Target", f.Target), Number(i, "R2", f.R2),
                Number(i, "R1", f.R1), Number(i, "R0", f.R0), Number(i, "Comparison", f.Comparison), f.ComparisonSource));
        }
        return (new IssueAnswerBody(null, null, indicators), rows);
    }

    private decimal? Number(int row, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(ThaiDigits.ToArabic(text)!.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
        ModelState.AddModelError($"Indicators[{row}].{field}", Bilingual.T("ต้องเป็นตัวเลข", "Must be a number."));
        return null;
    }

    private void AddErrors(ValidationErrors errors, List<int> rows)
    {
        foreach (var (field, message) in errors.All)
        {
            var key = field;
            if (field.StartsWith("indicators[", StringComparison.Ordinal))
            {
                var close = field.IndexOf(']');
                var row = rows[int.Parse(field[11..close], CultureInfo.InvariantCulture)];
                var name = field[(close + 2)..];
                key = $"Indicators[{row}].{char.ToUpperInvariant(name[0])}{name[1..]}";
            }
            else if (field.StartsWith("explanations.", StringComparison.Ordinal)) key = $"Explanations[{field[13..]}]";
            else key = "";
            ModelState.AddModelError(key, message.ToString());
        }
    }

    private async Task<bool> LoadAsync(Guid assessmentId, string issueCode)
    {
        // The empty "add an indicator" row and rows marked for removal are not indicators.
        Indicators.RemoveAll(f => f.IsBlank || f.Remove);
        if (await answers.GetAsync(assessmentId, issueCode) is not Outcome<(Assessment, FrameworkPack, Issue, IssueAnswerView)>.Ok ok) return false;
        (Assessment, Pack, Issue, Saved) = ok.Value;
        CanEdit = Assessment.State.IsEditable() && await assignments.MayEditAsync(Assessment, Pack.CategoryOf(Issue).Code);
        Evidence = await evidence.ForIssueAsync(assessmentId, issueCode, CanEdit);
        People = await names.ResolveAsync([Saved.UpdatedBy]);
        if (Digital.DigitalIndicatorQueries.Applies(Pack, Issue) && await digital.OfferAsync(assessmentId) is Outcome<Digital.DigitalIndicatorOffer>.Ok { Value: var offer })
            DigitalOffer = offer;
        return true;
    }

    /// <summary>A person's name for display; the e-mail address when no account has it.</summary>
    public string NameOf(string? email) => email is null ? "" : People.GetValueOrDefault(email)?.Display ?? email;

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Previous and next issue, for moving through the criteria without going back home.</summary>
    public (Issue? Previous, Issue? Next) Neighbours()
    {
        var all = Pack.Issues.ToList();
        var i = all.FindIndex(x => x.Code == Issue.Code);
        return (i > 0 ? all[i - 1] : null, i < all.Count - 1 ? all[i + 1] : null);
    }
}
