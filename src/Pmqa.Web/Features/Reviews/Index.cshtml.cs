using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Assessments;

namespace Pmqa.Web.Features.Reviews;

/// <summary>The reviewer's desk: every assessment it reviews, with where its own review stands. An OPDC
/// officer also sees the submitted assessments still waiting for a review team, each one click from its team page.</summary>
public sealed class IndexModel(ReviewQueries queries, Infrastructure.Auth.CurrentUser me, Data.PmqaDbContext db) : PageModel
{
    public sealed record Waiting(Guid AssessmentId, string OrganizationCode, string NameTh, string NameEn, int FiscalYear, DateTimeOffset? SubmittedAt);

    public IReadOnlyList<MyAssignment> Assignments { get; private set; } = [];
    public IReadOnlyList<Waiting> WaitingForTeam { get; private set; } = [];
    public bool SeesAll { get; private set; }

    public async Task OnGetAsync()
    {
        Assignments = await queries.MineAsync(HttpContext.RequestAborted);
        SeesAll = await me.SeesAllOrganizationsAsync();
        if (SeesAll)
            WaitingForTeam = (await db.Assessments.AsNoTracking().Where(a => a.State == AssessmentState.Submitted)
                .Select(a => new Waiting(a.Id, a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn, a.Round!.FiscalYear, a.SubmittedAt))
                .ToListAsync(HttpContext.RequestAborted)).OrderBy(w => w.SubmittedAt).ToList();
    }
}
