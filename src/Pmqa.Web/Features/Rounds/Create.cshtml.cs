using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Rounds;

public sealed class CreateModel(CreateRound create, PmqaDbContext db, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? FiscalYear { get; set; }
        public string? FrameworkCode { get; set; } = "pmqa-4.0";
        public List<string> Audiences { get; set; } = ["department", "publicOrganization"];
        public string? OpensAt { get; set; }
        public string? SubmissionDeadline { get; set; }
        public string? VerificationEndsAt { get; set; }
        public string? SiteVisitFrom { get; set; }
        public string? SiteVisitTo { get; set; }
        public string? AwardDate { get; set; }
        public string? SiteVisitThreshold { get; set; } = "350";
        public string? BasicFrom { get; set; } = "300";
        public string? AdvanceFrom { get; set; } = "400";
        public string? SignificanceFrom { get; set; } = "500";
        public string? SignatoryName { get; set; }
        public string? SignatoryPosition { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<string> FrameworkCodes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.FiscalYear = ThaiTime.FiscalYearOf(clock.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
        FrameworkCodes = await Codes();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var dates = RoundDateFields.Parse(ModelState, "Input", ("OpensAt", Input.OpensAt), ("SubmissionDeadline", Input.SubmissionDeadline),
            ("VerificationEndsAt", Input.VerificationEndsAt), ("SiteVisitFrom", Input.SiteVisitFrom), ("SiteVisitTo", Input.SiteVisitTo), ("AwardDate", Input.AwardDate));
        if (ModelState.ErrorCount == 0)
        {
            var outcome = await create.HandleAsync(new RoundInput(
                int.TryParse(Input.FiscalYear, out var year) ? year : null, Input.FrameworkCode, Input.Audiences,
                dates["OpensAt"], dates["SubmissionDeadline"], dates["VerificationEndsAt"], dates["SiteVisitFrom"], dates["SiteVisitTo"], dates["AwardDate"],
                decimal.TryParse(Input.SiteVisitThreshold, CultureInfo.InvariantCulture, out var threshold) ? threshold : null,
                [new("Basic", Number(Input.BasicFrom)), new("Advance", Number(Input.AdvanceFrom)), new("Significance", Number(Input.SignificanceFrom))],
                Input.SignatoryName, Input.SignatoryPosition));
            if (outcome is Outcome<Guid>.Ok ok) return Redirect($"/rounds/{ok.Value}");
            if (outcome is Outcome<Guid>.Invalid invalid) invalid.Errors.AddTo(ModelState);
        }
        FrameworkCodes = await Codes();
        return Page();
    }

    private static decimal? Number(string? text) => decimal.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : null;

    private Task<List<string>> Codes() => db.FrameworkVersions.Select(f => f.Code).Distinct().OrderBy(c => c).ToListAsync();
}
