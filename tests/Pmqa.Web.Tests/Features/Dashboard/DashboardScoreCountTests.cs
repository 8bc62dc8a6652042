using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Dashboard;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Dashboard;

/// <summary>
/// ADR 0031 and 0035: the national dashboard's quartiles and calibration read from the stored histogram, and its
/// most-missed checklist items read from the stored ticked counts (PostgreSQL), equal the direct computation over every
/// organisation's typed scores and tick strings, for every filter (groups under 5 too), after scores, ticks, states,
/// verifications and organisations change, and when many organisations save at once. SQLite keeps neither: there
/// the dashboard's figures are the direct ones.
/// </summary>
public abstract class DashboardScoreCountTests(PmqaApp app)
{
    private bool Postgres => app.Provider == "Postgres";

    private sealed record World(Guid Round, string M1, string M2, string Cluster, List<Guid> Assessments, int Items);

    /// <summary>Organisations of three types under two ministries (7 and 3 departments), a cluster (4 provinces) and
    /// none (2 public organisations), each with a stored card of scores from a few levels (many ties) and a state.</summary>
    private async Task<World> WorldAsync(int seed)
    {
        var admin = await app.AdminApiAsync();
        var m1 = await admin.OrganizationAsync("ministry");
        var m2 = await admin.OrganizationAsync("ministry");
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var orgs = new List<Guid>();
        for (var i = 0; i < 7; i++) orgs.Add((await admin.OrganizationAsync("department", m1.Code)).Id);
        for (var i = 0; i < 3; i++) orgs.Add((await admin.OrganizationAsync("department", m2.Code)).Id);
        for (var i = 0; i < 4; i++) orgs.Add((await admin.OrganizationAsync("province", cluster.Code)).Id);
        for (var i = 0; i < 2; i++) orgs.Add((await admin.OrganizationAsync("publicOrganization")).Id);
        var round = await OpenRoundForAllTypesAsync(admin);
        var random = new Random(seed);
        var items = await ItemsAsync(round);
        var assessments = await app.WithDbAsync(async db =>
        {
            var list = await db.Assessments.Where(a => a.RoundId == round && orgs.Contains(a.OrganizationId)).ToListAsync();
            foreach (var a in list)
            {
                db.AssessmentScoreCards.Add(new AssessmentScoreCard { AssessmentId = a.Id, RulesVersion = 3, Total = random.Next(0, 500), ComputedAt = DateTimeOffset.UtcNow, Ticks = Ticks(random, items) });
                db.AssessmentCardScores.AddRange(Scores(a.Id, random));
                // At least three verified, the others in any state up to verified.
                a.State = list.IndexOf(a) < 3 ? AssessmentState.Verified : (AssessmentState)random.Next(0, 5);
                if (a.State == AssessmentState.Verified) Verify(db, a, random);
            }
            await db.SaveChangesAsync();
            return list.Select(a => a.Id).ToList();
        });
        return new World(round, m1.Code, m2.Code, cluster.Code, assessments, items);
    }

    /// <summary>The number of checklist items of the round's pack (the length of a tick string).</summary>
    private async Task<int> ItemsAsync(Guid round)
    {
        await using var scope = app.Scope();
        var data = Assert.IsType<Outcome<RoundData>.Ok>(await scope.ServiceProvider.GetRequiredService<RoundFacts>().LoadAsync(round, DashboardFilter.All, refreshStale: false)).Value;
        return Pmqa.Domain.Dashboards.TickStrings.Items(data.Pack).Count;
    }

    /// <summary>A tick string: mostly the pack's length, sometimes empty, shorter or longer (past the items: no item);
    /// items ticked with a share that depends on the item, so that the missed shares differ and also tie.</summary>
    private static string Ticks(Random random, int items)
    {
        var length = random.Next(8) switch { 0 => 0, 1 => random.Next(items), 2 => items + 3, _ => items };
        return new string([.. Enumerable.Range(0, length).Select(i => random.Next(4) < i % 4 ? '1' : '0')]);
    }

