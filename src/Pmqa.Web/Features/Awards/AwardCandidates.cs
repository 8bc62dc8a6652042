using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Awards;

/// <summary>A certified assessment: a candidate for the overall PMQA 4.0 award.</summary>
public sealed record OverallCandidate(Guid AssessmentId, string OrganizationCode, string NameTh, string NameEn, decimal FinalTotal, string Status);

/// <summary>An assessment whose verified score in one category reaches the round's threshold for it.</summary>
public sealed record CategoryCandidate(Guid AssessmentId, string OrganizationCode, string NameTh, string NameEn, decimal Score);

public sealed record CategoryAward(string Code, string NameTh, string NameEn, decimal Threshold, IReadOnlyList<CategoryCandidate> Candidates);

public sealed record AwardCandidateList(
    Guid RoundId, int FiscalYear, int Version, IReadOnlyList<OverallCandidate> Overall, IReadOnlyList<CategoryAward> Categories);

/// <summary>
/// The award candidates of a round, as OPDC marks them after certification: every certified assessment
/// for the overall award, and per category the assessments whose verified category score (after the site
/// visit when there was one) reaches the round's threshold. Scores are compared as shown (two decimals),
/// so a score shown equal to the threshold is a candidate.
/// </summary>
public sealed class AwardCandidates(PmqaDbContext db, Frameworks.FrameworkCatalog catalog)
{
    public async Task<AwardCandidateList?> FindAsync(Guid roundId, CancellationToken ct = default)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return null;
        var pack = await catalog.PackOfVersionAsync(round.FrameworkVersionId, ct);
        var thresholds = AwardThresholds.Read(round, pack);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.RoundId == roundId && (a.FinalScoreJson != null || a.VerifiedScoreJson != null))
            .Select(a => new
            {
                a.Id, a.State, a.FinalTotal, a.VerifiedTotal, Json = a.FinalScoreJson ?? a.VerifiedScoreJson,
                a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn,
                CertifiedAs = db.Certificates.Where(c => c.AssessmentId == a.Id && c.RevokedAt == null).Select(c => c.Status).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var scored = rows.Select(r => (Row: r, Card: ScoreJson.Parse(r.Json!))).ToList();

        var overall = scored.Where(s => s.Row.State == AssessmentState.Certified)
            .Select(s => new OverallCandidate(s.Row.Id, s.Row.Code, s.Row.NameTh, s.Row.NameEn,
                Scoring.Round(s.Row.FinalTotal ?? s.Card.Total), s.Row.CertifiedAs ?? s.Card.Status))
            .OrderByDescending(c => c.FinalTotal).ThenBy(c => c.OrganizationCode, StringComparer.Ordinal).ToList();
        var categories = pack.Categories.Select(c => (Category: c, Key: c.Code, Value: thresholds[c.Code])).Select(t => new CategoryAward(t.Key,
                t.Category.NameTh, t.Category.NameEn, t.Value, scored
                .Where(s => s.Card.Categories.TryGetValue(t.Key, out var score) && Scoring.Round(score) >= t.Value)
                .Select(s => new CategoryCandidate(s.Row.Id, s.Row.Code, s.Row.NameTh, s.Row.NameEn, Scoring.Round(s.Card.Categories[t.Key])))
                .OrderByDescending(c => c.Score).ThenBy(c => c.OrganizationCode, StringComparer.Ordinal).ToList()))
            .ToList();
        return new AwardCandidateList(round.Id, round.FiscalYear, round.Version, overall, categories);
    }
}

/// <summary>The parts of a stored score card (<c>AssessmentScores.ToJson</c>) the awards need.</summary>
public sealed record ScoreJson(decimal Total, string Status, IReadOnlyDictionary<string, decimal> Categories)
{
    public static ScoreJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var categories = root.TryGetProperty("categories", out var list)
            ? list.EnumerateArray().ToDictionary(c => c.GetProperty("code").ToString(), c => c.GetProperty("score").GetDecimal())
            : [];
        return new ScoreJson(
            root.TryGetProperty("total", out var total) ? total.GetDecimal() : 0,
            root.TryGetProperty("status", out var status) ? status.GetString() ?? "" : "",
            categories);
    }
}
