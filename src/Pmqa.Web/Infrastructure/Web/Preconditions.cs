using Microsoft.AspNetCore.Http.HttpResults;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>If-Match handling shared by every versioned resource of the API.</summary>
public static class Preconditions
{
    /// <summary>Reads the version from If-Match (<c>"3"</c>, <c>W/"3"</c> or <c>3</c>); an unreadable one counts as stale.</summary>
    public static bool TryIfMatch(HttpRequest request, out int version)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        version = int.TryParse(ifMatch.Replace("W/", "").Trim('"', ' '), out var v) ? v : -1;
        return !string.IsNullOrEmpty(ifMatch);
    }

    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(Bilingual.T("ต้องส่งส่วนหัว If-Match ด้วยค่า ETag ที่อ่านมา", "Send If-Match with the ETag you read."),
            statusCode: StatusCodes.Status428PreconditionRequired, title: Bilingual.T("ต้องระบุ If-Match", "If-Match is required"));

    public static ProblemHttpResult Stale(Msg message, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(message.ToString(), statusCode: StatusCodes.Status412PreconditionFailed,
            title: Bilingual.T("มีผู้อื่นบันทึกก่อนคุณ", "Someone else saved first"), extensions: extensions);
}
