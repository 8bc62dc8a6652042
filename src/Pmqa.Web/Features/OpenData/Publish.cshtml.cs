using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

/// <summary>OPDC publishes a round's verified results (with a note for corrections) and withholds one organisation's
/// with a reason; the page shows what is published and what is withheld.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class PublishModel(ResultPublication publication, PmqaDbContext db) : PageModel
{
    public sealed record Row(Guid OrganizationId, string Code, string Name, string State, int? PublishedVersion, string? WithheldReason);

    public int FiscalYear { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid? OrganizationId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct) => await LoadAsync(roundId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(Guid roundId, CancellationToken ct)
    {
        switch (await publication.PublishAsync(roundId, new PublishInput(Note), ct))
        {
            case Outcome<PublishSummary>.Ok { Value: var s }:
                Message = Bilingual.T($"เผยแพร่ใหม่ {s.Published} แก้ไข {s.Corrected} ไม่เปลี่ยน {s.Unchanged} งดเผยแพร่ {s.Withheld}",
                    $"Published {s.Published}, corrected {s.Corrected}, unchanged {s.Unchanged}, withheld {s.Withheld}.");
                return Redirect($"/rounds/{roundId}/publication");
            case Outcome<PublishSummary>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError(field == "note" ? "Note" : "", message.ToString());
                return await LoadAsync(roundId, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostWithholdAsync(Guid roundId, CancellationToken ct)
    {
        switch (await publication.WithholdAsync(roundId, new WithholdInput(OrganizationId, Reason), ct))
        {
            case Outcome<Guid>.Ok:
                Message = Bilingual.T("งดเผยแพร่ผลของหน่วยงานนี้แล้ว", "This organisation's result is withheld.");
                return Redirect($"/rounds/{roundId}/publication");
            case Outcome<Guid>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError(field == "reason" ? "Reason" : "OrganizationId", message.ToString());
                return await LoadAsync(roundId, ct) ? Page() : NotFound();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return false;
        FiscalYear = round.FiscalYear;
        var assessments = await db.Assessments.AsNoTracking().Include(a => a.Organization).Where(a => a.RoundId == roundId && a.VerifiedScoreJson != null).ToListAsync(ct);
        var published = await db.PublishedResults.AsNoTracking().Where(p => p.RoundId == roundId && p.IsCurrent)
            .Select(p => new { p.OrganizationId, p.VersionNumber }).ToListAsync(ct);
        var withheld = await db.ResultWithholdings.AsNoTracking().Where(w => w.RoundId == roundId).ToListAsync(ct);
        Rows = [.. assessments.Where(a => Domain.OpenData.SiteVisitOutcome.IsPublishable(a.State)).OrderBy(a => a.Organization!.Code)
            .Select(a => new Row(a.OrganizationId, a.Organization!.Code, Bilingual.IsThai ? a.Organization.NameTh : a.Organization.NameEn,
                Bilingual.T(Domain.Assessments.AssessmentStates.DisplayName(a.State)),
                published.FirstOrDefault(p => p.OrganizationId == a.OrganizationId)?.VersionNumber,
                withheld.FirstOrDefault(w => w.OrganizationId == a.OrganizationId)?.Reason))];
        return true;
    }
}
