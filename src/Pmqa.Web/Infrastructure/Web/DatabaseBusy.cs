using Microsoft.Data.Sqlite;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>SQLite answers "database is busy/locked" when another write (a long import) holds the file longer
/// than the busy timeout; PostgreSQL aborts one of two transactions that wait on each other (a deadlock, e.g. two
/// saves moving the same two dashboard histogram buckets in opposite directions, ADR 0031) or that could not be
/// serialised. That is a moment's contention, not a fault, and the aborted transaction stored nothing: the answer
/// is 503 with Retry-After and "busy, try again", never a 500.</summary>
public static class DatabaseBusy
{
    public const int RetryAfterSeconds = 5;

    public static readonly Msg Message = new("ระบบกำลังบันทึกข้อมูลอื่นอยู่ ยังไม่ได้บันทึกของคุณ กรุณาลองใหม่อีกครั้งในอีกสักครู่",
        "The system is busy saving other data; yours was not saved. Please try again in a moment.");

    public static readonly Msg Title = new("ระบบไม่ว่างชั่วคราว", "Busy, try again");

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), or PostgreSQL's deadlock_detected (40P01) or
    /// serialization_failure (40001), anywhere in the chain (EF wraps them in DbUpdateException).</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteErrorCode: 5 or 6 }
                || e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure })
                return true;
        return false;
    }
}
