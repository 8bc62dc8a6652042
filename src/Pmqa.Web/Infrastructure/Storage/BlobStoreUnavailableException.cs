using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>The blob store could not write a file: the disk is full, the folder is read-only, the share is gone.
/// No database row was written for it (the file is always stored before its row, ADR 0026), so the request can
/// simply be sent again once an operator has fixed the store.</summary>
public sealed class BlobStoreUnavailableException(Exception inner)
    : Exception("The evidence store could not write the file: " + inner.Message, inner)
{
    public const int RetryAfterSeconds = 60;

    public static readonly Msg Title = new("ที่เก็บไฟล์หลักฐานไม่พร้อมใช้งาน", "The evidence store is unavailable");

    public static readonly Msg Explanation = new(
        "ระบบเก็บไฟล์หลักฐานไม่ได้ในขณะนี้ (พื้นที่เต็มหรือเขียนไม่ได้) ไฟล์ของคุณยังไม่ได้บันทึก กรุณาลองใหม่ภายหลัง หากยังไม่ได้ กรุณาแจ้งผู้ดูแลระบบ",
        "The system cannot store evidence files just now (the store is full or not writable); your file was not saved. " +
        "Please try again later, and tell the administrator if it keeps happening.");

    /// <summary>Whether a failure of writing a file is the store's (and not, say, a cancelled request).</summary>
    public static bool IsStoreFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BlobStoreUnavailableException) return true;
        return false;
    }
}
