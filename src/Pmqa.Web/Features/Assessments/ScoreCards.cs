using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Frameworks;

namespace Pmqa.Web.Features.Assessments;

using ScoredIssue = Pmqa.Domain.Scoring.IssueScore;

/// <summary>
/// The stored self-assessed score card of each assessment (ADR 0015). Reads take the card and roll it up
/// with the round's settings, with no query over the answers. Every writer of answers opens
/// <see cref="BeginAsync"/>, calls <see cref="UpdateAsync"/> with the rows it changed and saves and commits
/// in that transaction: the card row is locked first, so two saves of one assessment take turns and
/// neither can overwrite the other's issue score. A missing or stale card (a placeholder, an assessment
/// answered before cards existed, scoring rules changed) is computed from the answers under the same lock.
/// </summary>
public sealed class ScoreCards(PmqaDbContext db, FrameworkCatalog catalog, TimeProvider clock)
{
    /// <summary>Raise when the scoring code changes what it computes: every stored card then counts as
    /// stale and is computed again on its next read or save.
    /// 2: the card also stores the dashboard's figures and tick string (ADR 0020).
    /// 3: the card's scores are also stored as numbers, one row each (AssessmentCardScores, ADR 0023).</summary>
    public const int CurrentRules = 3;

    private static readonly CompiledPerModel<Func<PmqaDbContext, Guid, Task<AssessmentScoreCard?>>> StoredCard = new(() => EF.CompileAsyncQuery(
        (PmqaDbContext db, Guid assessmentId) => db.AssessmentScoreCards.AsNoTracking().SingleOrDefault(c => c.AssessmentId == assessmentId)));

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The assessment's card as the answers stand now; stored cards are read, not recomputed.</summary>
    public async Task<(FrameworkPack Pack, ScoreCard Card)> ReadAsync(Assessment assessment, CancellationToken ct = default)
    {
        var pack = await catalog.PackOfAsync(assessment, ct);
        var stored = await StoredCard.For(db)(db, assessment.Id);
        if (stored is not null && IssuesOf(stored, pack) is { } issues) return (pack, RollUp(pack, assessment, issues));

        await using var transaction = await BeginAsync(ct);
        var card = await UpdateAsync(assessment, pack, [], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (pack, card);
    }

    /// <summary>The transaction a save of answers and its card share. On SQLite it begins IMMEDIATE (the
    /// provider's default), taking the database's write lock at once; on PostgreSQL the card row is locked by
    /// <see cref="UpdateAsync"/>.</summary>
    public async Task<IDbContextTransaction> BeginAsync(CancellationToken ct = default)
    {
        // One SaveChanges per transaction: a savepoint per SaveChanges would be a round trip for nothing.
        db.Database.AutoSavepointsEnabled = false;
        return await db.Database.BeginTransactionAsync(ct);
    }

    /// <summary>Brings the card in line with <paramref name="changed"/> (answers added or modified in the
    /// change tracker, not yet saved); the caller saves and commits. Returns the new card.</summary>
    public async Task<ScoreCard> UpdateAsync(Assessment assessment, FrameworkPack pack, IReadOnlyCollection<IssueAnswer> changed, CancellationToken ct = default)
    {
        var row = await LockAsync(assessment.Id, ct);
        var issues = IssuesOf(row, pack);
        // The card as stored before this save: its typed score rows hold these numbers (null: stale or new card).
        var before = issues is null ? null : RollUp(pack, assessment, new Dictionary<string, ScoredIssue>(issues));
        if (issues is null)
        {
            // Stale or new: every issue from the answers as committed, with this save's rows in their place.
            var committed = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessment.Id)
                .Select(a => new IssueAnswer { IssueCode = a.IssueCode, CheckedJson = a.CheckedJson, IndicatorsJson = a.IndicatorsJson, Version = a.Version })
                .ToListAsync(ct);
            var answers = committed.Where(a => changed.All(c => c.IssueCode != a.IssueCode)).ToDictionary(a => a.IssueCode);
            foreach (var c in changed) answers[c.IssueCode] = c;
            issues = pack.Issues.ToDictionary(i => i.Code, i => Scoring.ScoreIssue(i, AnswerDocuments.ToAnswers(answers.GetValueOrDefault(i.Code)), pack.Scoring));
            row.AnswersVersion = answers.Values.Sum(a => changed.Contains(a) ? VersionAfterSave(a) : a.Version);
            row.Ticks = TickStrings.Compose(pack, code => AnswerDocuments.Checked(answers.GetValueOrDefault(code)), previous: null);
        }
        else
        {
            foreach (var c in changed)
                if (pack.FindIssue(c.IssueCode) is { } issue) issues[c.IssueCode] = Scoring.ScoreIssue(issue, AnswerDocuments.ToAnswers(c), pack.Scoring);
            row.AnswersVersion += changed.Sum(c => VersionAfterSave(c) - (db.Entry(c).State == EntityState.Added ? 0 : c.Version));
            row.Ticks = TickStrings.Compose(pack, code => changed.FirstOrDefault(c => c.IssueCode == code) is { } c ? AnswerDocuments.Checked(c) : null, row.Ticks);
        }
        var card = RollUp(pack, assessment, issues);
        row.RulesVersion = CurrentRules;
        row.Total = card.Total;
        row.CategoriesJson = JsonSerializer.Serialize(card.Categories.Select(c => new StoredCategory(c.Code, c.Score)), Json);
        row.IssuesJson = JsonSerializer.Serialize(card.Issues.Select(i => new StoredIssue(i.Code, i.Score, i.Level.ToString(), i.Complete, i.UncountedItems)), Json);
        row.Figures = Dashboard.CardFigures.Write(card);
        row.ComputedAt = clock.GetUtcNow();
        await WriteScoresAsync(assessment.Id, before, card, ct);
        return card;
    }

