using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>OPDC creates an event (no id) or changes one. Dates are typed day/month/BE year in Bangkok time
/// (ThaiDateInput); a save from a stale copy is refused with what to do, nothing typed lost.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class EditModel(EventCommands commands, CalendarQueries queries) : PageModel
{
    public sealed class InputModel
    {
        public string? TitleTh { get; set; }
        public string? TitleEn { get; set; }
        public string? Description { get; set; }
        public string? Kind { get; set; } = "workshop";
        public string? Audience { get; set; } = "departments";
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public string? Place { get; set; }
        public string? OnlineUrl { get; set; }
        public string? Capacity { get; set; }
        public string? PerOrganizationLimit { get; set; } = "3";
        public string? RegistrationDeadline { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? EventId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? eventId, CancellationToken ct)
    {
        EventId = eventId;
        if (eventId is not { } id) return Page();
        if (await queries.EventAsync(id, ct) is not { } e) return NotFound();
        var thai = Bilingual.IsThai;
        Input = new InputModel
        {
            TitleTh = e.TitleTh, TitleEn = e.TitleEn, Description = e.Description, Kind = e.Kind, Audience = e.Audience,
            StartsAt = ThaiDateInput.Format(e.StartsAt, thai), EndsAt = ThaiDateInput.Format(e.EndsAt, thai), Place = e.Place, OnlineUrl = e.OnlineUrl,
            Capacity = e.Capacity?.ToString(CultureInfo.InvariantCulture), PerOrganizationLimit = e.PerOrganizationLimit.ToString(CultureInfo.InvariantCulture),
            RegistrationDeadline = ThaiDateInput.Format(e.RegistrationDeadline, thai), Version = e.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? eventId, CancellationToken ct)
    {
        EventId = eventId;
        var starts = Date(nameof(InputModel.StartsAt), Input.StartsAt);
        var ends = Date(nameof(InputModel.EndsAt), Input.EndsAt);
        var deadline = Date(nameof(InputModel.RegistrationDeadline), Input.RegistrationDeadline);
        var capacity = Number(nameof(InputModel.Capacity), Input.Capacity);
        var limit = Number(nameof(InputModel.PerOrganizationLimit), Input.PerOrganizationLimit);
        if (ModelState.ErrorCount > 0) return Page();
        var input = new EventInput(Input.TitleTh, Input.TitleEn, Input.Description, Input.Kind, Input.Audience, starts, ends,
            Input.Place, Input.OnlineUrl, capacity, limit, deadline);
        var outcome = eventId is { } id ? await commands.UpdateAsync(id, Input.Version, input, ct) : await commands.CreateAsync(input, ct);
        switch (outcome)
        {
            case Outcome<EventSaved>.Ok ok:
                return Redirect($"/calendar/{ok.Value.Id}");
            case Outcome<EventSaved>.Invalid invalid:
                invalid.Errors.AddTo(ModelState);
                return Page();
            case Outcome<EventSaved>.Conflict conflict:
                ModelState.AddModelError("", conflict.Message.ToString());
                return Page();
            default:
                return NotFound();
        }
    }

    private DateTimeOffset? Date(string field, string? text)
    {
        if (ThaiDateInput.TryParse(text, out var at)) return at;
        ModelState.AddModelError($"Input.{field}", ThaiDateInput.NotADate);
        return null;
    }

    private int? Number(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError($"Input.{field}", Bilingual.T("ใส่ตัวเลขจำนวนเต็ม", "Enter a whole number."));
        return null;
    }
}
