using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

/// <summary>An officer changes a round's dates and settings, or cancels a round that has not opened.</summary>
public sealed class EditModel(EditRound edit, CancelRound cancel, PmqaDbContext db) : PageModel
{
    public sealed class InputModel
    {
        public int Version { get; set; }
        public string? OpensAt { get; set; }
        public string? SubmissionDeadline { get; set; }
        public string? VerificationEndsAt { get; set; }
        public string? SiteVisitFrom { get; set; }
        public string? SiteVisitTo { get; set; }
        public string? AwardDate { get; set; }
        public string? SiteVisitThreshold { get; set; }
        public string? SignatoryName { get; set; }
        public string? SignatoryPosition { get; set; }
        public string? PlanDeadline { get; set; }
        public string? Month6ReportDeadline { get; set; }
        public string? Month12ReportDeadline { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Round Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        if (!await LoadAsync(roundId)) return NotFound();
        var thai = Bilingual.IsThai;
        Input = new InputModel
        {
            Version = Round.Version, OpensAt = ThaiDateInput.Format(Round.OpensAt, thai), SubmissionDeadline = ThaiDateInput.Format(Round.SubmissionDeadline, thai),
            VerificationEndsAt = ThaiDateInput.Format(Round.VerificationEndsAt, thai), SiteVisitFrom = ThaiDateInput.Format(Round.SiteVisitFrom, thai),
            SiteVisitTo = ThaiDateInput.Format(Round.SiteVisitTo, thai), AwardDate = ThaiDateInput.Format(Round.AwardDate, thai),
            SiteVisitThreshold = Round.SiteVisitThreshold.ToString("0.##", CultureInfo.InvariantCulture),
            SignatoryName = Round.SignatoryName, SignatoryPosition = Round.SignatoryPosition,
            PlanDeadline = ThaiDateInput.Format(Round.PlanDeadline, thai), Month6ReportDeadline = ThaiDateInput.Format(Round.Month6ReportDeadline, thai),
            Month12ReportDeadline = ThaiDateInput.Format(Round.Month12ReportDeadline, thai),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid roundId)
    {
        var dates = RoundDateFields.Parse(ModelState, "Input", ("OpensAt", Input.OpensAt), ("SubmissionDeadline", Input.SubmissionDeadline),
            ("VerificationEndsAt", Input.VerificationEndsAt), ("SiteVisitFrom", Input.SiteVisitFrom), ("SiteVisitTo", Input.SiteVisitTo), ("AwardDate", Input.AwardDate),
            ("PlanDeadline", Input.PlanDeadline), ("Month6ReportDeadline", Input.Month6ReportDeadline), ("Month12ReportDeadline", Input.Month12ReportDeadline));
        decimal? threshold = null;
        if (!string.IsNullOrWhiteSpace(Input.SiteVisitThreshold))
        {
            if (decimal.TryParse(Input.SiteVisitThreshold, NumberStyles.Number, CultureInfo.InvariantCulture, out var t)) threshold = t;
            else ModelState.AddModelError("Input.SiteVisitThreshold", Bilingual.T("กรุณากรอกตัวเลข 0–500", "Enter a number from 0 to 500."));
        }
        if (ModelState.ErrorCount == 0)
        {
            switch (await edit.HandleAsync(roundId, new RoundEdit(Input.Version, dates["OpensAt"], dates["SubmissionDeadline"], dates["VerificationEndsAt"],
                        dates["SiteVisitFrom"], dates["SiteVisitTo"], dates["AwardDate"], threshold, Input.SignatoryName ?? "", Input.SignatoryPosition ?? "", WholeForm: true,
                        dates["PlanDeadline"], dates["Month6ReportDeadline"], dates["Month12ReportDeadline"])))
            {
                case Outcome<int>.Ok:
                    TempData["Message"] = Bilingual.T("บันทึกการแก้ไขรอบแล้ว", "The round is saved.");
                    return Redirect($"/rounds/{roundId}");
                case Outcome<int>.Invalid invalid: invalid.Errors.AddTo(ModelState, "Input"); break;
                case Outcome<int>.Conflict conflict: ModelState.AddModelError("", conflict.Message.ToString()); break;
                default: return NotFound();
            }
        }
        return await LoadAsync(roundId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid roundId)
    {
        switch (await cancel.HandleAsync(roundId))
        {
            case Outcome<bool>.Ok:
                TempData["Message"] = Bilingual.T("ยกเลิกรอบแล้ว", "The round is cancelled.");
                return Redirect("/rounds");
            case Outcome<bool>.Conflict conflict:
                ModelState.AddModelError("", conflict.Message.ToString());
                return await LoadAsync(roundId) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid roundId)
    {
        if (await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId) is not { } round) return false;
        Round = round;
        return true;
    }
}

/// <summary>Reads the round forms' date fields (<see cref="ThaiDateInput"/>), putting "not a date" at the field.</summary>
public static class RoundDateFields
{
    public static Dictionary<string, DateTimeOffset?> Parse(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix,
        params (string Name, string? Text)[] fields)
    {
        var values = new Dictionary<string, DateTimeOffset?>();
        foreach (var (name, text) in fields)
        {
            if (ThaiDateInput.TryParse(text, out var at)) values[name] = at;
            else
            {
                values[name] = null;
                state.AddModelError($"{prefix}.{name}", ThaiDateInput.NotADate);
            }
        }
        return values;
    }
}
