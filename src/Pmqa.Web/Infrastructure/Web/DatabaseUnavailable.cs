using Npgsql;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>PostgreSQL cannot be reached: restarting, shutting down, refusing connections, or the connection broke
/// mid-request. Nothing of the request was committed (a broken connection rolls its transaction back), so the
/// answer is 503 with Retry-After and "try again", never a 500 with a stack trace. The connection pool recovers by
/// itself once the server is back (docs/reliability.md, PostgreSQL restart drill).</summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static readonly Msg Title = new("ระบบขัดข้องชั่วคราว กรุณาลองใหม่", "Temporarily unavailable, try again");

    public static readonly Msg Message = new("ขณะนี้ระบบติดต่อฐานข้อมูลไม่ได้ ข้อมูลของคุณยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้งในอีกสักครู่",
        "The system cannot reach its database just now; nothing of yours was saved. Please try again in a moment.");

    /// <summary>Anywhere in the chain (EF wraps it in DbUpdateException or InvalidOperationException).</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                // Class 08: connection exception; 57P01-03: the server shuts down or is starting; 53300: too many connections.
                if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300") return true;
            }
            // Npgsql marks a failure to connect, a broken socket or a timeout as transient.
            else if (e is NpgsqlException { IsTransient: true }) return true;
        }
        return false;
    }
}
