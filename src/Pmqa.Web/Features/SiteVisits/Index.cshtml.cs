using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.SiteVisits;

/// <summary>Everything about the site visit on one page; each person sees the step that is theirs: the
/// executive answers the offer, OPDC schedules and decides, the visiting team records findings.</summary>
[Authorize(Policy = Policies.AssessmentMember)]
public sealed class IndexModel(SiteVisitHandlers visits, AssessmentAccess access, CurrentUser me, PmqaDbContext db, FrameworkCatalog catalog,
    TimeProvider clock) : PageModel
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ScheduledAt { get; set; }
    [BindProperty] public string? Mode { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public List<Guid> TeamIds { get; set; } = [];
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public int VisitVersion { get; set; }
    [BindProperty] public string? IssueCode { get; set; }
    [BindProperty] public string? FindingText { get; set; }
    [BindProperty] public string? AdjustedScore { get; set; }
    [BindProperty] public string? AdjustmentReason { get; set; }
    [BindProperty] public bool ConfirmCertify { get; set; }

    public Assessment Assessment { get; private set; } = null!;
    public VisitView Visit { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;
    public bool IsExecutive { get; private set; }
    public bool IsOfficer { get; private set; }
    public bool OnVisitTeam { get; private set; }
    /// <summary>Findings and "done" only once the scheduled time has come.</summary>
    public bool VisitTimeHasCome => Visit.ScheduledAt is { } at && at <= clock.GetUtcNow();
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        ScheduledAt = ThaiDateInput.Format(Visit.ScheduledAt, Bilingual.IsThai);
        Mode = Visit.Mode ?? "OnSite";
        Location = Visit.Location;
        TeamIds = Visit.Team.Select(t => t.UserId).ToList();
        Agenda = Visit.Agenda;
        VisitVersion = Visit.Version;
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid assessmentId) =>
        Act(assessmentId, () => visits.AnswerOfferAsync(assessmentId, true, null), Bilingual.T("ตอบรับการตรวจ ณ พื้นที่แล้ว", "Site visit accepted."));

    public Task<IActionResult> OnPostDeclineAsync(Guid assessmentId) =>
        Act(assessmentId, () => visits.AnswerOfferAsync(assessmentId, false, Reason), Bilingual.T("ปฏิเสธการตรวจ ณ พื้นที่แล้ว", "Site visit declined."));

    public Task<IActionResult> OnPostScheduleAsync(Guid assessmentId)
    {
        // Typed as day/month/year with the BE year in Thai, like the round's dates (a date picker is Gregorian).
        if (!ThaiDateInput.TryParse(ScheduledAt, out var at))
            ModelState.AddModelError(nameof(ScheduledAt), ThaiDateInput.NotADate);
        return Act(assessmentId, () => visits.ScheduleAsync(assessmentId, new VisitBody(at, Mode, Location, TeamIds, Agenda, VisitVersion)),
            Bilingual.T("บันทึกนัดหมายแล้ว", "The visit is scheduled."));
    }

    public Task<IActionResult> OnPostFindingAsync(Guid assessmentId)
    {
        decimal? score = null;
        if (!string.IsNullOrWhiteSpace(AdjustedScore))
        {
            if (decimal.TryParse(AdjustedScore, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var s)) score = s;
            else ModelState.AddModelError("adjustedScore", Bilingual.T("กรุณากรอกตัวเลข 0–500", "Enter a number from 0 to 500."));
        }
        return Act(assessmentId, () => visits.SaveFindingAsync(assessmentId, IssueCode ?? "", new FindingBody(FindingText, score, AdjustmentReason)),
            Bilingual.T("บันทึกข้อค้นพบแล้ว", "Finding saved."));
    }

    public Task<IActionResult> OnPostCompleteAsync(Guid assessmentId) =>
        Act(assessmentId, () => visits.CompleteAsync(assessmentId), Bilingual.T("บันทึกว่าตรวจ ณ พื้นที่เสร็จแล้ว", "The visit is marked done."));

    public Task<IActionResult> OnPostCertifyAsync(Guid assessmentId)
    {
        if (!ConfirmCertify)
            ModelState.AddModelError("confirmCertify", Bilingual.T("กรุณายืนยันการรับรองก่อน", "Tick the box to confirm the certification."));
        return Act(assessmentId, () => visits.DecideAsync(assessmentId, true, Reason), Bilingual.T("รับรองแล้ว ออกใบรับรองแล้ว", "Certified; the certificate is issued."));
    }

    public Task<IActionResult> OnPostDenyAsync(Guid assessmentId) =>
        Act(assessmentId, () => visits.DecideAsync(assessmentId, false, Reason), Bilingual.T("บันทึกผลไม่รับรองแล้ว", "Recorded as not certified."));

    /// <summary>Runs a step; on success goes back to the page, else shows the errors next to the fields, keeping what was typed.</summary>
    private async Task<IActionResult> Act(Guid assessmentId, Func<Task<Outcome<VisitView>>> step, string done)
    {
        if (ModelState.ErrorCount == 0)
        {
            switch (await step())
            {
                case Outcome<VisitView>.Ok:
                    Message = done;
                    return RedirectToPage(new { assessmentId });
                case Outcome<VisitView>.Invalid i: i.Errors.AddByApiName(ModelState); break;
                case Outcome<VisitView>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
                case Outcome<VisitView>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
                default: return NotFound();
            }
        }
        return await LoadAsync(assessmentId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        if (await access.FindAsync(assessmentId, AssessmentPermission.View) is not Outcome<Assessment>.Ok { Value: var a }) return false;
        Assessment = a;
        Visit = await visits.ViewAsync(a);
        Pack = await catalog.PackOfAsync(a);
        IsExecutive = await me.HasRoleInAsync(a.OrganizationId, Role.Executive);
        IsOfficer = await me.SeesAllOrganizationsAsync();
        OnVisitTeam = Visit.Team.Any(t => t.UserId == me.Id) || IsOfficer;
        if (IsOfficer)
            Staff = (await db.Memberships.AsNoTracking().Where(m => m.Role == Role.Reviewer || m.Role == Role.OpdcOfficer)
                .Select(m => new { m.UserId, m.User!.DisplayName }).Distinct().ToListAsync())
                .OrderBy(s => s.DisplayName).Select(s => (s.UserId, s.DisplayName)).ToList();
        return true;
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
