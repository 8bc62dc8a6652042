using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>What-if figures as the page shows them and its script receives them: texts ready to show.</summary>
public sealed record WhatIfFigures(string Total, string Status, bool SiteVisit, string SiteVisitText, IReadOnlyDictionary<string, string> Categories);

/// <summary>
/// "เส้นทางสู่คะแนนเป้าหมาย": the fewest ticks to a target total, issue by issue, and a what-if mode where the person
/// ticks and unticks hypothetically and sees the total, the category scores and the site-visit line move. Nothing
/// on this page is saved: the what-if form posts to a handler that only scores (its script asks for JSON).
/// </summary>
[Authorize(Policy = Infrastructure.Auth.Policies.AssessmentMember)]
public sealed class PathModel(PathQueries paths) : PageModel
{
    /// <summary>The target as typed (kept as text so a wrong entry is shown back as typed).</summary>
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    /// <summary>The hypothetical ticks of the what-if form (item codes are unique across the framework).</summary>
    [BindProperty] public List<string> Tick { get; set; } = [];

    public Assessment Assessment { get; private set; } = null!;
    public FrameworkPack Pack { get; private set; } = null!;
    public ScoreCard Now { get; private set; } = null!;
    public PathView? Path { get; private set; }
    public string? TargetError { get; private set; }
    /// <summary>The item codes ticked as saved now (uncounted ticks included).</summary>
    public HashSet<string> Saved { get; private set; } = [];
    public WhatIfFigures Figures { get; private set; } = null!;
    public bool WhatIfShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        Tick = [.. Saved];
        return Page();
    }

    public async Task<IActionResult> OnPostWhatIfAsync(Guid assessmentId)
    {
        if (!await LoadAsync(assessmentId)) return NotFound();
        var byIssue = Pack.Issues.Where(i => i.Kind == IssueKind.Process).ToDictionary(i => i.Code,
            i => i.Levels.SelectMany(l => l.Items).Select(x => x.Code).Where(Tick.Contains).ToList());
        var outcome = await paths.WhatIfAsync(assessmentId, new WhatIfBody(byIssue));
        if (outcome is not Outcome<ScoreJson>.Ok { Value: var card }) return NotFound();
        Figures = FiguresOf(card.Total, card.Status, card.SiteVisitEligible, card.Categories.ToDictionary(c => c.Code, c => c.Score));
        if (Request.Headers.XRequestedWith == "fetch") return new JsonResult(Figures);
        WhatIfShown = true;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid assessmentId)
    {
        decimal? target = null;
        if (!string.IsNullOrWhiteSpace(Target))
        {
            if (decimal.TryParse(Target.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var t)) target = t;
            else TargetError = T("กรุณาระบุคะแนนเป้าหมายเป็นตัวเลข เช่น 350", "Enter the target as a number, e.g. 350.");
        }
        var outcome = await paths.PathAsync(assessmentId, TargetError is null ? target : null);
        if (outcome is Outcome<PathFound>.Invalid invalid)
        {
            TargetError = invalid.Errors.All[0].Message.ToString();
            outcome = await paths.PathAsync(assessmentId, null);
        }
        if (outcome is not Outcome<PathFound>.Ok { Value: var found }) return false;
        (Assessment, Pack, Now) = (found.Assessment, found.Pack, found.Now);
        if (TargetError is null) Path = found.Path;
        Target ??= found.Path.Target.ToString("0.##", CultureInfo.InvariantCulture);
        Saved = [.. found.Answers.Values.SelectMany(a => a.Checked)];
        Figures = FiguresOf(Now.RoundedTotal, Now.Status.ToString(), Now.SiteVisitEligible, Now.Categories.ToDictionary(c => c.Code, c => c.Rounded));
        return true;
    }

    private WhatIfFigures FiguresOf(decimal total, string status, bool siteVisit, IReadOnlyDictionary<string, decimal> categories)
    {
        var threshold = Assessment.Round!.SiteVisitThreshold;
        var level = Enum.TryParse<MaturityLevel>(status, out var l) ? l : MaturityLevel.None;
        var siteVisitText = siteVisit
            ? T($"ถึงเกณฑ์ขอรับการตรวจ ณ พื้นที่ ({threshold:0.##} คะแนน)", $"At or above the site-visit line ({threshold:0.##})")
            : T($"ยังต่ำกว่าเกณฑ์ตรวจ ณ พื้นที่ ({threshold:0.##} คะแนน) อีก {threshold - total:0.00} คะแนน", $"{threshold - total:0.00} below the site-visit line ({threshold:0.##})");
        return new WhatIfFigures(total.ToString("0.00", CultureInfo.InvariantCulture), T(level.DisplayName()), siteVisit, siteVisitText,
            categories.ToDictionary(c => c.Key, c => c.Value.ToString("0.00", CultureInfo.InvariantCulture)));
    }

    private static string T((string Th, string En) text) => Bilingual.T(text.Th, text.En);
    private static string T(string th, string en) => Bilingual.T(th, en);
}
