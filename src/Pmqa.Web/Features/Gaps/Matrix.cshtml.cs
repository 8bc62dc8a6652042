using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>The priority matrix: rated gaps placed by impact (across) and urgency (up), the same figures in a
/// table beside it, and the gaps not rated yet listed as such.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class MatrixModel(GapQueries queries) : PageModel
{
    public GapList List { get; private set; } = null!;

    public IReadOnlyList<GapView> Rated => [.. List.Gaps.Where(g => g.Impact is not null && g.Urgency is not null)
        .OrderByDescending(g => g.Impact * g.Urgency).ThenByDescending(g => g.Impact).ThenBy(g => g.IssueCode, StringComparer.Ordinal)];

    /// <summary>Gaps still open (or selected) without both ratings.</summary>
    public IReadOnlyList<GapView> Unrated => [.. List.Gaps.Where(g => (g.Impact is null || g.Urgency is null) && (!g.Closed || g.Selected))];

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (await queries.ListAsync(assessmentId, GapSide.Self) is not Outcome<GapList>.Ok { Value: var list }) return NotFound();
        List = list;
        return Page();
    }
}
