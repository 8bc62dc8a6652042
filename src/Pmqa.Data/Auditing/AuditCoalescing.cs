using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Auditing;

/// <summary>
/// Answers autosave 1.2 s after typing stops, and each save holds whole documents (explanations up to
/// 20,000 characters per level). Recording every save would store the same text hundreds of times, so one
/// person's consecutive saves of one record are one entry: the first save's "before" and the last save's
/// "after", with how many saves it stands for (ADR 0013). Another person's save in between, a pause longer
/// than <see cref="Pause"/>, or a burst longer than <see cref="Span"/> starts a new entry, so every change
/// stays attributable to a person and a time within minutes.
/// </summary>
public static class AuditCoalescing
{
    /// <summary>Saves further apart than this are separate entries.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(5);

    /// <summary>No entry covers more than this much time, however steadily someone keeps typing.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(30);

    /// <summary>The autosaved records: answers of agencies, reviewers, consensus and site-visit findings.</summary>
    private static readonly HashSet<string> Autosaved =
        [nameof(IssueAnswer), nameof(ProfileAnswer), nameof(ReviewAnswer), nameof(ConsensusAnswer), nameof(SiteVisitFinding)];

    public static bool Applies(string entityType, Guid? userId) => userId is not null && Autosaved.Contains(entityType);

    /// <summary>Folds <paramref name="changes"/> into the record's latest entry when that entry is the same
    /// person's recent update; false when a new entry must be written.</summary>
    public static async Task<bool> TryMergeAsync(DbContext context, bool async, string entityType, string entityKey,
        Guid userId, DateTimeOffset now, IReadOnlyList<FieldChange> changes, CancellationToken ct)
    {
        // The (EntityType, EntityKey) index answers this; the newest entry of the record decides, so another
        // person's save in between always starts a new entry.
        var query = context.Set<AuditEntry>()
            .Where(a => a.EntityType == entityType && a.EntityKey == entityKey)
            .OrderByDescending(a => a.Id);
        var latest = async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault();
        if (latest is null || latest.UserId != userId || latest.Action != AuditAction.Updated) return false;
        if (now - latest.At > Pause || now - (latest.StartedAt ?? latest.At) > Span) return false;

        var merged = JsonSerializer.Deserialize<List<FieldChange>>(latest.ChangesJson) ?? [];
        foreach (var change in changes)
        {
            var index = merged.FindIndex(c => c.Field == change.Field);
            if (index < 0) merged.Add(change);
            else merged[index] = merged[index] with { New = change.New };
        }
        // A field typed and then put back as it was is no change at all.
        merged.RemoveAll(c => c.Old == c.New);
        latest.ChangesJson = JsonSerializer.Serialize(merged, FieldChange.Json);
        latest.StartedAt ??= latest.At;
        latest.At = now;
        latest.Saves++;
        return true;
    }
}
