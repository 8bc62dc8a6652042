using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pmqa.Web.Infrastructure.Data;

/// <summary>
/// Tells a save that lost a race from a save that failed. Only a concurrency conflict (a stale version token)
/// or a unique violation (two first saves of the same row) means "someone else saved this" and deserves the
/// merge screen; any other database error (a check constraint, a full disk, a lost connection) is a fault,
/// left to propagate so that it is logged and answered as an error.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>Use as <c>catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))</c>.</summary>
    public static bool IsConflict(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555)
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
