using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Frameworks;

namespace Pmqa.Web.Features.Assessments;

/// <summary>The score card of an assessment: its answers scored by the pure scoring rules with the
/// parameters of the framework version and the round's thresholds.</summary>
public sealed class AssessmentScores(PmqaDbContext db, FrameworkCatalog catalog, ScoreCards cards)
{
    public async Task<(FrameworkPack Pack, ScoreCard Card, IReadOnlyList<IssueAnswer> Answers)> ScoreAsync(Assessment assessment, CancellationToken ct = default)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var answers = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id).ToListAsync(ct);
        var card = Scoring.Score(pack, answers.ToDictionary(a => a.IssueCode, AnswerDocuments.ToAnswers),
            assessment.Round!.SiteVisitThreshold, BandsOf(assessment.Round, pack));
        return (pack, card, answers);
    }

    /// <summary>Only the card, as stored with the answers (ADR 0015): no query over the answers while the
    /// stored card is current.</summary>
    public Task<(FrameworkPack Pack, ScoreCard Card)> CardAsync(Assessment assessment, CancellationToken ct = default) =>
        cards.ReadAsync(assessment, ct);

    /// <summary>The framework pack the assessment is scored with (cached; no query).</summary>
    public Task<FrameworkPack> PackAsync(Assessment assessment, CancellationToken ct = default) => catalog.PackOfAsync(assessment, ct);

    /// <summary>The round's status bands when it set its own, else the framework version's.</summary>
    public static IReadOnlyList<StatusBand> BandsOf(Round round, FrameworkPack pack) =>
        string.IsNullOrEmpty(round.StatusBandsJson)
            ? pack.Scoring.StatusBands
            : System.Text.Json.JsonSerializer.Deserialize<List<StatusBand>>(round.StatusBandsJson, FrameworkPackJson.Options)!;

    /// <summary>The API's shape: scores rounded to 2 decimals.</summary>
    public static ScoreJson ToJson(ScoreCard card) => new(
        card.RoundedTotal, card.Status.ToString(), card.SiteVisitEligible,
        [.. card.Categories.Select(c => new CodeScore(c.Code, c.Rounded))],
        [.. card.Issues.Select(i => new IssueScore(i.Code, i.Rounded, i.Level.ToString()))],
        [.. card.Dimensions.Select(d => new CodeScore(d.Code, d.Rounded))]);
}

/// <summary>A score card as the API, the snapshot and the stored verified and final scores write it. The names are
/// fixed here (not by a serializer's naming policy) because stored snapshots are hashed.</summary>
public sealed record ScoreJson(
    [property: JsonPropertyName("total")] decimal Total,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("siteVisitEligible")] bool SiteVisitEligible,
    [property: JsonPropertyName("categories")] IReadOnlyList<CodeScore> Categories,
    [property: JsonPropertyName("issues")] IReadOnlyList<IssueScore> Issues,
    [property: JsonPropertyName("dimensions")] IReadOnlyList<CodeScore> Dimensions);

public sealed record CodeScore([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("score")] decimal Score);

public sealed record IssueScore(
    [property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("score")] decimal Score,
    [property: JsonPropertyName("level")] string Level);