    /// <summary>The card's scores as typed rows (ADR 0023), in the caller's transaction. A current card's rows hold
    /// <paramref name="before"/>: only the scores that changed are updated (a save of one issue writes that issue, its
    /// category and the dimensions it feeds), with no read. A stale or new card's rows are replaced.</summary>
    private async Task WriteScoresAsync(Guid assessmentId, ScoreCard? before, ScoreCard card, CancellationToken ct)
    {
        var now = Rows(assessmentId, card);
        if (before is null)
        {
            foreach (var tracked in db.AssessmentCardScores.Local.Where(s => s.AssessmentId == assessmentId).ToList()) db.Entry(tracked).State = EntityState.Detached;
            await db.AssessmentCardScores.Where(s => s.AssessmentId == assessmentId).ExecuteDeleteAsync(ct);
            db.AssessmentCardScores.AddRange(now);
            return;
        }
        var old = Rows(assessmentId, before).ToDictionary(r => (r.Part, r.Position), r => r.Score);
        foreach (var row in now.Where(r => old.GetValueOrDefault((r.Part, r.Position)) != r.Score))
        {
            // The row may already be tracked when this context saved the card before (a second save in one request).
            if (db.AssessmentCardScores.Local.FirstOrDefault(t => t.AssessmentId == row.AssessmentId && t.Part == row.Part && t.Position == row.Position) is { } tracked) { tracked.Score = row.Score; continue; }
            db.AssessmentCardScores.Attach(row);
            db.Entry(row).Property(r => r.Score).IsModified = true;
        }
    }

    private static List<AssessmentCardScore> Rows(Guid assessmentId, ScoreCard card)
    {
        var rows = new List<AssessmentCardScore>(card.Categories.Count + card.Dimensions.Count + card.Issues.Count);
        void Put(short part, int position, string code, decimal score) =>
            rows.Add(new AssessmentCardScore { AssessmentId = assessmentId, Part = part, Position = (short)position, Code = code, Score = score });
        for (var i = 0; i < card.Categories.Count; i++) Put(AssessmentCardScore.Category, i, card.Categories[i].Code, card.Categories[i].Score);
        for (var i = 0; i < card.Dimensions.Count; i++) Put(AssessmentCardScore.Dimension, i, card.Dimensions[i].Code, card.Dimensions[i].Score);
        for (var i = 0; i < card.Issues.Count; i++) Put(AssessmentCardScore.Issue, i, card.Issues[i].Code, card.Issues[i].Score);
        return rows;
    }

    /// <summary>The version an answer will have once saved: the audit interceptor raises a modified row's by one.</summary>
    private int VersionAfterSave(IssueAnswer a) => db.Entry(a).State == EntityState.Modified ? a.Version + 1 : a.Version;

    /// <summary>The card row, tracked and locked for this transaction; a placeholder (stale) when there was none.</summary>
    private async Task<AssessmentScoreCard> LockAsync(Guid assessmentId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // SQLite: the IMMEDIATE transaction already holds the write lock, so read-then-insert cannot race.
            var existing = await db.AssessmentScoreCards.SingleOrDefaultAsync(c => c.AssessmentId == assessmentId, ct);
            if (existing is not null) return existing;
            return db.AssessmentScoreCards.Add(new AssessmentScoreCard { AssessmentId = assessmentId }).Entity;
        }
        var locked = await LockedAsync(assessmentId, ct);
        if (locked is not null) return locked;
        // Two first saves may race to create the row: the placeholder is inserted if absent, then locked.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "AssessmentScoreCards" ("AssessmentId", "RulesVersion", "AnswersVersion", "Total", "CategoriesJson", "IssuesJson", "ComputedAt")
            VALUES ({assessmentId}, 0, 0, 0, '[]', '[]', now()) ON CONFLICT DO NOTHING
            """, ct);
        return (await LockedAsync(assessmentId, ct))!;
    }

    private async Task<AssessmentScoreCard?> LockedAsync(Guid assessmentId, CancellationToken ct) =>
        (await db.AssessmentScoreCards.FromSql($"""SELECT * FROM "AssessmentScoreCards" WHERE "AssessmentId" = {assessmentId} FOR UPDATE""")
            .ToListAsync(ct)).SingleOrDefault();

    /// <summary>The stored issue scores by code, or null when the card is stale or does not fit the pack.</summary>
    private static Dictionary<string, ScoredIssue>? IssuesOf(AssessmentScoreCard row, FrameworkPack pack)
    {
        if (row.RulesVersion != CurrentRules) return null;
        var issues = JsonSerializer.Deserialize<List<StoredIssue>>(row.IssuesJson, Json) ?? [];
        if (issues.Count != pack.Issues.Count() || issues.Any(i => pack.FindIssue(i.Code) is null)) return null;
        return issues.ToDictionary(i => i.Code, i => new ScoredIssue(i.Code, i.Score, Enum.Parse<MaturityLevel>(i.Level), i.Complete, i.Uncounted ?? []));
    }

    private static ScoreCard RollUp(FrameworkPack pack, Assessment assessment, Dictionary<string, ScoredIssue> issues) =>
        Scoring.FromIssueScores(pack, issues.Values, assessment.Round!.SiteVisitThreshold, AssessmentScores.BandsOf(assessment.Round, pack));

    private sealed record StoredCategory([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("score")] decimal Score);

    private sealed record StoredIssue(
        [property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("score")] decimal Score,
        [property: JsonPropertyName("level")] string Level, [property: JsonPropertyName("complete")] bool Complete,
        [property: JsonPropertyName("uncounted")] IReadOnlyList<string>? Uncounted);
}
