using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pmqa.Data.Entities;

namespace Pmqa.Data.Auditing;

public sealed record FieldChange(string Field, string? Old, string? New)
{
    /// <summary>Thai stored as text, not as \u escapes (a sixth of the size); never embedded in HTML unencoded.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

/// <summary>Who is making the current change: the signed-in user, or the system itself.</summary>
public interface IAuditActor
{
    (Guid? UserId, string Name) Current { get; }
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted <see cref="IAudited"/> entity in
/// the same transaction as the change, and raises <see cref="IVersioned.Version"/> on every update.
/// Autosaved answers are coalesced (<see cref="AuditCoalescing"/>) so the trail stays bounded.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock, IAuditActor actor) : SaveChangesInterceptor
{
    // Secrets are recorded as changed, never with their values. Derived columns, bulky documents (their
    // hash is recorded) and concurrency tokens are not recorded at all.
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "TokenHash"];
    private static readonly HashSet<string> Skipped = ["NormalizedEmail", "NormalizedUserName", "ContentJson", "AccessFailedCount", "RegisterJson"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // The synchronous path runs the same code; with async: false every query inside completes synchronously.
        RecordAsync(eventData.Context, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RecordAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    private async Task RecordAsync(DbContext? context, bool async, CancellationToken ct)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var (userId, name) = actor.Current;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var scopes = new AuditScopes(context, async);
        foreach (var entry in entries)
        {
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned) versioned.Version++;
            var entityType = entry.Metadata.ClrType.Name;
            var entityKey = string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));
            if (entry.State == EntityState.Modified && AuditCoalescing.Applies(entityType, userId)
                && await AuditCoalescing.TryMergeAsync(context, async, entityType, entityKey, userId!.Value, now, changes, ct))
                continue;
            var (assessmentId, organizationId) = await scopes.OfAsync(entry, ct);
            context.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = name,
                EntityType = entityType,
                EntityKey = entityKey,
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                AssessmentId = assessmentId,
                OrganizationId = organizationId,
                ChangesJson = JsonSerializer.Serialize(changes, FieldChange.Json),
            });
        }
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            var field = property.Metadata.Name;
            if (Skipped.Contains(field) || property.Metadata.IsPrimaryKey() || property.Metadata.IsConcurrencyToken) continue;
            var (old, @new) = entry.State switch
            {
                EntityState.Added => ((object?)null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (Equals(old, @new)) continue;
            if (Masked.Contains(field))
                changes.Add(new FieldChange(field, old is null ? null : "***", @new is null ? null : "***"));
            else
                changes.Add(new FieldChange(field, Format(old), Format(@new)));
        }
        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
