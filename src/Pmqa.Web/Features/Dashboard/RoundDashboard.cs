using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// Every figure of OPDC's dashboard from a round's loaded facts, with the statistics of <see cref="Statistics"/>.
/// Self-assessed figures count the submitted assessments (approved by their executive and later); verified ones
/// those with a verified score; progress counts every organisation of the round.
/// </summary>
public static class RoundDashboard
{
    public const int PageSize = 50;
    public const int MissedListed = 20;

    /// <param name="heatPage">The heat map's page as read (<see cref="CardScoreReader.HeatmapPageAsync"/>); null: sorted
    /// and paged here from facts whose scores are all read (the exports).</param>
    /// <param name="ticked">The stored ticked counts of the submitted (ADR 0035); null: counted from the facts' ticks.</param>
    public static DashboardView Build(RoundData data, Sorting heatmap, PartStatistics stats, IReadOnlyList<AssessmentFact>? heatPage = null, TickedCounts? ticked = null)
    {
        var facts = data.Facts;
        var scored = facts.Where(f => f.Scored).ToList();
        var verified = facts.Where(f => f.IsVerified).ToList();
        var threshold = data.Round.SiteVisitThreshold;
        return new DashboardView(
            data.Round.Id, data.Round.FiscalYear, FilterOf(data.Filter), facts.Count, scored.Count, verified.Count,
            Progress(data), Distribution(scored, verified), Categories(data.Pack, stats),
            Heatmap(data, scored, heatmap, heatPage), Dimensions(data.Pack, stats),
            new AtThresholdView(threshold, scored.Count(f => Scoring.Round(f.SelfTotal) >= threshold), verified.Count(f => f.VerifiedTotal >= threshold),
                [.. verified.Where(f => f.VerifiedTotal >= threshold).OrderByDescending(f => f.VerifiedTotal).ThenBy(f => f.Code, StringComparer.Ordinal)
                    .Take(PageSize).Select(f => Row(f, null))]),
            ticked is null ? Missed(data.Pack, scored, MissedListed) : Missed(data.Pack, ticked.National(TickStrings.Items(data.Pack).Count), scored.Count, MissedListed),
            data.Filter.Type is null
                ? [.. scored.GroupBy(f => f.Type).OrderBy(g => g.Key).Select(g => new MissedByType(g.Key.ApiName(), ticked is null
                    ? Missed(data.Pack, [.. g], 10)
                    : Missed(data.Pack, ticked.Of(g.Key, TickStrings.Items(data.Pack).Count), g.Count(), 10)))]
                : []);
    }

    public static FilterView FilterOf(DashboardFilter f) => new(f.Type?.ApiName(), f.Ministry, f.Cluster, f.Band?.ToString().ToLowerInvariant());

    private static ProgressView Progress(RoundData data)
    {
        var byType = data.Facts.GroupBy(f => f.Type).OrderBy(g => g.Key)
            .Select(g => new ProgressRow(g.Key.ApiName(), g.Key.DisplayName().Th, g.Key.DisplayName().En, Count(g))).ToList();
        var byGroup = data.Facts.GroupBy(f => f.ParentId is { } p && data.Parents.TryGetValue(p, out var parent) ? parent : null)
            .Select(g => g.Key is { } p
                ? new ProgressRow(p.Code, p.NameTh, p.NameEn, Count(g))
                : new ProgressRow("", "ไม่สังกัดกระทรวงหรือกลุ่มจังหวัด", "Under no ministry or cluster", Count(g)))
            .OrderBy(r => r.Key.Length == 0).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new ProgressView(Count(data.Facts), byType, byGroup);
    }

