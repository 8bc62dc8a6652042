using System.Data;
using System.Diagnostics;
using Npgsql;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>
/// PostgreSQL through <c>pg_dump -Fc</c> and <c>pg_restore</c>. The backup opens a repeatable-read transaction,
/// exports its snapshot and hands it to pg_dump (<c>--snapshot</c>), so the row counts in the manifest and the
/// dump are the very same state of the database, whatever the application commits meanwhile.
/// </summary>
public sealed class PostgresCopy(string connectionString, string? pgBinDirectory) : IDatabaseCopy
{
    private const string Tables = "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename";

    public string FileName => "database.dump";

    public async Task<DatabaseContents> BackupAsync(string file, CancellationToken ct)
    {
        var pgDump = PgTools.Find("pg_dump", pgBinDirectory);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var contents = await DatabaseContents.ReadAsync(connection, transaction, Tables, ct);
        await PgTools.RunAsync(pgDump, connectionString, ["--format=custom", "--no-password", $"--snapshot={snapshot}", $"--file={file}"], ct);
        await transaction.RollbackAsync(ct);
        return contents;
    }

    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        if (!await ExistsAsync(ct)) return true;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync(ct))! == 0;
    }

    public async Task RestoreAsync(string file, bool force, CancellationToken ct)
    {
        var pgRestore = PgTools.Find("pg_restore", pgBinDirectory);
        if (!await ExistsAsync(ct)) await CreateDatabaseAsync(ct);
        else if (force)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        // One transaction: a restore that fails half-way leaves the target as empty as it was.
        await PgTools.RunAsync(pgRestore, connectionString,
            ["--no-password", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}", file], ct);
    }

    public async Task<DatabaseContents> ReadAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        return await DatabaseContents.ReadAsync(connection, null, Tables, ct);
    }

    /// <summary>The target database may not exist yet on a new server: it is looked for from the maintenance database.</summary>
    private async Task<bool> ExistsAsync(CancellationToken ct)
    {
        var (maintenance, name) = Maintenance();
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private async Task CreateDatabaseAsync(CancellationToken ct)
    {
        var (maintenance, name) = Maintenance();
        await using var connection = new NpgsqlConnection(maintenance);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\" ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private (string Connection, string Database) Maintenance()
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new InvalidOperationException("ConnectionStrings:Default names no Database.");
        builder.Database = "postgres";
        builder.Pooling = false;
        return (builder.ConnectionString, name);
    }
}

/// <summary>Finds and runs the PostgreSQL client programs.</summary>
public static class PgTools
{
    /// <summary><c>Backup:PgBinDirectory</c> when set; otherwise the PATH; otherwise Debian's newest
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (the newest pg_dump reads every older server).</summary>
    public static string Find(string program, string? binDirectory)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            var configured = Path.Combine(binDirectory, program);
            return File.Exists(configured) ? configured
                : throw new BackupException($"{program} is not in Backup:PgBinDirectory ({binDirectory}). Install the PostgreSQL client (Debian: postgresql-client) or correct the setting.");
        }
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program));
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates = candidates.Concat(Directory.EnumerateDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", program)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackupException($"{program} was not found on the PATH nor under /usr/lib/postgresql. Install the PostgreSQL client (Debian: postgresql-client) or set Backup:PgBinDirectory to the folder that holds it.");
    }

    /// <summary>Runs the program with the connection's host, port, user and password in the libpq environment
    /// variables (never on the command line, where other users could read the password).</summary>
    public static async Task RunAsync(string program, string connectionString, IEnumerable<string> arguments, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (c.Host is { } host) start.Environment["PGHOST"] = host;
        start.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Username is { } user) start.Environment["PGUSER"] = user;
        if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
        if (c.Database is { } database) start.Environment["PGDATABASE"] = database;
        start.Environment["PGSSLMODE"] = c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        using var process = Process.Start(start) ?? throw new BackupException($"{program} could not be started.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await stdout;
        if (process.ExitCode != 0)
            throw new BackupException($"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
    }
}

/// <summary>A backup or restore that cannot go on; its message is for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