    private static async Task<Guid> OpenRoundForAllTypesAsync(HttpClient admin)
    {
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var now = DateTimeOffset.UtcNow.AddYears(fiscalYear - Pmqa.Domain.Time.ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow));
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear, frameworkCode = "pmqa-4.0", audiences = new[] { "department", "province", "publicOrganization" },
            opensAt = now.AddDays(-1), submissionDeadline = now.AddDays(30),
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = await Seed.IdOf(created);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/rounds/{id}/open", null)).StatusCode);
        return id;
    }

    private static readonly string[] Dimensions = ["OC", "CC", "SH"];

    /// <summary>Unrounded scores on a few levels (ties, as bounded scores have) and some with many decimals.</summary>
    private static decimal Score(Random random) =>
        random.Next(4) == 0 ? Math.Round((decimal)random.NextDouble() * 500m, 9) : random.Next(0, 6) * 100m / 3m;

    private static IEnumerable<AssessmentCardScore> Scores(Guid assessment, Random random) =>
        Enumerable.Range(0, 7).Select(i => new AssessmentCardScore { AssessmentId = assessment, Part = AssessmentCardScore.Category, Position = (short)i, Code = $"{i + 1}", Score = Score(random) })
            .Concat(Dimensions.Select((d, i) => new AssessmentCardScore { AssessmentId = assessment, Part = AssessmentCardScore.Dimension, Position = (short)i, Code = d, Score = Score(random) }))
            .Append(new AssessmentCardScore { AssessmentId = assessment, Part = AssessmentCardScore.Issue, Position = 0, Code = "1.1", Score = Score(random) });

    private static void Verify(PmqaDbContext db, Assessment a, Random random)
    {
        a.VerifiedTotal = random.Next(0, 500);
        db.AssessmentVerifiedScores.AddRange(
            Enumerable.Range(0, 7).Select(i => new AssessmentVerifiedScore { AssessmentId = a.Id, Part = AssessmentCardScore.Category, Position = (short)i, Code = $"{i + 1}", Score = random.Next(0, 10) * 25m }));
        db.AssessmentVerifiedScores.AddRange(
            Dimensions.Select((d, i) => new AssessmentVerifiedScore { AssessmentId = a.Id, Part = AssessmentCardScore.Dimension, Position = (short)i, Code = d, Score = Math.Round(Score(random), 2) }));
    }

    private static IEnumerable<DashboardFilter> Filters(World w) =>
    [
        DashboardFilter.All,
        DashboardFilter.All with { Type = OrganizationType.Department },
        DashboardFilter.All with { Type = OrganizationType.Province },
        DashboardFilter.All with { Type = OrganizationType.PublicOrganization },
        DashboardFilter.All with { Ministry = w.M1 },
        DashboardFilter.All with { Ministry = w.M2 },
        DashboardFilter.All with { Type = OrganizationType.Department, Ministry = w.M2 },
        DashboardFilter.All with { Cluster = w.Cluster },
        DashboardFilter.All with { Type = OrganizationType.Department, Cluster = w.Cluster },
    ];

    /// <summary>For every filter: the dashboard's statistics equal the direct computation. On the world as generated
    /// (<paramref name="asGenerated"/>) the national and province figures must not be empty, so the comparison is not
    /// vacuous; after the random changes a province group may legitimately empty (its one scored province moved to
    /// another type, say), and the comparison of empty with empty is still a check.</summary>
    private async Task AssertStoredEqualsDirectAsync(World w, bool asGenerated = false)
    {
        await using var scope = app.Scope();
        var facts = scope.ServiceProvider.GetRequiredService<RoundFacts>();
        var reader = scope.ServiceProvider.GetRequiredService<CardScoreReader>();
        foreach (var filter in Filters(w))
        {
            var data = Assert.IsType<Outcome<RoundData>.Ok>(await facts.LoadAsync(w.Round, filter, refreshStale: false)).Value;
            var shown = await reader.StatisticsAsync(data);
            // The reference: every score read and the rule of Statistics.QuartilesOf applied in .NET.
            var direct = await ReferenceAsync(facts, reader, w, filter);
            var label = RoundDashboard.FilterOf(filter).ToString();
            Same(Flat(direct), Flat(shown));
            if (Postgres) Same(Flat(direct), Flat(await reader.StoredStatisticsAsync(data)));
            if (asGenerated && filter == DashboardFilter.All) Assert.True(direct.Self.Count > 0 && direct.Verified.Count > 0 && direct.Overstatement.Count > 0, label);
            if (asGenerated && filter.Type == OrganizationType.Province) Assert.True(direct.Self.Count > 0, label);
            if (Postgres) await AssertOneTripEqualsSeparateReadsAsync(facts, reader, w, filter, direct);
            if (Postgres) await AssertStoredMissedEqualsDirectAsync(facts, reader, w, filter, asGenerated);
        }
    }

    /// <summary>The national request's one round trip (statistics, ticks, heat map page) reads what the separate
    /// reads read: the same page in the same order with the same scores, the same ticks, the direct statistics.</summary>
    private static async Task AssertOneTripEqualsSeparateReadsAsync(RoundFacts facts, CardScoreReader reader, World w, DashboardFilter filter, PartStatistics direct)
    {
        foreach (var sorting in new[] { Sorting.Default, new Sorting("1.1", true, 1), new Sorting("1.1", false, 1), new Sorting("code", true, 1) })
        {
            var one = Assert.IsType<Outcome<RoundData>.Ok>(await facts.LoadAsync(w.Round, filter, refreshStale: false)).Value;
            var oneScored = one.Facts.Where(f => f.Scored).ToList();
            var (page, statistics, _) = await reader.FiguresInOneTripAsync(one, oneScored, sorting);
            var separate = Assert.IsType<Outcome<RoundData>.Ok>(await facts.LoadAsync(w.Round, filter, refreshStale: false)).Value;
            var separateScored = separate.Facts.Where(f => f.Scored).ToList();
            var separatePage = await reader.HeatmapPageAsync(separate.Pack, separateScored, sorting);
            static List<string> Shown(IEnumerable<AssessmentFact> rows) =>
                [.. rows.Select(f => $"{f.Code} {string.Join(';', f.Self.Categories)} {string.Join(';', f.Self.Issues)} {string.Join(';', f.Self.Dimensions.OrderBy(d => d.Key))}")];
            Assert.Equal(Shown(separatePage), Shown(page));
            Assert.Equal(Shown(separateScored), Shown(oneScored.Select(f => { f.Self = separateScored.Single(x => x.AssessmentId == f.AssessmentId).Self; return f; })));
            Same(Flat(direct), Flat(statistics));
        }
    }

    /// <summary>ADR 0035: the most-missed items from the stored ticked counts equal those counted from every submitted
    /// organisation's tick string: every item (not only the 20 shown), the same shares, counts and order (ties by the
    /// items' order), nationally and per type.</summary>
    private static async Task AssertStoredMissedEqualsDirectAsync(RoundFacts facts, CardScoreReader reader, World w, DashboardFilter filter, bool asGenerated)
    {
        var data = Assert.IsType<Outcome<RoundData>.Ok>(await facts.LoadAsync(w.Round, filter, refreshStale: false)).Value;
        var scored = data.Facts.Where(f => f.Scored).ToList();
        var (_, _, ticked) = await reader.FiguresInOneTripAsync(data, scored, Sorting.Default);
        await reader.FillTicksAsync(scored);
        static List<string> Shown(IReadOnlyList<MissedItem> items) => [.. items.Select(m => $"{m.ItemCode} {m.MissedShare} {m.Missed}/{m.Of}")];
        var label = RoundDashboard.FilterOf(filter).ToString();
        var direct = Shown(RoundDashboard.Missed(data.Pack, scored, int.MaxValue));
        Same(direct, Shown(RoundDashboard.Missed(data.Pack, ticked.National(w.Items), scored.Count, int.MaxValue)));
        foreach (var group in scored.GroupBy(f => f.Type))
            Same(Shown(RoundDashboard.Missed(data.Pack, [.. group], int.MaxValue)),
                Shown(RoundDashboard.Missed(data.Pack, ticked.Of(group.Key, w.Items), group.Count(), int.MaxValue)));
        // Not vacuous: the generated ticks leave some items missed by some organisations and not by others.
        if (asGenerated && filter == DashboardFilter.All)
            Assert.True(direct.Count == w.Items && RoundDashboard.Missed(data.Pack, scored, int.MaxValue).Any(m => m.Missed > 0 && m.Missed < m.Of), label);
    }

    private static async Task<PartStatistics> ReferenceAsync(RoundFacts facts, CardScoreReader reader, World w, DashboardFilter filter)
    {
        var data = Assert.IsType<Outcome<RoundData>.Ok>(await facts.LoadAsync(w.Round, filter, refreshStale: false)).Value;
        await reader.FillSelfAsync(data.Pack, [.. data.Facts.Where(f => f.Scored || f.IsVerified)]);
        await reader.FillVerifiedAsync(data.Pack, data.Facts);
        return PartStatistics.InMemory(data);
    }

    /// <summary>Equal lists, a differing figure named in full.</summary>
    private static void Same(List<string> expected, List<string> actual)
    {
        foreach (var (e, a) in expected.Zip(actual)) Assert.True(e == a, $"expected {e}\n  actual {a}");
        Assert.Equal(expected.Count, actual.Count);
    }

    /// <summary>Every figure as text.</summary>
    private static List<string> Flat(PartStatistics s) =>
    [
        .. s.Self.OrderBy(x => x.Key).Select(x => $"self {x.Key} {Q(x.Value)}"),
        .. s.Verified.OrderBy(x => x.Key).Select(x => $"verified {x.Key} {Q(x.Value)}"),
        .. s.Overstatement.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"gap {x.Key} n={x.Value.Pairs} mean={N(x.Value.Mean)} median={N(x.Value.Median)}"),
    ];

    private static string Q(Pmqa.Domain.Dashboards.Quartiles q) => $"n={q.Count} q1={N(q.Q1)} median={N(q.Median)} q3={N(q.Q3)}";

    /// <summary>The number without trailing zeros: figures are compared by value.</summary>
    private static string N(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_stored_statistics_equal_the_direct_computation_before_and_after_changes()
    {
        var w = await WorldAsync(seed: 10);
        await AssertStoredEqualsDirectAsync(w, asGenerated: true);

        var random = new Random(11);
        await app.WithDbAsync(async db =>
        {
            var assessments = await db.Assessments.Include(a => a.Organization).Where(a => w.Assessments.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync();
            // Scores change (a save), a submitted one goes back to draft, a draft is submitted, one is verified, a
            // verified one is confirmed again with other scores, one loses its card's rows (a stale card recomputed).
            foreach (var row in await db.AssessmentCardScores.Where(s => w.Assessments.Contains(s.AssessmentId)).ToListAsync())
                if (random.Next(3) == 0) row.Score = Score(random);
            // Ticks change (a save ticks and unticks items), in the same saves as the states below.
            foreach (var card in await db.AssessmentScoreCards.Where(c => w.Assessments.Contains(c.AssessmentId)).ToListAsync())
                if (random.Next(2) == 0) card.Ticks = Ticks(random, w.Items);
            var submitted = assessments.First(a => a.State == AssessmentState.Submitted);
            submitted.State = AssessmentState.Draft;
            assessments.First(a => a.State == AssessmentState.Draft && a != submitted).State = AssessmentState.Submitted;
            var toVerify = assessments.First(a => a.State is AssessmentState.Submitted or AssessmentState.UnderReview && a.VerifiedTotal is null);
            toVerify.State = AssessmentState.Verified;
            Verify(db, toVerify, random);
            var again = assessments.First(a => a.VerifiedTotal is not null && a != toVerify);
            foreach (var v in await db.AssessmentVerifiedScores.Where(v => v.AssessmentId == again.Id).ToListAsync()) v.Score = random.Next(0, 10) * 25m;
            var stale = assessments.First(a => a.State >= AssessmentState.Submitted && a != toVerify && a != again);
            db.AssessmentCardScores.RemoveRange(await db.AssessmentCardScores.Where(s => s.AssessmentId == stale.Id).ToListAsync());
            // A submitted one loses its whole card (its ticks with it).
            var cardless = assessments.First(a => a.State >= AssessmentState.Submitted && a != toVerify && a != again && a != stale);
            db.AssessmentScoreCards.Remove(await db.AssessmentScoreCards.SingleAsync(c => c.AssessmentId == cardless.Id));
            return await db.SaveChangesAsync();
        });
        await AssertStoredEqualsDirectAsync(w);

        // A department moves from the first ministry to the second; a province becomes a public organisation under none.
        await app.WithDbAsync(async db =>
        {
            var m2 = await db.Organizations.SingleAsync(o => o.Code == w.M2);
            var orgs = await db.Assessments.Where(a => w.Assessments.Contains(a.Id)).Select(a => a.Organization!).ToListAsync();
            var department = orgs.First(o => o.Type == OrganizationType.Department && o.ParentId != m2.Id);
            department.ParentId = m2.Id;
            var province = orgs.First(o => o.Type == OrganizationType.Province);
            province.Type = OrganizationType.PublicOrganization;
            province.ParentId = null;
            return await db.SaveChangesAsync();
        });
        await AssertStoredEqualsDirectAsync(w);

        // A verification undone (its rows deleted, its total cleared) and an assessment deleted with its scores.
        await app.WithDbAsync(async db =>
        {
            var verified = await db.Assessments.FirstAsync(a => w.Assessments.Contains(a.Id) && a.VerifiedTotal != null);
            verified.VerifiedTotal = null;
            verified.State = AssessmentState.UnderReview;
            db.AssessmentVerifiedScores.RemoveRange(await db.AssessmentVerifiedScores.Where(v => v.AssessmentId == verified.Id).ToListAsync());
            return await db.SaveChangesAsync();
        });
        if (Postgres)
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""DELETE FROM "Assessments" WHERE "Id" = {w.Assessments.Last()} AND NOT EXISTS (SELECT 1 FROM "IssueAnswers" WHERE "AssessmentId" = {w.Assessments.Last()})"""));
        await AssertStoredEqualsDirectAsync(w);

        if (!Postgres) Assert.Equal(0, await app.WithDbAsync(db => db.DashboardScoreCounts.CountAsync()));
        if (!Postgres) Assert.Equal(0, await app.WithDbAsync(db => db.DashboardTickCounts.CountAsync()));
    }

    /// <summary>OPDC changes a department into a public organisation while its executive approves its submission: the
    /// submission waits for the change (its organisation's trigger locked every one of its assessments) and is counted
    /// under the new type. Before migration 0028 it went ahead, read the old type, and stayed counted there for good.
    /// (SQLite has one writer at a time and keeps no counts.)</summary>
    [Fact]
    public async Task A_submission_racing_a_change_of_type_is_counted_under_the_new_type()
    {
        // SQLite: one writer at a time (and Microsoft.Data.Sqlite's async calls block while they wait), nothing to race.
        if (!Postgres) return;
        var w = await WorldAsync(seed: 30);
        var (assessment, organization) = await app.WithDbAsync(async db =>
        {
            var a = await db.Assessments.Include(x => x.Organization).FirstAsync(x => w.Assessments.Contains(x.Id)
                && x.Organization!.Type == OrganizationType.Department && x.VerifiedTotal == null);
            a.State = AssessmentState.AwaitingApproval;
            await db.SaveChangesAsync();
            return (a.Id, a.OrganizationId);
        });

        await using var changing = app.Scope();
        var opdc = changing.ServiceProvider.GetRequiredService<PmqaDbContext>();
        await using var change = await opdc.Database.BeginTransactionAsync();
        var org = await opdc.Organizations.SingleAsync(o => o.Id == organization);
        (org.Type, org.ParentId) = (OrganizationType.PublicOrganization, null);
        await opdc.SaveChangesAsync();
        var approving = app.WithDbAsync(async db =>
        {
            (await db.Assessments.SingleAsync(a => a.Id == assessment)).State = AssessmentState.Submitted;
            return await db.SaveChangesAsync();
        });
        // Time for the approval to commit, as it did when nothing made it wait; on PostgreSQL it now waits here.
        await Task.WhenAny(approving, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(approving.IsCompleted, "the approval did not wait for the change of type");
        await change.CommitAsync();
        await approving;

        await AssertStoredEqualsDirectAsync(w);
    }

    [Fact]
    public async Task Concurrent_saves_in_different_organisations_keep_exact_counts()
    {
        var w = await WorldAsync(seed: 20);
        await app.WithDbAsync(async db =>
        {
            foreach (var a in await db.Assessments.Where(a => w.Assessments.Contains(a.Id)).ToListAsync()) a.State = AssessmentState.Submitted;
            return await db.SaveChangesAsync();
        });
        // Every organisation saves the same scores at once, ten times over, each save its own transaction: every
        // save moves the same buckets (same score from, same score to) at the same moment.
        for (var step = 1; step <= 10; step++)
        {
            var value = step * 10m;
            await Task.WhenAll(w.Assessments.Select(id => app.WithDbAsync(async db =>
            {
                foreach (var row in await db.AssessmentCardScores.Where(s => s.AssessmentId == id && s.Part != AssessmentCardScore.Issue).ToListAsync()) row.Score = value;
                // The same items ticked and unticked by everyone at once (ADR 0035's counters).
                (await db.AssessmentScoreCards.SingleAsync(c => c.AssessmentId == id)).Ticks = new string([.. Enumerable.Range(0, w.Items).Select(i => (i + step) % 3 == 0 ? '1' : '0')]);
                return await db.SaveChangesAsync();
            })));
        }
        await AssertStoredEqualsDirectAsync(w);
        await using var scope = app.Scope();
        var data = Assert.IsType<Outcome<RoundData>.Ok>(await scope.ServiceProvider.GetRequiredService<RoundFacts>().LoadAsync(w.Round, DashboardFilter.All, refreshStale: false)).Value;
        var stats = await scope.ServiceProvider.GetRequiredService<CardScoreReader>().StatisticsAsync(data);
        Assert.Equal(new Pmqa.Domain.Dashboards.Quartiles(w.Assessments.Count, 100m, 100m, 100m), stats.Self[(AssessmentCardScore.Category, "1")]);
    }
}

public sealed class DashboardScoreCountTests_Sqlite(SqliteApp app) : DashboardScoreCountTests(app), IClassFixture<SqliteApp>;
public sealed class DashboardScoreCountTests_Postgres(PostgresApp app) : DashboardScoreCountTests(app), IClassFixture<PostgresApp>;
