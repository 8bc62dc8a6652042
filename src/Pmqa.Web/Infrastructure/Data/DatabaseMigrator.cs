using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Data;

/// <summary>
/// Applies pending migrations, after checking what a migration cannot fix on its own. Migration 0011 makes
/// organisation codes unique whatever their case; a database holding "dla" beside "DLA" would make it fail
/// with an obscure unique-index error, so the clashing codes are listed first (logged, and in the exception
/// that stops start-up or the <c>migrate</c> command). Nothing is renamed: deciding which of two agencies is
/// the real one, and merging or recoding the other, is an operator's call.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>The migration that makes organisation codes case-insensitive (same id in both providers).</summary>
    public const string CaseInsensitiveCodes = "0011_UniqueUnderConcurrency";

    public static async Task MigrateAsync(PmqaDbContext db, ILogger log, CancellationToken ct = default)
    {
        // One read of the history table (GetPendingMigrationsAsync would read it again).
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = db.Database.GetMigrations().Except(applied).ToList();
        // A new database has no organisations yet: nothing to check before its first migration.
        if (pending.Contains(CaseInsensitiveCodes) && applied.Count > 0)
        {
            var clashes = await CodeClashesAsync(db, ct);
            if (clashes.Count > 0)
            {
                var list = string.Join("; ", clashes.Select(c => string.Join(", ", c)));
                log.LogCritical("Migration {Migration} not applied: organisation codes differ only by case: {Clashes}", CaseInsensitiveCodes, list);
                throw new InvalidOperationException(
                    $"Migration {CaseInsensitiveCodes} makes organisation codes case-insensitive, but these codes differ only by case: {list}. " +
                    "Nothing was changed. Recode or merge one organisation of each group (its code, or its data into the other), then start again.");
            }
        }
        // An up-to-date database (every start but the first after an upgrade) needs nothing more: EF's MigrateAsync
        // would read the history again and take its migration lock, for nothing (issue 13, start-up time).
        if (pending.Count == 0) return;
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>Groups of existing codes that are equal ignoring case, e.g. [["DLA", "dla"]].</summary>
    public static async Task<List<List<string>>> CodeClashesAsync(PmqaDbContext db, CancellationToken ct = default)
    {
        // Read with plain SQL: the model already has the CodeKey column this migration adds.
        var codes = await db.Database.SqlQueryRaw<string>("SELECT \"Code\" AS \"Value\" FROM \"Organizations\"").ToListAsync(ct);
        return codes.GroupBy(c => c.ToLowerInvariant()).Where(g => g.Count() > 1)
            .Select(g => g.Order(StringComparer.Ordinal).ToList()).OrderBy(g => g[0], StringComparer.Ordinal).ToList();
    }
}
