using Microsoft.Data.Sqlite;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>
/// SQLite through its online backup API (<c>sqlite3_backup</c>, <see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>):
/// the pages are copied in one step under a read lock, so the copy is one consistent state of the database even
/// while the application writes (its writers wait for the lock within their busy timeout, as they do for any reader).
/// </summary>
public sealed class SqliteCopy(string connectionString) : IDatabaseCopy
{
    private const string Tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";

    public string FileName => "database.sqlite";

    public async Task<DatabaseContents> BackupAsync(string file, CancellationToken ct)
    {
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(Private(file, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        return await ReadFileAsync(file, ct);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(file)) return true;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 0;
    }

    /// <summary>The backup API replaces every page of the target, so a forced restore needs no clearing first.</summary>
    public async Task RestoreAsync(string file, bool force, CancellationToken ct)
    {
        var target = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(target));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        await using (var source = new SqliteConnection(Private(file, SqliteOpenMode.ReadOnly)))
        await using (var destination = new SqliteConnection(connectionString))
        {
            await source.OpenAsync(ct);
            await destination.OpenAsync(ct);
            source.BackupDatabase(destination);
            SqliteConnection.ClearPool(destination);
        }
    }

    public async Task<DatabaseContents> ReadAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return await DatabaseContents.ReadAsync(connection, null, Tables, ct);
    }

    private static async Task<DatabaseContents> ReadFileAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(Private(file, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(ct);
        return await DatabaseContents.ReadAsync(connection, null, Tables, ct);
    }

    /// <summary>Unpooled, so the file is closed (and can be moved or deleted) as soon as the connection is.</summary>
    private static string Private(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString;
}
