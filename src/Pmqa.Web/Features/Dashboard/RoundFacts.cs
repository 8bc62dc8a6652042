using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>Which organisations a dashboard figure covers: a type, a ministry or province cluster (by code), and
/// the status band of the self-assessed total.</summary>
public sealed record DashboardFilter(OrganizationType? Type, string? Ministry, string? Cluster, MaturityLevel? Band)
{
    public static readonly DashboardFilter All = new(null, null, null, null);

    /// <summary>The filter as typed in a query string; unknown values are named by their field.</summary>
    public static Outcome<DashboardFilter> Parse(string? type, string? ministry, string? cluster, string? band)
    {
        var errors = new ValidationErrors();
        OrganizationType? t = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (OrganizationTypes.TryParseApiName(type.Trim(), out var parsed) && parsed.IsAssessed()) t = parsed;
            else errors.Add("type", "ประเภทต้องเป็น department, province หรือ publicOrganization", "The type is department, province or publicOrganization.");
        }
        MaturityLevel? b = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            if (Enum.TryParse<MaturityLevel>(band.Trim(), ignoreCase: true, out var level) && !int.TryParse(band, out _)) b = level;
            else errors.Add("band", "ระดับต้องเป็น none, basic, advance หรือ significance", "The band is none, basic, advance or significance.");
        }
        if (errors.Any) return errors;
        return new DashboardFilter(t, Blank(ministry), Blank(cluster), b);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The filter as query-string pairs, for links that keep it.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Query()
    {
        if (Type is { } t) yield return new("type", t.ApiName());
        if (Ministry is not null) yield return new("ministry", Ministry);
        if (Cluster is not null) yield return new("cluster", Cluster);
        if (Band is { } b) yield return new("band", b.ToString().ToLowerInvariant());
    }
}

/// <summary>A verified score card's categories (in pack order, null where absent) and dimensions, as fixed at confirmation.</summary>
public sealed record VerifiedFigures(decimal?[] Categories, IReadOnlyDictionary<string, decimal> Dimensions);

/// <summary>What the dashboard knows of one assessment of the round. The totals and the stage are loaded for every
/// assessment; the per-category, dimension and issue scores (<see cref="Self"/>, <see cref="Verified"/>) and the
/// <see cref="Ticks"/> only for the assessments a figure shows or filters on (<see cref="CardScoreReader"/>, ADR 0023).</summary>
public sealed record AssessmentFact(
    Guid AssessmentId, Guid OrganizationId, string Code, string NameTh, string NameEn, OrganizationType Type, Guid? ParentId,
    AssessmentState State, bool Started, decimal SelfTotal, MaturityLevel Band, decimal? VerifiedTotal)
{
    /// <summary>The card's scores as far as read; <see cref="CardFigures.Empty"/> until then or without a card.</summary>
    public CardFigures Self { get; set; } = CardFigures.Empty;
    public string Ticks { get; set; } = "";
    /// <summary>The verified categories and dimensions once read; null until then or when not verified.</summary>
    public VerifiedFigures? Verified { get; set; }
    public bool IsVerified => VerifiedTotal is not null;

    /// <summary>Self-assessed figures count once the executive has approved the submission: a draft's score is work in progress.</summary>
    public bool Scored => State >= AssessmentState.Submitted;

    public ProgressStage Stage => State switch
    {
        AssessmentState.Draft => Started ? ProgressStage.Draft : ProgressStage.NotStarted,
        AssessmentState.AwaitingApproval => ProgressStage.AwaitingApproval,
        AssessmentState.Submitted => ProgressStage.Submitted,
        AssessmentState.UnderReview => ProgressStage.UnderReview,
        AssessmentState.Certified => ProgressStage.Certified,
        _ => ProgressStage.Verified,
    };
}

/// <summary>The submission progress of issue 10: verified covers everything after confirmation but certification.</summary>
public enum ProgressStage { NotStarted, Draft, AwaitingApproval, Submitted, UnderReview, Verified, Certified }

public sealed record ParentOrganization(Guid Id, string Code, string NameTh, string NameEn, OrganizationType Type);

/// <summary>A round's assessments as the dashboard reads them, already filtered.</summary>
public sealed record RoundData(
    Round Round, FrameworkPack Pack, IReadOnlyList<StatusBand> Bands, DashboardFilter Filter,
    IReadOnlyList<AssessmentFact> Facts, IReadOnlyDictionary<Guid, ParentOrganization> Parents);

