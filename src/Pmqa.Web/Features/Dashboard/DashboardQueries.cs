using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>The dashboard's use cases for the API and the pages: the round's figures, the drill-down list, the trend
/// over fiscal years and an agency's benchmark. All read stored cards (<see cref="RoundFacts"/>); none scores answers.</summary>
public sealed class DashboardQueries(PmqaDbContext db, RoundFacts facts, Assessments.ScoreCards cards, CardScoreReader reader)
{
    /// <summary>Fewer organisations than this and a benchmark would all but name them: nothing is shown.</summary>
    public const int MinimumGroup = 5;

    public async Task<Outcome<DashboardView>> DashboardAsync(Guid roundId, DashboardFilter filter, string? sort, bool? desc, int? page, CancellationToken ct = default)
    {
        var loaded = await facts.LoadAsync(roundId, filter, ct);
        if (loaded is not Outcome<RoundData>.Ok { Value: var data }) return loaded.As<DashboardView>();
        if (Sorting.Parse(sort, desc, page, data.Pack) is not { } sorting)
            return new ValidationErrors().Add("sort", "เรียงได้ตาม code, name, total, verified หรือรหัสประเด็น", "Sort by code, name, total, verified or an issue's code.");
        // Only what the figures need is read beyond the totals (ADR 0023): the ticks of the submitted (their stored counts
        // on PostgreSQL), the heat map's page (ordered and paged in SQL when sorted by an issue) and the statistics (SQL on PostgreSQL).
        var scored = data.Facts.Where(f => f.Scored).ToList();
        if (reader.CanBatch(data))
        {
            // PostgreSQL without a band filter: the stored statistics (ADR 0031), ticked counts (ADR 0035) and the page
            // in one trip.
            var (oneTripPage, statistics, ticked) = await reader.FiguresInOneTripAsync(data, scored, sorting, ct);
            return RoundDashboard.Build(data, sorting, statistics, oneTripPage, ticked);
        }
        await reader.FillTicksAsync(scored, ct);
        var heatPage = await reader.HeatmapPageAsync(data.Pack, scored, sorting, ct);
        var stats = await reader.StatisticsAsync(data, ct);
        return RoundDashboard.Build(data, sorting, stats, heatPage);
    }

    public async Task<Outcome<OrganizationList>> OrganizationsAsync(Guid roundId, DashboardFilter filter, DrillQuery query, CancellationToken ct = default)
    {
        var loaded = await facts.LoadAsync(roundId, filter, ct);
        if (loaded is not Outcome<RoundData>.Ok { Value: var data }) return loaded.As<OrganizationList>();
        // The one column the list filters or sorts on is read for the round's assessments, nothing more.
        var verifiedBasis = query.AtThreshold == true || string.Equals(query.Basis, "verified", StringComparison.OrdinalIgnoreCase);
        if (query.MissedItem is not null) await reader.FillTicksAsync(data.Facts, ct);
        if (verifiedBasis && (query.Category is not null || query.Dimension is not null)) await reader.FillVerifiedAsync(data.Pack, data.Facts, ct);
        if (!verifiedBasis && query.Category is not null) await reader.FillSelfAsync(data.Pack, data.Facts, AssessmentCardScore.Category, query.Category, ct);
        if (!verifiedBasis && query.Dimension is not null) await reader.FillSelfAsync(data.Pack, data.Facts, AssessmentCardScore.Dimension, query.Dimension, ct);
        if (query.Issue is not null) await reader.FillSelfAsync(data.Pack, data.Facts, AssessmentCardScore.Issue, query.Issue, ct);
        if (query.Sort is { } sortKey && data.Pack.FindIssue(sortKey.Trim()) is not null)
            await reader.FillSelfAsync(data.Pack, data.Facts, AssessmentCardScore.Issue, sortKey.Trim(), ct);
        return OrganizationDrill.List(data, query);
    }