    private static StageCounts Count(IEnumerable<AssessmentFact> facts)
    {
        var n = new int[7];
        foreach (var f in facts) n[(int)f.Stage]++;
        return new StageCounts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    private static IReadOnlyList<DistributionBin> Distribution(List<AssessmentFact> scored, List<AssessmentFact> verified)
    {
        var self = Statistics.Histogram(scored.Select(f => Scoring.Round(f.SelfTotal)), 50, 500);
        var checkedScores = Statistics.Histogram(verified.Select(f => f.VerifiedTotal ?? 0), 50, 500);
        return [.. self.Select((b, i) => new DistributionBin(b.From, b.To, b.Count, checkedScores[i].Count))];
    }

    private static IReadOnlyList<CategoryFigure> Categories(FrameworkPack pack, PartStatistics stats) =>
        [.. pack.Categories.Select(c =>
        {
            var self = stats.Self.GetValueOrDefault((Data.Entities.AssessmentCardScore.Category, c.Code));
            return new CategoryFigure(c.Code, c.NameTh, c.NameEn, self?.Median, self?.Q1, self?.Q3, self?.Count ?? 0,
                View(stats.Verified.GetValueOrDefault((Data.Entities.AssessmentCardScore.Category, c.Code))), stats.Overstatement.GetValueOrDefault(c.Code));
        })];

    private static IReadOnlyList<DimensionFigure> Dimensions(FrameworkPack pack, PartStatistics stats) =>
        [.. pack.Dimensions.Select(d => new DimensionFigure(d.Code, d.NameTh, d.NameEn,
            View(stats.Self.GetValueOrDefault((Data.Entities.AssessmentCardScore.Dimension, d.Code))),
            View(stats.Verified.GetValueOrDefault((Data.Entities.AssessmentCardScore.Dimension, d.Code)))))];

    public static QuartileView? View(Quartiles? q) => q is null ? null : new QuartileView(q.Count, q.Q1, q.Median, q.Q3);

    /// <summary>The items most often left unticked by the given assessments, most missed first.</summary>
    public static IReadOnlyList<MissedItem> Missed(FrameworkPack pack, IReadOnlyList<AssessmentFact> scored, int take) =>
        Missed(pack, Statistics.TickedCounts(scored.Select(f => f.Ticks), TickStrings.Items(pack).Count), scored.Count, take);

    /// <summary>The items most often left unticked, from each item's ticked count among <paramref name="scored"/>
    /// assessments (counted from their tick strings, or stored, ADR 0035); most missed first, ties in the items' order.</summary>
    public static IReadOnlyList<MissedItem> Missed(FrameworkPack pack, IReadOnlyList<int> ticked, int scored, int take)
    {
        var items = TickStrings.Items(pack);
        // The stored counts are read in a statement after the facts: a submission committed between the two can leave
        // an item ticked by more than the facts' scored count for that one answer. Never show a negative miss.
        ticked = [.. ticked.Select(n => Math.Clamp(n, 0, scored))];
        if (Statistics.MissedSharesOfCounts(ticked, scored) is not { } shares) return [];
        return [.. items.Select((x, i) => (x, i)).OrderByDescending(t => shares[t.i]).ThenBy(t => t.i).Take(take).Select(t =>
        {
            var level = t.x.Issue.Levels.First(l => l.Items.Contains(t.x.Item)).Level;
            return new MissedItem(t.x.Item.Code, t.x.Issue.Code, level.ToString(), t.x.Item.TextTh, t.x.Item.TextEn, shares[t.i], scored - ticked[t.i], scored);
        })];
    }

    private static HeatmapView Heatmap(RoundData data, List<AssessmentFact> scored, Sorting sorting, IReadOnlyList<AssessmentFact>? page)
    {
        var issues = data.Pack.Issues.Select(i => i.Code).ToList();
        page ??= [.. Sort(data.Pack, scored, sorting, f => Scoring.Round(f.SelfTotal)).Skip((sorting.Page - 1) * PageSize).Take(PageSize)];
        var rows = page.Select(f => new HeatRow(
            f.AssessmentId, f.OrganizationId, f.Code, f.NameTh, f.NameEn, f.Type.ApiName(), Scoring.Round(f.SelfTotal), f.VerifiedTotal,
            f.Band.ToString(), [.. f.Self.Issues.Select(Scoring.Round)])).ToList();
        return new HeatmapView(issues, sorting.Key, sorting.Descending, sorting.Page, PageSize, scored.Count, rows);
    }

    /// <summary>Orders by "code", "name", "total", "verified", "score" (the figure drilled into) or an issue's code; ties by code.</summary>
    public static IEnumerable<AssessmentFact> Sort(FrameworkPack pack, IEnumerable<AssessmentFact> facts, Sorting sorting, Func<AssessmentFact, decimal?> score)
    {
        var issueIndex = pack.Issues.Select(i => i.Code).ToList().IndexOf(sorting.Key);
        Func<AssessmentFact, IComparable?> key = sorting.Key switch
        {
            "code" => f => f.Code,
            "name" => f => f.NameTh,
            "total" => f => Scoring.Round(f.SelfTotal),
            "verified" => f => f.VerifiedTotal,
            "score" => f => score(f),
            _ when issueIndex >= 0 => f => f.Self.Issues.Length > issueIndex ? Scoring.Round(f.Self.Issues[issueIndex]) : null,
            _ => f => score(f),
        };
        var ordered = sorting.Descending ? facts.OrderByDescending(key, Comparer<IComparable?>.Default) : facts.OrderBy(key, Comparer<IComparable?>.Default);
        return ordered.ThenBy(f => f.Code, StringComparer.Ordinal);
    }

    public static OrganizationRow Row(AssessmentFact f, decimal? score) => new(
        f.AssessmentId, f.OrganizationId, f.Code, f.NameTh, f.NameEn, f.Type.ApiName(), f.State.ToString(), f.Stage.ToString(),
        Scoring.Round(f.SelfTotal), f.VerifiedTotal, f.Band.ToString(), score);
}

/// <summary>A sort key, its direction and a page (from 1).</summary>
public sealed record Sorting(string Key, bool Descending, int Page)
{
    public static readonly Sorting Default = new("total", false, 1);

    /// <summary>The sort as typed; null when <paramref name="key"/> names nothing sortable.</summary>
    public static Sorting? Parse(string? key, bool? descending, int? page, FrameworkPack pack, string fallback = "total")
    {
        key = string.IsNullOrWhiteSpace(key) ? fallback : key.Trim();
        if (key is not ("code" or "name" or "total" or "verified" or "score") && pack.FindIssue(key) is null) return null;
        return new Sorting(key, descending ?? false, Math.Max(1, page ?? 1));
    }
}

/// <summary>The stored ticked counts of a round's submitted organisations of the filter, per organisation type and
/// item position (ADR 0035): what the "most-missed items" read instead of every tick string.</summary>
public sealed record TickedCounts(IReadOnlyDictionary<OrganizationType, int[]> ByType)
{
    /// <summary>The counts of one type, for the pack's <paramref name="items"/> (positions past them are no item).</summary>
    public int[] Of(OrganizationType type, int items)
    {
        var counts = new int[items];
        if (ByType.TryGetValue(type, out var stored)) Array.Copy(stored, counts, Math.Min(items, stored.Length));
        return counts;
    }

    /// <summary>The counts of every type together.</summary>
    public int[] National(int items)
    {
        var counts = new int[items];
        foreach (var stored in ByType.Values)
            for (var i = 0; i < Math.Min(items, stored.Length); i++) counts[i] += stored[i];
        return counts;
    }
}