/// <summary>
/// Loads a round's assessments for the dashboard from the stored score cards (ADR 0015, 0020): two queries (the
/// assessments with their organisations, then their cards' totals, figures and ticks), no answers and no scoring.
/// A card missing or computed by older rules for an assessment that has answers is computed once here, through
/// <see cref="ScoreCards"/>, and stored: after that the dashboard only reads.
/// </summary>
public sealed class RoundFacts(PmqaDbContext db, FrameworkCatalog catalog, ScoreCards cards, CardScoreReader reader)
{
    /// <param name="refreshStale">false: leave cards of older rules as they are (their figures read as empty) rather than
    /// compute them now; an agency's page must not pay for its whole peer group's first computation.</param>
    public async Task<Outcome<RoundData>> LoadAsync(Guid roundId, DashboardFilter filter, CancellationToken ct = default, bool refreshStale = true)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return new Outcome<RoundData>.NotFound();
        var parents = await ParentsAsync(ct);
        var errors = new ValidationErrors();
        var ministry = Find(parents, filter.Ministry, OrganizationType.Ministry, errors, "ministry", "ไม่พบกระทรวงรหัสนี้", "No ministry has this code.");
        var cluster = Find(parents, filter.Cluster, OrganizationType.ProvinceCluster, errors, "cluster", "ไม่พบกลุ่มจังหวัดรหัสนี้", "No province cluster has this code.");
        if (errors.Any) return errors;

        var pack = await catalog.PackOfVersionAsync(round.FrameworkVersionId, ct);
        var query = db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId);
        if (filter.Type is { } type) query = query.Where(a => a.Organization!.Type == type);
        if (ministry is { } m) query = query.Where(a => a.Organization!.ParentId == m);
        if (cluster is { } c) query = query.Where(a => a.Organization!.ParentId == c);
        // One narrow query: no card text, no JSON (ADR 0023). The card's total and rules version come by a left join
        // (a hash join for a whole round; a correlated subquery cost an index probe per assessment).
        var rows = await (
            from a in query
            join k in db.AssessmentScoreCards on a.Id equals k.AssessmentId into stored
            from card in stored.DefaultIfEmpty()
            select new
            {
                a.Id, a.OrganizationId, a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn, a.Organization.Type, a.Organization.ParentId,
                a.State, a.VerifiedTotal, Started = db.IssueAnswers.Any(x => x.AssessmentId == a.Id),
                Total = card == null ? (decimal?)null : card.Total, Rules = card == null ? (int?)null : card.RulesVersion,
            }).ToListAsync(ct);

        var stale = rows.Where(r => r.Started && r.Rules != ScoreCards.CurrentRules).Select(r => r.Id).ToList();
        Dictionary<Guid, decimal> recomputed = [];
        if (stale.Count > 0 && refreshStale)
        {
            foreach (var id in stale)
                await cards.ReadAsync(await db.Assessments.Include(a => a.Round).SingleAsync(a => a.Id == id, ct), ct);
            recomputed = await db.AssessmentScoreCards.AsNoTracking().Where(c => stale.Contains(c.AssessmentId))
                .ToDictionaryAsync(c => c.AssessmentId, c => c.Total, ct);
        }

        var bands = AssessmentScores.BandsOf(round, pack);
        var facts = new List<AssessmentFact>(rows.Count);
        foreach (var r in rows)
        {
            // A card of older rules has no typed scores yet: its figures read as empty until it is computed again.
            var total = recomputed.TryGetValue(r.Id, out var t) ? t : r.Total ?? 0;
            var band = Scoring.StatusOf(Scoring.Round(total), bands);
            if (filter.Band is { } wanted && band != wanted) continue;
            facts.Add(new AssessmentFact(r.Id, r.OrganizationId, r.Code, r.NameTh, r.NameEn, r.Type, r.ParentId, r.State, r.Started,
                total, band, r.VerifiedTotal));
        }
        return new RoundData(round, pack, bands, filter, facts, parents);
    }

    /// <summary>The round's facts with every score, verified figure and tick read: for the exports, which list every
    /// organisation with every issue.</summary>
    public async Task<Outcome<RoundData>> LoadFilledAsync(Guid roundId, DashboardFilter filter, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(roundId, filter, ct);
        if (loaded is Outcome<RoundData>.Ok { Value: var data }) await reader.FillAllAsync(data, ct);
        return loaded;
    }

    /// <summary>Ministries and province clusters, by id (a few dozen rows).</summary>
    public async Task<Dictionary<Guid, ParentOrganization>> ParentsAsync(CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Ministry || o.Type == OrganizationType.ProvinceCluster)
            .Select(o => new ParentOrganization(o.Id, o.Code, o.NameTh, o.NameEn, o.Type))
            .ToDictionaryAsync(o => o.Id, ct);

    private static Guid? Find(Dictionary<Guid, ParentOrganization> parents, string? code, OrganizationType type, ValidationErrors errors, string field, string th, string en)
    {
        if (code is null) return null;
        var found = parents.Values.FirstOrDefault(p => p.Type == type && string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
        if (found is null) errors.Add(field, th, en);
        return found?.Id;
    }
}
