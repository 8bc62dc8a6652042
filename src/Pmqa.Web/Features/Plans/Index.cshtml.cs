using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

/// <summary>An organisation's improvement plans (every version), and the coordinator's form to make one from a submitted assessment.</summary>
public sealed class IndexModel(PlanQueries queries, PlanCommands commands, PmqaDbContext db, CurrentUser me) : PageModel
{
    public sealed record AssessmentChoice(Guid Id, int FiscalYear, AssessmentState State);

    public Guid OrgId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];
    public List<AssessmentChoice> Assessments { get; private set; } = [];
    public bool CanCreate { get; private set; }

    [BindProperty] public int? FiscalYear { get; set; }
    [BindProperty] public string? Horizon { get; set; } = "oneYear";
    [BindProperty(SupportsGet = true)] public Guid? AssessmentId { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orgId)
    {
        if (!await LoadAsync(orgId)) return NotFound();
        var chosen = Assessments.FirstOrDefault(a => a.Id == AssessmentId) ?? Assessments.FirstOrDefault();
        AssessmentId = chosen?.Id;
        FiscalYear ??= chosen is null ? null : chosen.FiscalYear + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid orgId)
    {
        var outcome = await commands.CreateAsync(orgId, new CreatePlanInput(FiscalYear, Horizon, AssessmentId), HttpContext.RequestAborted);
        switch (outcome)
        {
            case Outcome<Guid>.Ok ok:
                Message = Bilingual.T("สร้างแผนแล้ว เพิ่มโครงการได้เลย", "The plan is made: add its projects.");
                return Redirect(PlanLinks.Page(ok.Value));
            case Outcome<Guid>.NotFound: return NotFound();
            case Outcome<Guid>.Invalid invalid:
                foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message.ToString());
                break;
            case Outcome<Guid>.Conflict c: ModelState.AddModelError("", c.Message.ToString()); break;
            case Outcome<Guid>.Forbidden f: ModelState.AddModelError("", f.Message.ToString()); break;
        }
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid orgId)
    {
        var ct = HttpContext.RequestAborted;
        if (await queries.ListAsync(orgId, ct) is not Outcome<IReadOnlyList<PlanListItem>>.Ok { Value: var plans }) return false;
        Plans = plans;
        OrgId = orgId;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.NameTh, o.NameEn }).SingleAsync(ct);
        OrganizationName = Bilingual.T(org.NameTh, org.NameEn);
        Assessments = (await db.Assessments.AsNoTracking().Where(a => a.OrganizationId == orgId && AssessmentStates.SubmittedOrBeyond.Contains(a.State))
            .Select(a => new { a.Id, a.Round!.FiscalYear, a.State }).ToListAsync(ct))
            .OrderByDescending(a => a.FiscalYear).Select(a => new AssessmentChoice(a.Id, a.FiscalYear, a.State)).ToList();
        CanCreate = await me.HasRoleInAsync(orgId, Role.Coordinator);
        return true;
    }
}
