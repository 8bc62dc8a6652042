using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>One progress update as it was sent (ADR 0027): its figures, note, who sent and approved it, and the copy
/// of the register it froze, so OPDC and the executive read exactly what was reported, whatever the register says now.</summary>
public sealed class UpdateModel(DigitalUpdates updates, PmqaDbContext db) : PageModel
{
    public UpdateDetail Detail { get; private set; } = null!;
    public Guid OrgId { get; private set; }
    public string OrganizationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid orgId, Guid updateId)
    {
        var ct = HttpContext.RequestAborted;
        if (await updates.GetAsync(orgId, updateId, ct) is not Outcome<UpdateDetail>.Ok { Value: var detail }) return NotFound();
        Detail = detail;
        OrgId = orgId;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.NameTh, o.NameEn }).SingleAsync(ct);
        OrganizationName = Bilingual.T(org.NameTh, org.NameEn);
        return Page();
    }
}