    /// <summary>Every fiscal year's assessments (all rounds of the year together) with the quartiles of their totals:
    /// the stored self-assessed total of the submitted ones and the verified total.</summary>
    public async Task<Outcome<TrendView>> TrendAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var parents = await facts.ParentsAsync(ct);
        var errors = new ValidationErrors();
        Guid? Parent(string? code, OrganizationType type, string field)
        {
            if (code is null) return null;
            var found = parents.Values.FirstOrDefault(p => p.Type == type && string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
            if (found is null) errors.Add(field, "ไม่พบหน่วยงานรหัสนี้", "No organisation has this code.");
            return found?.Id;
        }
        var ministry = Parent(filter.Ministry, OrganizationType.Ministry, "ministry");
        var cluster = Parent(filter.Cluster, OrganizationType.ProvinceCluster, "cluster");
        if (errors.Any) return errors;

        var query = db.Assessments.AsNoTracking();
        if (filter.Type is { } type) query = query.Where(a => a.Organization!.Type == type);
        if (ministry is { } m) query = query.Where(a => a.Organization!.ParentId == m);
        if (cluster is { } c) query = query.Where(a => a.Organization!.ParentId == c);
        var rows = await query.Select(a => new { a.Id, a.Round!.FiscalYear, a.Round.SiteVisitThreshold, a.State, a.VerifiedTotal }).ToListAsync(ct);
        var totals = await db.AssessmentScoreCards.AsNoTracking().Where(c => query.Select(a => a.Id).Contains(c.AssessmentId))
            .Select(c => new { c.AssessmentId, c.Total }).ToDictionaryAsync(c => c.AssessmentId, c => c.Total, ct);
        var years = rows.GroupBy(r => r.FiscalYear).OrderBy(g => g.Key).Select(g =>
        {
            var submitted = g.Where(r => r.State >= Domain.Assessments.AssessmentState.Submitted).ToList();
            var verified = g.Where(r => r.VerifiedTotal is not null).ToList();
            return new TrendYear(g.Key, g.Count(), submitted.Count, verified.Count, g.Count(r => r.State == Domain.Assessments.AssessmentState.Certified),
                verified.Count(r => r.VerifiedTotal >= r.SiteVisitThreshold),
                RoundDashboard.View(Statistics.QuartilesOf(submitted.Where(r => totals.ContainsKey(r.Id)).Select(r => Scoring.Round(totals[r.Id])))),
                RoundDashboard.View(Statistics.QuartilesOf(verified.Select(r => r.VerifiedTotal!.Value))));
        }).ToList();
        return new TrendView(RoundDashboard.FilterOf(filter with { Band = null }), years);
    }

    /// <summary>
    /// The agency's self-assessed total and category scores placed among the submitted organisations of its type in
    /// the same round (percentile ranks, <see cref="Statistics.PercentileRank"/>), with the group's median. Nothing but
    /// the group's size is shown for a group smaller than <see cref="MinimumGroup"/>: no names, ever.
    /// </summary>
    public async Task<Outcome<BenchmarkView>> BenchmarkAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var own = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId)
            .Select(a => new { a.RoundId, a.Organization!.Type }).SingleOrDefaultAsync(ct);
        if (own is null) return new Outcome<BenchmarkView>.NotFound();
        // The agency's own card is brought up to date; its peers' are read as stored (a peer whose card predates the
        // dashboard's figures is left out until its next read or save computes them).
        await cards.ReadAsync(await db.Assessments.Include(a => a.Round).SingleAsync(a => a.Id == assessmentId, ct), ct);
        var loaded = await facts.LoadAsync(own.RoundId, DashboardFilter.All with { Type = own.Type }, ct, refreshStale: false);
        if (loaded is not Outcome<RoundData>.Ok { Value: var data }) return loaded.As<BenchmarkView>();
        // Only the group (the submitted of the type) and the agency itself are read: drafts and not-started ones of
        // the type count in neither.
        await reader.FillSelfAsync(data.Pack, [.. data.Facts.Where(f => f.Scored || f.AssessmentId == assessmentId)], AssessmentCardScore.Category, ct: ct);
        var group = data.Facts.Where(f => f.Scored && f.Self.Categories.Length > 0).ToList();
        // Not started: a card may not exist yet, and the agency's figures are then all 0.
        var me = data.Facts.Single(f => f.AssessmentId == assessmentId);
        if (group.Count < MinimumGroup)
            return new BenchmarkView(assessmentId, own.Type.ApiName(), group.Count, MinimumGroup, false, null, []);

        BenchmarkPart Part(string code, string th, string en, Func<AssessmentFact, decimal> score)
        {
            var scores = group.Select(score).ToList();
            var mine = score(me);
            return new BenchmarkPart(code, th, en, mine, Statistics.PercentileRank(scores, mine)!.Value, Statistics.QuartilesOf(scores)!.Median);
        }
        var total = Part("total", "คะแนนรวม", "Total", f => Scoring.Round(f.SelfTotal));
        var categories = data.Pack.Categories.Select((c, i) => Part(c.Code, c.NameTh, c.NameEn,
            f => f.Self.Categories.Length > i ? Scoring.Round(f.Self.Categories[i]) : 0)).ToList();
        return new BenchmarkView(assessmentId, own.Type.ApiName(), group.Count, MinimumGroup, true, total, categories);
    }
}
