using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Infrastructure.Data;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// Reads the typed card scores (AssessmentCardScores, ADR 0023) into the facts that a figure shows or filters on,
/// and takes the round's category and dimension statistics: on PostgreSQL in SQL (percentile_cont over the typed
/// self-assessed and verified rows), elsewhere (SQLite, the small embedded default) in .NET from the same rows.
/// </summary>
public sealed partial class CardScoreReader(PmqaDbContext db)
{
    /// <summary>Fills <see cref="AssessmentFact.Self"/> of <paramref name="facts"/> with their stored scores: every
    /// part, or only <paramref name="part"/> (and only <paramref name="code"/>) when a figure needs one column.</summary>
    public async Task FillSelfAsync(FrameworkPack pack, IReadOnlyCollection<AssessmentFact> facts, short? part = null, string? code = null, CancellationToken ct = default)
    {
        if (facts.Count == 0) return;
        var ids = facts.Select(f => f.AssessmentId).ToList();
        var query = db.AssessmentCardScores.AsNoTracking().Where(s => ids.Contains(s.AssessmentId));
        if (part is { } p) query = query.Where(s => s.Part == p);
        if (code is not null) query = query.Where(s => s.Code == code);
        var rows = await query.Select(s => new ScoreRow(s.AssessmentId, s.Part, s.Position, s.Code, s.Score)).ToListAsync(ct);
        // SQLite keeps decimals as text and gives 100 back as 100.0: the trailing zeros are dropped again so that
        // exports show the score as the card computed it.
        Apply(pack, facts, rows, part, text: !db.Database.IsNpgsql());
    }

    /// <summary>One typed card score as read.</summary>
    public sealed record ScoreRow(Guid AssessmentId, short Part, short Position, string Code, decimal Score);

    /// <summary>Sets <see cref="AssessmentFact.Self"/> of <paramref name="facts"/> from their rows; a read of one
    /// <paramref name="part"/> adds to what earlier reads filled.</summary>
    private static void Apply(FrameworkPack pack, IEnumerable<AssessmentFact> facts, IEnumerable<ScoreRow> rows, short? part, bool text)
    {
        var byId = rows.GroupBy(r => r.AssessmentId).ToDictionary(g => g.Key);
        var categories = pack.Categories.Count;
        var issues = pack.Issues.Count();
        foreach (var f in facts)
        {
            if (!byId.TryGetValue(f.AssessmentId, out var own)) continue;
            // A read of one column adds to what earlier reads filled (a drill-down by a category, sorted by an issue).
            var c = part is not null && f.Self.Categories.Length == categories ? f.Self.Categories : new decimal[categories];
            var i = part is not null && f.Self.Issues.Length == issues ? f.Self.Issues : new decimal[issues];
            var d = part is not null ? new Dictionary<string, decimal>(f.Self.Dimensions) : new Dictionary<string, decimal>();
            foreach (var row in own)
            {
                var r = text ? row with { Score = row.Score / 1.000000000000000000000000000000000m } : row;
                if (r.Part == AssessmentCardScore.Category && r.Position < c.Length) c[r.Position] = r.Score;
                else if (r.Part == AssessmentCardScore.Issue && r.Position < i.Length) i[r.Position] = r.Score;
                else if (r.Part == AssessmentCardScore.Dimension) d[r.Code] = r.Score;
            }
            f.Self = new CardFigures(c, d, i);
        }
    }

