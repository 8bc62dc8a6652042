using Microsoft.AspNetCore.Http.HttpResults;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>If-Match handling shared by every versioned resource of the API.</summary>
public static class Preconditions
{
    /// <summary>Reads the version from If-Match (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); an unreadable one counts as stale.</summary>
    public static bool TryIfMatch(HttpRequest request, out int version)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        version = VersionOf(ifMatch);
        return !string.IsNullOrEmpty(ifMatch);
    }

    /// <summary>The version an ETag carries, or -1 (never current) when it is unreadable.</summary>
    public static int VersionOf(string etag) => int.TryParse(etag.Replace("W/", "").Trim('"', ' '), out var v) ? v : -1;

    /// <summary><c>If-Match: *</c> (RFC 9110: matches whatever version is current). Endpoints where only one
    /// person ever writes accept it; where several people edit the same thing it is refused with
    /// <see cref="BlindOverwriteRefused"/>, because it would overwrite a colleague's newer change unseen.</summary>
    public static bool IsAny(HttpRequest request) => request.Headers.IfMatch.ToString().Trim() == "*";

    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(Bilingual.T("ต้องส่งส่วนหัว If-Match ด้วยค่า ETag ที่อ่านมา", "Send If-Match with the ETag you read."),
            statusCode: StatusCodes.Status428PreconditionRequired, title: Bilingual.T("ต้องระบุ If-Match", "If-Match is required"));

    public static ProblemHttpResult BlindOverwriteRefused(Msg why) =>
        TypedResults.Problem(why.ToString(), statusCode: StatusCodes.Status428PreconditionRequired,
            title: Bilingual.T("ที่นี่ใช้ If-Match: * ไม่ได้ ต้องส่ง ETag ที่อ่านมา", "If-Match: * is not accepted here; send the ETag you read"));

    /// <summary>Why answers and profile sections refuse <c>If-Match: *</c>.</summary>
    public static readonly Msg SharedEditing = new(
        "ข้อมูลนี้มีหลายคนในหน่วยงานแก้ไขพร้อมกัน การบันทึกทับโดยไม่ระบุรุ่นที่อ่านมาอาจลบงานของผู้อื่นโดยไม่รู้ตัว กรุณาส่ง ETag ที่ได้จากการอ่าน",
        "Several people of the agency edit this at the same time: saving over whatever is there (If-Match: *) could silently erase a colleague's work. Send the ETag you read.");

    public static ProblemHttpResult Stale(Msg message, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(message.ToString(), statusCode: StatusCodes.Status412PreconditionFailed,
            title: Bilingual.T("มีผู้อื่นบันทึกก่อนคุณ", "Someone else saved first"), extensions: extensions);
}
