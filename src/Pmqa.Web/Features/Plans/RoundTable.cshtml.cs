using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Plans;

/// <summary>OPDC's table of every agency of a round: plan status, approved budget, actions on track / late / done, reports submitted.</summary>
[Authorize(Policy = Policies.OpdcOfficer)]
public sealed class RoundTableModel(PlanQueries queries, PmqaDbContext db) : PageModel
{
    public int FiscalYear { get; private set; }
    public Guid RoundId { get; private set; }
    public List<RoundPlanRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid roundId)
    {
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId).Select(r => new { r.FiscalYear }).SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (round is null) return NotFound();
        (FiscalYear, RoundId) = (round.FiscalYear, roundId);
        Rows = await queries.RoundAsync(roundId, HttpContext.RequestAborted);
        return Page();
    }
}