    /// <summary>Fills <see cref="AssessmentFact.Verified"/> of the verified ones among <paramref name="facts"/> from
    /// the typed verified rows written at confirmation (categories and dimensions; issues are not read).</summary>
    public async Task FillVerifiedAsync(FrameworkPack pack, IEnumerable<AssessmentFact> facts, CancellationToken ct = default)
    {
        var verified = facts.Where(f => f.IsVerified).ToList();
        if (verified.Count == 0) return;
        var ids = verified.Select(f => f.AssessmentId).ToList();
        var rows = await db.AssessmentVerifiedScores.AsNoTracking()
            .Where(s => ids.Contains(s.AssessmentId) && s.Part != AssessmentCardScore.Issue)
            .Select(s => new { s.AssessmentId, s.Part, s.Code, s.Score }).ToListAsync(ct);
        var byId = rows.GroupBy(r => r.AssessmentId).ToDictionary(g => g.Key);
        var categoryIndex = pack.Categories.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);
        // SQLite keeps decimals as text and gives 100.00 back as 100.0: adding 0.00 restores the 2 decimals the
        // verified score (and so its JSON) was rounded to.
        var text = !db.Database.IsNpgsql();
        foreach (var f in verified)
        {
            if (!byId.TryGetValue(f.AssessmentId, out var own)) continue;
            var categories = new decimal?[pack.Categories.Count];
            var dimensions = new Dictionary<string, decimal>();
            foreach (var row in own)
            {
                var score = text ? row.Score + 0.00m : row.Score;
                if (row.Part == AssessmentCardScore.Dimension) dimensions[row.Code] = score;
                else if (categoryIndex.TryGetValue(row.Code, out var i)) categories[i] = score;
            }
            f.Verified = new VerifiedFigures(categories, dimensions);
        }
    }

    /// <summary>
    /// The heat map's page of <paramref name="scored"/> (already filtered), in the order of <see cref="RoundDashboard.Sort"/>,
    /// with every score of the page's rows read. Sorted by an issue on PostgreSQL, the ordering and paging are SQL's:
    /// only the page's 50 ids come back, not one score per organisation of the round.
    /// </summary>
    public async Task<List<AssessmentFact>> HeatmapPageAsync(FrameworkPack pack, IReadOnlyList<AssessmentFact> scored, Sorting sorting, CancellationToken ct = default)
    {
        var skip = (sorting.Page - 1) * RoundDashboard.PageSize;
        List<AssessmentFact> page;
        if (pack.FindIssue(sorting.Key) is not null && db.Database.IsNpgsql())
        {
            var ids = scored.Select(f => f.AssessmentId).ToArray();
            var codes = scored.Select(f => f.Code).ToArray();
            // As RoundDashboard.Sort: the shown (rounded) score, a missing one below any score, ties by code in
            // ordinal order (COLLATE "C"), always ascending.
            var issue = sorting.Key;
            var take = RoundDashboard.PageSize;
            var pageIds = await (sorting.Descending
                ? db.Database.SqlQuery<Guid>($"""
                    SELECT x.id AS "Value" FROM unnest({ids}, {codes}) AS x(id, code)
                    LEFT JOIN "AssessmentCardScores" s ON s."AssessmentId" = x.id AND s."Part" = 2 AND s."Code" = {issue}
                    ORDER BY round(s."Score", 2) DESC NULLS LAST, x.code COLLATE "C" OFFSET {skip} LIMIT {take}
                    """)
                : db.Database.SqlQuery<Guid>($"""
                    SELECT x.id AS "Value" FROM unnest({ids}, {codes}) AS x(id, code)
                    LEFT JOIN "AssessmentCardScores" s ON s."AssessmentId" = x.id AND s."Part" = 2 AND s."Code" = {issue}
                    ORDER BY round(s."Score", 2) ASC NULLS FIRST, x.code COLLATE "C" OFFSET {skip} LIMIT {take}
                    """)).ToListAsync(ct);
            var byId = scored.ToDictionary(f => f.AssessmentId);
            page = [.. pageIds.Select(id => byId[id])];
        }
        else
        {
            if (pack.FindIssue(sorting.Key) is not null) await FillSelfAsync(pack, scored, AssessmentCardScore.Issue, sorting.Key, ct);
            page = [.. RoundDashboard.Sort(pack, scored, sorting, f => Scoring.Round(f.SelfTotal)).Skip(skip).Take(RoundDashboard.PageSize)];
        }
        await FillSelfAsync(pack, page, ct: ct);
        return page;
    }

    /// <summary>Fills <see cref="AssessmentFact.Ticks"/> of <paramref name="facts"/>: one character per checklist item.</summary>
    public async Task FillTicksAsync(IReadOnlyCollection<AssessmentFact> facts, CancellationToken ct = default)
    {
        if (facts.Count == 0) return;
        var ids = facts.Select(f => f.AssessmentId).ToList();
        var ticks = await db.AssessmentScoreCards.AsNoTracking().Where(c => ids.Contains(c.AssessmentId))
            .Select(c => new { c.AssessmentId, c.Ticks }).ToDictionaryAsync(c => c.AssessmentId, c => c.Ticks, ct);
        foreach (var f in facts) f.Ticks = ticks.GetValueOrDefault(f.AssessmentId) ?? "";
    }

    /// <summary>Everything every figure and export reads, for every fact (the exports list every organisation).</summary>
    public async Task FillAllAsync(RoundData data, CancellationToken ct = default)
    {
        await FillSelfAsync(data.Pack, data.Facts, ct: ct);
        await FillVerifiedAsync(data.Pack, data.Facts, ct);
        await FillTicksAsync(data.Facts, ct);
    }

    /// <summary>The category and dimension quartiles (self-assessed over the submitted, verified over the verified)
    /// and the calibration per category: on PostgreSQL from the stored histogram (ADR 0031) unless filtered by band
    /// (a band is the self-assessed total's, which the histogram is not kept by), otherwise from the typed scores.</summary>
    public Task<PartStatistics> StatisticsAsync(RoundData data, CancellationToken ct = default) =>
        db.Database.IsNpgsql() && data.Filter.Band is null ? StoredStatisticsAsync(data, ct) : DirectStatisticsAsync(data, ct);

    /// <summary>
    /// The statistics from <c>DashboardScoreCounts</c> (ADR 0031): the round's buckets of the filter's type and
    /// ministry or cluster, summed per (basis, part, code, score) — a few hundred rows however many organisations —
    /// and the quartiles by a cumulative walk (<see cref="Statistics.QuartilesOfCounts"/>). PostgreSQL only (SQLite
    /// keeps no histogram). The figures are those of <see cref="DirectStatisticsAsync"/>, to the decimal.
    /// </summary>
    public async Task<PartStatistics> StoredStatisticsAsync(RoundData data, CancellationToken ct = default)
    {
        // An empty array makes "= ALL" true: no filter on that column. Ministry and cluster are both the parent.
        string[] types = data.Filter.Type is { } t ? [t.ToString()] : [];
        Guid[] parents = [.. ParentIdsOf(data)];
        var rows = await db.Database.SqlQuery<CountRow>($"""
            SELECT "Basis", "Part", "Code", "Score", sum("Count")::int AS "Count" FROM "DashboardScoreCounts"
            WHERE "RoundId" = {data.Round.Id} AND "OrganizationType" = ALL({types}) AND "ParentId" = ALL({parents})
            GROUP BY "Basis", "Part", "Code", "Score" HAVING sum("Count") <> 0
            """).ToListAsync(ct);
        return FromCounts(rows);
    }

    /// <summary>The statistics from the counts per (basis, part, code, score), shaped as the SQL of
    /// <see cref="DirectStatisticsAsync"/> shapes them: percentile_cont's double gave the interpolated value without
    /// trailing zeros before it was rounded (62.500 → 62.5, 57.7966 → 57.80); the mean gap keeps 2 decimals.</summary>
    public static PartStatistics FromCounts(IEnumerable<CountRow> rows)
    {
        var self = new Dictionary<(short, string), Quartiles>();
        var verified = new Dictionary<(short, string), Quartiles>();
        var over = new Dictionary<string, OverstatementView>();
        foreach (var g in rows.GroupBy(r => (r.Basis, r.Part, r.Code)))
        {
            var counts = g.Select(r => (r.Score, r.Count)).ToList();
            var n = counts.Sum(c => c.Count);
            if (n <= 0) continue;
            decimal At(decimal p) => Scoring.Round(Plain(Statistics.QuantileOfCounts(counts, p)!.Value));
            if (g.Key.Basis == DashboardScoreCount.Calibration)
                over[g.Key.Code] = new OverstatementView(n, Statistics.MeanOfCounts(counts)!.Value + 0.00m, At(0.5m));
            else
                (g.Key.Basis == DashboardScoreCount.Self ? self : verified)[(g.Key.Part, g.Key.Code)] = new Quartiles(n, At(0.25m), At(0.5m), At(0.75m));
        }
        return new PartStatistics(self, verified, over);
    }

    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    private static IEnumerable<Guid> ParentIdsOf(RoundData data)
    {
        foreach (var (code, type) in new[] { (data.Filter.Ministry, OrganizationType.Ministry), (data.Filter.Cluster, OrganizationType.ProvinceCluster) })
        {
            if (code is null) continue;
            // LoadAsync answered 400 for an unknown code already; Guid.Empty here would match organisations under none.
            yield return data.Parents.Values.First(p => p.Type == type && string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)).Id;
        }
    }

    public sealed record CountRow(short Basis, short Part, string Code, decimal Score, int Count);

    /// <summary>The statistics from the typed scores of the round's filtered assessments: percentile_cont on
    /// PostgreSQL, <see cref="PartStatistics.InMemory"/> elsewhere. The band filter's path, and the reference the
    /// histogram is tested against.</summary>
    public async Task<PartStatistics> DirectStatisticsAsync(RoundData data, CancellationToken ct = default)
    {
        if (!db.Database.IsNpgsql())
        {
            await FillSelfAsync(data.Pack, [.. data.Facts.Where(f => f.Scored || f.IsVerified)], ct: ct);
            await FillVerifiedAsync(data.Pack, data.Facts, ct);
            return PartStatistics.InMemory(data);
        }
        var scoredIds = data.Facts.Where(f => f.Scored).Select(f => f.AssessmentId).ToArray();
        var verifiedIds = data.Facts.Where(f => f.IsVerified).Select(f => f.AssessmentId).ToArray();
        // One round trip for the three (basis 0 self over the submitted, 1 verified over the verified, 2 the
        // calibration gaps). percentile_cont interpolates linearly between the closest ranks, as Statistics.QuartilesOf does.
        var rows = await db.Database.SqlQuery<StatisticRow>($"""
            SELECT 0 AS "Basis", s."Part" AS "Part", s."Code" AS "Code", count(*)::int AS "Count",
                   percentile_cont(0.25) WITHIN GROUP (ORDER BY s."Score") AS "Q1",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY s."Score") AS "Median",
                   percentile_cont(0.75) WITHIN GROUP (ORDER BY s."Score") AS "Q3", NULL::numeric AS "Mean"
            FROM "AssessmentCardScores" s
            WHERE s."Part" IN (0, 1) AND s."AssessmentId" = ANY({scoredIds})
            GROUP BY s."Part", s."Code"
            UNION ALL
            SELECT 1, v."Part", v."Code", count(*)::int,
                   percentile_cont(0.25) WITHIN GROUP (ORDER BY v."Score"),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY v."Score"),
                   percentile_cont(0.75) WITHIN GROUP (ORDER BY v."Score"), NULL::numeric
            FROM "AssessmentVerifiedScores" v
            WHERE v."Part" IN (0, 1) AND v."AssessmentId" = ANY({verifiedIds})
            GROUP BY v."Part", v."Code"
            UNION ALL
            -- Calibration: the shown (rounded) self-assessed category score less the verified one, per verified assessment.
            SELECT 2, 0::smallint, g."Code", count(*)::int, 0, percentile_cont(0.5) WITHIN GROUP (ORDER BY g."Gap"), 0, avg(g."Gap")
            FROM (SELECT v."Code" AS "Code", round(s."Score", 2) - v."Score" AS "Gap"
                  FROM "AssessmentVerifiedScores" v
                  -- On the key's columns (both positions are the pack's order): a hash join of the verified
                  -- assessments' rows, where a join on the code alone sorted every round's category rows (ADR 0023).
                  JOIN "AssessmentCardScores" s ON s."AssessmentId" = v."AssessmentId" AND s."Part" = 0 AND s."Position" = v."Position" AND s."Code" = v."Code"
                  WHERE v."Part" = 0 AND v."AssessmentId" = ANY({verifiedIds})) g
            GROUP BY g."Code"
            """).ToListAsync(ct);
        return new PartStatistics(
            rows.Where(r => r.Basis == 0).ToDictionary(r => (r.Part, r.Code), r => r.ToQuartiles()),
            rows.Where(r => r.Basis == 1).ToDictionary(r => (r.Part, r.Code), r => r.ToQuartiles()),
            rows.Where(r => r.Basis == 2).ToDictionary(r => r.Code, r => new OverstatementView(r.Count, Scoring.Round(r.Mean!.Value), Scoring.Round(Exact(r.Median)))));
    }

    /// <summary>percentile_cont answers in double precision: back to the decimal it interpolated (15 significant
    /// digits), so that rounding to 2 decimals gives what <see cref="Statistics.QuartilesOf"/> gives.</summary>
    private static decimal Exact(double value) => (decimal)value;

    public sealed record StatisticRow(int Basis, short Part, string Code, int Count, double Q1, double Median, double Q3, decimal? Mean)
    {
        public Quartiles ToQuartiles() => new(Count, Scoring.Round(Exact(Q1)), Scoring.Round(Exact(Median)), Scoring.Round(Exact(Q3)));
    }
}

