using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// The organisation's progress updates (issue 12, ADR 0027) on a page of their own: the same section as on the
/// digital page, where its forms post. A success goes back to the digital page; a refusal is shown here at its
/// field with what was typed kept.
/// </summary>
public sealed class UpdatesModel(DigitalUpdates updates, TimeProvider clock, PmqaDbContext db) : PageModel
{
    public UpdatesSection Section { get; private set; } = null!;
    public string OrganizationName { get; private set; } = "";
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orgId) => await LoadAsync(orgId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubmitAsync(Guid orgId, Guid? periodId, string? note)
    {
        var outcome = await updates.SubmitAsync(orgId, new UpdateInput(periodId, note), HttpContext.RequestAborted);
        return await AnswerAsync(orgId, outcome, Bilingual.T("ส่งรายงานความก้าวหน้าให้ผู้บริหารอนุมัติแล้ว", "The progress update is sent for the executive's approval."),
            "note", s => s with { Note = note });
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid orgId, Guid updateId, int? version)
    {
        var outcome = await updates.ApproveAsync(orgId, updateId, version, HttpContext.RequestAborted);
        return await AnswerAsync(orgId, outcome, Bilingual.T("อนุมัติและส่งรายงานถึงสำนักงาน ก.พ.ร. แล้ว", "Approved: the update is sent to OPDC."), "", s => s);
    }

    public async Task<IActionResult> OnPostReturnAsync(Guid orgId, Guid updateId, int? version, string? reason)
    {
        var outcome = await updates.ReturnAsync(orgId, updateId, version, new ReturnInput(reason), HttpContext.RequestAborted);
        return await AnswerAsync(orgId, outcome, Bilingual.T("ส่งรายงานกลับให้ผู้ประสานงานแก้ไขแล้ว", "The update is returned to the coordinator."),
            "reason", s => s with { Reason = reason });
    }

    private async Task<IActionResult> AnswerAsync(Guid orgId, Outcome<UpdateView> outcome, string done, string field, Func<UpdatesSection, UpdatesSection> keep)
    {
        if (outcome is Outcome<UpdateView>.NotFound) return NotFound();
        if (outcome is Outcome<UpdateView>.Ok)
        {
            Message = done;
            return Redirect(DigitalUpdates.Link(orgId));
        }
        if (outcome is Outcome<UpdateView>.Invalid invalid)
            foreach (var (f, message) in invalid.Errors.All) ModelState.AddModelError(f == "periodId" ? "note" : f, message.ToString());
        else if (outcome is Outcome<UpdateView>.Conflict c) ModelState.AddModelError(field, c.Message.ToString());
        else if (outcome is Outcome<UpdateView>.Forbidden fb) ModelState.AddModelError(field, fb.Message.ToString());
        if (!await LoadAsync(orgId)) return NotFound();
        Section = keep(Section);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid orgId)
    {
        var ct = HttpContext.RequestAborted;
        if (await UpdatesSection.LoadAsync(updates, clock, orgId, ct) is not { } section) return false;
        Section = section;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.NameTh, o.NameEn }).SingleAsync(ct);
        OrganizationName = Bilingual.T(org.NameTh, org.NameEn);
        return true;
    }
}
