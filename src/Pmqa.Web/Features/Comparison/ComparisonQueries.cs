using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Plans;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Plans;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Comparison;

/// <summary>One issue then and now. <see cref="GapClosed"/>: last year's gap target reached now (null when there was no
/// gap to close); <see cref="Selected"/>: the agency chose to act on that gap last year.</summary>
public sealed record IssueChangeView(
    string IssueCode, string CategoryCode, decimal? PreviousScore, decimal Score, string? PreviousLevel, string Level, decimal? Change,
    bool Improved, string? TargetLevel, bool Selected, bool? GapClosed);

public sealed record CategoryChangeView(string Code, decimal? PreviousScore, decimal Score);

/// <summary>A category 7 indicator across the organisation's assessments; trend: improving, steady, worsening, unknown.</summary>
public sealed record IndicatorTrendView(string IssueCode, string Name, string Unit, string Direction, decimal? Target,
    IReadOnlyList<YearValue> Values, string Trend);

/// <summary>A project of last year's approved plan and whether the issues it addressed improved.</summary>
public sealed record ProjectOutcomeView(Guid ProjectId, Guid PlanId, string Horizon, string Title, IReadOnlyList<string> IssueCodes,
    IReadOnlyList<string> IssuesImproved, IReadOnlyList<string> IssuesNotImproved);

/// <summary>
/// An assessment against the same organisation's assessment of the previous fiscal year. With none, <see cref="HasPrevious"/>
/// is false, the previous values are null and there are no projects; the indicators still show the years this
/// assessment reports.
/// </summary>
public sealed record ComparisonView(
    Guid AssessmentId, int FiscalYear, bool HasPrevious, Guid? PreviousAssessmentId, int? PreviousFiscalYear, decimal Total, decimal? PreviousTotal,
    IReadOnlyList<CategoryChangeView> Categories, IReadOnlyList<IssueChangeView> Issues, IReadOnlyList<IndicatorTrendView> Indicators,
    IReadOnlyList<ProjectOutcomeView> Projects);

/// <summary>The comparison with what the page needs around it.</summary>
public sealed record ComparisonFound(Assessment Assessment, FrameworkPack Pack, ComparisonView View);

/// <summary>
/// Step 5 of the improvement loop (workflow.md): what moved since last year. Self-assessed scores on both sides, from
/// the stored score cards (the verified ones are on each year's feedback report, and this year's may not exist yet).
/// </summary>
public sealed class ComparisonQueries(PmqaDbContext db, AssessmentAccess access, ScoreCards cards)
{
    public async Task<Outcome<ComparisonFound>> CompareAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<ComparisonFound>(found);
        var (pack, now) = await cards.ReadAsync(assessment, ct);
        var previous = await PreviousAsync(assessment.OrganizationId, assessment.Round!.FiscalYear, ct);
        ScoreCard? before = previous is null ? null : (await cards.ReadAsync(previous, ct)).Card;
        var settings = previous is null ? [] : await db.GapSettings.AsNoTracking().Where(g => g.AssessmentId == previous.Id)
            .ToDictionaryAsync(g => g.IssueCode, ct);

        var beforeIssues = before?.Issues.ToDictionary(i => i.Code) ?? [];
        var changes = now.Issues.Select(i => IssueChanges.Of(i.Code,
                beforeIssues.GetValueOrDefault(i.Code) is { } b ? (b.Rounded, b.Level) : null, (i.Rounded, i.Level),
                settings.GetValueOrDefault(i.Code)?.TargetLevel))
            .ToDictionary(c => c.IssueCode);
        var issues = now.Issues.Select(i =>
        {
            var c = changes[i.Code];
            return new IssueChangeView(c.IssueCode, pack.CategoryOf(pack.FindIssue(i.Code)!).Code, c.PreviousScore, c.Score, c.PreviousLevel?.ToString(),
                c.Level.ToString(), c.Change, c.Improved, c.TargetLevel?.ToString(), settings.GetValueOrDefault(i.Code)?.Selected ?? false, c.GapClosed);
        }).ToList();
        var beforeCategories = before?.Categories.ToDictionary(c => c.Code, c => c.Rounded) ?? [];
        var categories = now.Categories.Select(c => new CategoryChangeView(c.Code, beforeCategories.TryGetValue(c.Code, out var s) ? s : null, c.Rounded)).ToList();