/// <summary>The round's category and dimension statistics by (part, code), from SQL or from the facts in memory.</summary>
public sealed record PartStatistics(
    IReadOnlyDictionary<(short Part, string Code), Quartiles> Self,
    IReadOnlyDictionary<(short Part, string Code), Quartiles> Verified,
    IReadOnlyDictionary<string, OverstatementView> Overstatement)
{
    /// <summary>From facts whose <see cref="AssessmentFact.Self"/> (submitted and verified ones) and
    /// <see cref="AssessmentFact.Verified"/> are filled.</summary>
    public static PartStatistics InMemory(RoundData data)
    {
        var scored = data.Facts.Where(f => f.Scored).ToList();
        var verified = data.Facts.Where(f => f.Verified is not null).ToList();
        var self = new Dictionary<(short, string), Quartiles>();
        var ver = new Dictionary<(short, string), Quartiles>();
        var over = new Dictionary<string, OverstatementView>();
        for (var i = 0; i < data.Pack.Categories.Count; i++)
        {
            var code = data.Pack.Categories[i].Code;
            var n = i;
            if (Statistics.QuartilesOf(scored.Where(f => f.Self.Categories.Length > n).Select(f => f.Self.Categories[n])) is { } q) self[(AssessmentCardScore.Category, code)] = q;
            if (Statistics.QuartilesOf(verified.Where(f => f.Verified!.Categories[n] is not null).Select(f => f.Verified!.Categories[n]!.Value)) is { } v) ver[(AssessmentCardScore.Category, code)] = v;
            var gaps = verified.Where(f => f.Verified!.Categories[n] is not null && f.Self.Categories.Length > n)
                .Select(f => Scoring.Round(f.Self.Categories[n]) - f.Verified!.Categories[n]!.Value).ToList();
            if (gaps.Count > 0) over[code] = new OverstatementView(gaps.Count, Statistics.Mean(gaps)!.Value, Statistics.QuartilesOf(gaps)!.Median);
        }
        foreach (var d in data.Pack.Dimensions)
        {
            if (Statistics.QuartilesOf(scored.Where(f => f.Self.Dimensions.ContainsKey(d.Code)).Select(f => f.Self.Dimensions[d.Code])) is { } q) self[(AssessmentCardScore.Dimension, d.Code)] = q;
            if (Statistics.QuartilesOf(verified.Where(f => f.Verified!.Dimensions.ContainsKey(d.Code)).Select(f => f.Verified!.Dimensions[d.Code])) is { } v) ver[(AssessmentCardScore.Dimension, d.Code)] = v;
        }
        return new PartStatistics(self, ver, over);
    }
}
