using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// An event for everyone to read. A signed-in member of an organisation of the event's audience registers named
/// participants and cancels them; OPDC sees every registration, downloads the list (CSV) and cancels the event.
/// </summary>
[AllowAnonymous]
public sealed class EventModel(CalendarQueries queries, Registrations registrations, EventCommands commands, CurrentUser user, PmqaDbContext db) : PageModel
{
    public sealed class ParticipantRow
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Position { get; set; }
    }

    public EventView Event { get; private set; } = null!;
    public bool IsOfficer { get; private set; }
    /// <summary>The caller's organisations that may register for this event.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public Guid? OrganizationId { get; set; }
    [BindProperty] public List<ParticipantRow> Participants { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct) =>
        await LoadAsync(eventId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(Guid eventId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        var rows = Participants.Where(p => !string.IsNullOrWhiteSpace(p.Name) || !string.IsNullOrWhiteSpace(p.Email) || !string.IsNullOrWhiteSpace(p.Position)).ToList();
        var outcome = await registrations.RegisterAsync(eventId, new RegistrationInput(OrganizationId,
            [.. rows.Select(p => new ParticipantInput(p.Name, p.Email, p.Position))]), ct);
        switch (outcome)
        {
            case Outcome<List<RegisteredParticipant>>.Ok ok:
                TempData["Message"] = string.Join(" ", ok.Value.Select(p => p.Status == SeatKeeper.Waiting
                    ? Bilingual.T($"{p.Name}: เต็มแล้ว อยู่ในรายชื่อสำรอง", $"{p.Name}: the event is full, on the waiting list.")
                    : Bilingual.T($"{p.Name}: ลงทะเบียนแล้ว", $"{p.Name}: registered.")));
                return Redirect($"/calendar/{eventId}");
            case Outcome<List<RegisteredParticipant>>.Invalid invalid:
                // Errors are named like the API's fields (participants[0].name) and so are the inputs.
                foreach (var (field, message) in invalid.Errors.All)
                    ModelState.AddModelError(FormName(field), message.ToString());
                break;
            case Outcome<List<RegisteredParticipant>>.Conflict conflict:
                ModelState.AddModelError("", conflict.Message.ToString());
                break;
            default:
                return NotFound();
        }
        Participants = rows.Count > 0 ? rows : Participants;
        return await LoadAsync(eventId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCancelRegistrationAsync(Guid eventId, Guid registrationId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (await registrations.CancelAsync(eventId, registrationId, ct) is not Outcome<bool>.Ok) return NotFound();
        TempData["Message"] = Bilingual.T("ยกเลิกการลงทะเบียนแล้ว", "Registration cancelled.");
        return Redirect($"/calendar/{eventId}");
    }

    public async Task<IActionResult> OnPostCancelEventAsync(Guid eventId, int version, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        if (!await user.SeesAllOrganizationsAsync()) return NotFound();
        switch (await commands.CancelAsync(eventId, version, ct))
        {
            case Outcome<EventSaved>.Ok:
                TempData["Message"] = Bilingual.T("ยกเลิกกิจกรรมแล้ว", "Event cancelled.");
                return Redirect($"/calendar/{eventId}");
            case Outcome<EventSaved>.Conflict conflict:
                ModelState.AddModelError("", conflict.Message.ToString());
                return await LoadAsync(eventId, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    /// <summary>OPDC downloads the participant list: ?handler=Csv (UTF-8 CSV with BOM) or ?handler=Xlsx (Excel).</summary>
    public Task<IActionResult> OnGetCsvAsync(Guid eventId, CancellationToken ct) =>
        DownloadAsync(eventId, v => File(ParticipantList.Csv(v), "text/csv; charset=utf-8", ParticipantList.FileName(v, "csv")), ct);

    public Task<IActionResult> OnGetXlsxAsync(Guid eventId, CancellationToken ct) =>
        DownloadAsync(eventId, v => File(ParticipantList.Xlsx(v), SpreadsheetBook.ContentType, ParticipantList.FileName(v, "xlsx")), ct);

    private async Task<IActionResult> DownloadAsync(Guid eventId, Func<EventView, IActionResult> file, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true || !await user.SeesAllOrganizationsAsync()) return NotFound();
        return await queries.EventAsync(eventId, ct) is { } view ? file(view) : NotFound();
    }

    /// <summary>The form's name of an API field: participants[0].name → Participants[0].Name.</summary>
    public static string FormName(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        if (await queries.EventAsync(eventId, ct) is not { } view) return false;
        Event = view;
        Message = TempData["Message"] as string;
        if (User.Identity?.IsAuthenticated != true) return true;
        IsOfficer = await user.SeesAllOrganizationsAsync();
        EventNames.TryParse<EventAudience>(view.Audience, out var audience);
        var mine = (await user.MembershipsAsync()).Where(m => m.Role.IsAgencyRole()).Select(m => m.OrganizationId).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => mine.Contains(o.Id)).ToListAsync(ct);
        Organizations = [.. orgs.Where(o => o.Type.IsAssessed() && EventNames.AudienceOf(o.Type).IsOn(audience))
            .Select(o => (o.Id, Bilingual.IsThai ? o.NameTh : o.NameEn))];
        OrganizationId ??= Organizations.FirstOrDefault().Id;
        while (Participants.Count < Math.Min(3, view.PerOrganizationLimit)) Participants.Add(new ParticipantRow());
        return true;
    }
}