        var view = new ComparisonView(assessment.Id, assessment.Round.FiscalYear, previous is not null, previous?.Id, previous?.Round!.FiscalYear,
            now.RoundedTotal, before?.RoundedTotal, categories, issues, await IndicatorsAsync(assessment, pack, ct),
            previous is null ? [] : await ProjectsAsync(previous.Id, changes, ct));
        return new ComparisonFound(assessment, pack, view);
    }

    /// <summary>The organisation's assessment of the fiscal year before <paramref name="fiscalYear"/> (the newest round's,
    /// as "start from last year" picks it), with its round.</summary>
    public async Task<Assessment?> PreviousAsync(Guid organizationId, int fiscalYear, CancellationToken ct = default) =>
        await db.Assessments.AsNoTracking().Include(a => a.Round)
            .Where(a => a.OrganizationId == organizationId && a.Round!.FiscalYear == fiscalYear - 1)
            .OrderByDescending(a => a.Round!.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>The assessment whose comparison measures a plan built on <paramref name="planAssessmentId"/>: the
    /// organisation's assessment of the next fiscal year, if it exists.</summary>
    public async Task<Guid?> NextAssessmentAsync(Guid planAssessmentId, CancellationToken ct = default)
    {
        var from = await db.Assessments.AsNoTracking().Where(a => a.Id == planAssessmentId)
            .Select(a => new { a.OrganizationId, a.Round!.FiscalYear }).SingleOrDefaultAsync(ct);
        if (from is null) return null;
        return await db.Assessments.AsNoTracking()
            .Where(a => a.OrganizationId == from.OrganizationId && a.Round!.FiscalYear == from.FiscalYear + 1)
            .OrderByDescending(a => a.Round!.CreatedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every results-issue indicator across the organisation's assessments up to this one's fiscal year.</summary>
    private async Task<List<IndicatorTrendView>> IndicatorsAsync(Assessment assessment, FrameworkPack pack, CancellationToken ct)
    {
        var year = assessment.Round!.FiscalYear;
        var results = pack.Issues.Where(i => i.Kind == IssueKind.Results).Select(i => i.Code).ToList();
        // One assessment per fiscal year: the newest round's, as for the previous assessment.
        var years = (await db.Assessments.AsNoTracking()
                .Where(a => a.OrganizationId == assessment.OrganizationId && a.Round!.FiscalYear <= year)
                .Select(a => new { a.Id, a.Round!.FiscalYear, a.Round.CreatedAt }).ToListAsync(ct))
            .GroupBy(a => a.FiscalYear).Select(g => g.OrderByDescending(a => a.Id == assessment.Id).ThenByDescending(a => a.CreatedAt).First())
            .ToDictionary(a => a.Id, a => a.FiscalYear);
        var ids = years.Keys.ToList();
        var rows = await db.IssueAnswers.AsNoTracking().Where(a => ids.Contains(a.AssessmentId) && results.Contains(a.IssueCode))
            .Select(a => new IssueAnswer { AssessmentId = a.AssessmentId, IssueCode = a.IssueCode, IndicatorsJson = a.IndicatorsJson })
            .ToListAsync(ct);
        var reports = rows.SelectMany(r => AnswerDocuments.Indicators(r).Select(k => new IndicatorReport(years[r.AssessmentId], r.IssueCode, AnswerDocuments.ToInput(k))));
        var order = results.Select((code, index) => (code, index)).ToDictionary(x => x.code, x => x.index);
        return IndicatorHistories.Of(reports)
            .OrderBy(h => order.GetValueOrDefault(h.IssueCode, int.MaxValue)).ThenBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => new IndicatorTrendView(h.IssueCode, h.Name, h.Unit, h.Direction == Direction.Higher ? "higher" : "lower", h.Target, h.Values,
                h.Trend.ToString().ToLowerInvariant()))
            .ToList();
    }

    /// <summary>Projects of the approved plans (one-year and three-year, their current approved version) built on the previous assessment.</summary>
    private async Task<List<ProjectOutcomeView>> ProjectsAsync(Guid previousId, IReadOnlyDictionary<string, IssueChange> changes, CancellationToken ct)
    {
        var projects = await db.PlanProjects.AsNoTracking()
            .Join(db.ImprovementPlans.Where(p => p.AssessmentId == previousId && p.Status == PlanStatus.Approved), x => x.PlanId, p => p.Id,
                (x, p) => new { x.Id, x.PlanId, p.Horizon, x.Title, x.IssueCodes, x.StartDate })
            .ToListAsync(ct);
        return projects.OrderBy(p => p.Horizon).ThenBy(p => p.StartDate).ThenBy(p => p.Title, StringComparer.Ordinal).Select(p =>
        {
            var codes = PlanQueries.Codes(p.IssueCodes);
            var outcome = IssueChanges.OutcomeOf(codes, changes);
            return new ProjectOutcomeView(p.Id, p.PlanId, PlanNames.Api(p.Horizon), p.Title, codes, outcome.IssuesImproved, outcome.IssuesNotImproved);
        }).ToList();
    }
}
