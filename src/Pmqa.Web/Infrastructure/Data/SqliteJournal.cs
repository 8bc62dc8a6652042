using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Data;

/// <summary>
/// The embedded database's journal (ADR 0032). SQLite's default rollback journal makes a committing writer wait until
/// no reader is left, and every reader wait while a writer commits: with twenty editors autosaving and reading their
/// pages the requests queue behind each other's locks. Write-ahead logging lets readers read the last committed state
/// while one writer appends, and writers still take turns (saves begin IMMEDIATE, ScoreCards.BeginAsync), so nothing
/// about correctness changes; commits stay fully synchronous (the default <c>synchronous=FULL</c>), so an
/// acknowledged save survives a crash. The mode is stored in the database file; <c>Database:SqliteJournalMode</c>
/// (WAL by default; DELETE or TRUNCATE) sets it at every start, e.g. DELETE for a file system without shared memory.
/// </summary>
public static class SqliteJournal
{
    public const string Setting = "Database:SqliteJournalMode";
    private static readonly string[] Modes = ["WAL", "DELETE", "TRUNCATE"];

    /// <summary>Sets the configured journal mode on SQLite (nothing on PostgreSQL); returns the mode now in force.</summary>
    public static async Task<string?> ApplyAsync(PmqaDbContext db, IConfiguration config, ILogger log, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite()) return null;
        var wanted = (config[Setting] is { Length: > 0 } m ? m : "WAL").ToUpperInvariant();
        if (!Modes.Contains(wanted))
            throw new InvalidOperationException($"{Setting} is '{config[Setting]}'; use one of {string.Join(", ", Modes)}.");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA journal_mode={wanted}"; // one of the three constants above
            var mode = (await command.ExecuteScalarAsync(ct))?.ToString()?.ToUpperInvariant();
            // An in-memory database answers "MEMORY" and cannot change; anything else unexpected is worth a line.
            if (mode != wanted && mode != "MEMORY") log.LogWarning("SQLite kept journal mode {Mode}; {Wanted} was asked for", mode, wanted);
            return mode;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
