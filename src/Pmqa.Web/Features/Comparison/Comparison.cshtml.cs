using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Comparison;

/// <summary>What moved since last year: the total and categories (a small chart and a table), every issue then and now
/// with last year's gap closed or not, the category 7 indicators by fiscal year with their trend, and whether the issues
/// each project of last year's approved plan addressed improved.</summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class ComparisonModel(ComparisonQueries queries) : PageModel
{
    public ComparisonView View { get; private set; } = null!;
    public Assessment Assessment { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (await queries.CompareAsync(assessmentId, HttpContext.RequestAborted) is not Outcome<ComparisonFound>.Ok { Value: var found }) return NotFound();
        (Assessment, Pack, View) = (found.Assessment, found.Pack, found.View);
        return Page();
    }

    /// <summary>Every fiscal year some indicator has a value for, oldest first: the indicator table's columns.</summary>
    public IReadOnlyList<int> IndicatorYears => [.. View.Indicators.SelectMany(i => i.Values).Select(v => v.FiscalYear).Distinct().Order()];

    public string IssueName(string code) => Pack.FindIssue(code) is { } i ? (Bilingual.IsThai ? i.NameTh : i.NameEn) : "";

    public static string LevelName(string? level) =>
        level is not null && Enum.TryParse<MaturityLevel>(level, out var l) ? Bilingual.T(l.DisplayName()) : "–";
}
