using System.Data.Common;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>What a database holds, as a backup compares it: the migrations applied (the schema version), the rows
/// of every table, and the evidence blobs its rows point at.</summary>
public sealed record DatabaseContents(IReadOnlyList<string> Migrations, IReadOnlyDictionary<string, long> RowCounts, IReadOnlySet<string> ReferencedBlobs)
{
    /// <summary>Reads it through <paramref name="connection"/> (inside <paramref name="transaction"/> when given, so all
    /// the counts come from one snapshot). <paramref name="tablesSql"/> lists the user tables of the provider.</summary>
    public static async Task<DatabaseContents> ReadAsync(DbConnection connection, DbTransaction? transaction, string tablesSql, CancellationToken ct)
    {
        var tables = await ColumnAsync(connection, transaction, tablesSql, ct);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
            counts[table] = Convert.ToInt64(await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {Quote(table)}", ct));
        var migrations = tables.Contains("__EFMigrationsHistory")
            ? await ColumnAsync(connection, transaction, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"", ct)
            : [];
        var blobs = tables.Contains("Evidence")
            ? await ColumnAsync(connection, transaction, "SELECT DISTINCT \"Sha256\" FROM \"Evidence\"", ct)
            : [];
        return new DatabaseContents(migrations, counts, blobs.ToHashSet(StringComparer.Ordinal));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
        return values;
    }
}

/// <summary>One provider's way to copy the whole database to a file in the backup folder and back.</summary>
public interface IDatabaseCopy
{
    string FileName { get; }
    /// <summary>Writes a consistent snapshot of the live database to <paramref name="file"/> while the
    /// application keeps writing, and returns what that snapshot holds.</summary>
    Task<DatabaseContents> BackupAsync(string file, CancellationToken ct);
    /// <summary>True when the target database has no tables at all (or does not exist yet).</summary>
    Task<bool> IsEmptyAsync(CancellationToken ct);
    /// <summary>Replaces the target database by the backup <paramref name="file"/>; <paramref name="force"/> drops
    /// what the target held first.</summary>
    Task RestoreAsync(string file, bool force, CancellationToken ct);
    Task<DatabaseContents> ReadAsync(CancellationToken ct);
}
