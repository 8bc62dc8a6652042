using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Practices;
using Pmqa.Web.Features.Evidence;

namespace Pmqa.Web.Features.Practices;

/// <summary>The library of good practice: approved examples, filtered by issue and searched in Thai or English.
/// A plain GET form, so a search is a link that can be shared and works without JavaScript.</summary>
public sealed class IndexModel(PracticeQueries queries, PmqaDbContext db, Infrastructure.Auth.CurrentUser me) : PageModel
{
    public bool IsOpdc { get; private set; }
    public string? Issue { get; private set; }
    public string? Q { get; private set; }
    public IReadOnlyList<PracticeSummary> Results { get; private set; } = [];
    /// <summary>Issues that have approved examples, for the filter.</summary>
    public IReadOnlyList<(string Code, string NameTh, string NameEn)> Issues { get; private set; } = [];

    public async Task OnGetAsync(string? issue, string? q)
    {
        Issue = string.IsNullOrWhiteSpace(issue) ? null : issue.Trim();
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Results = await queries.ListAsync(Issue, Q);
        IsOpdc = await me.SeesAllOrganizationsAsync();
        var issues = await db.SharedPractices.AsNoTracking().Where(p => p.Status == PracticeStatus.Approved)
            .Select(p => new { p.IssueCode, p.IssueNameTh, p.IssueNameEn }).Distinct().ToListAsync();
        Issues = [.. issues.GroupBy(i => i.IssueCode).Select(g => (g.Key, g.First().IssueNameTh, g.First().IssueNameEn))
            .OrderBy(i => i.Key, IssueCodeOrder.Instance)];
    }
}
