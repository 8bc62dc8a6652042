using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>A JSON body that cannot be read (malformed, or a value of the wrong type) is answered like every
/// other invalid request: a 400 problem in Thai or English naming the field (<c>indicators[0].baseline</c>)
/// and the position (line and byte), in <c>errors</c> under that field's name.</summary>
public static class JsonBodyProblems
{
    public static ValidationProblemDetails Describe(JsonException json)
    {
        var field = FieldOf(json.Path);
        var line = (json.LineNumber ?? 0) + 1;
        var position = (json.BytePositionInLine ?? 0) + 1;
        var where = field.Length == 0
            ? Bilingual.T($"บรรทัด {line} ไบต์ที่ {position}", $"line {line}, byte {position}")
            : Bilingual.T($"ช่อง {field} (บรรทัด {line} ไบต์ที่ {position})", $"field {field} (line {line}, byte {position})");
        var message = Mistyped(json)
            ? Bilingual.T($"ค่าของ {where} มีชนิดไม่ถูกต้อง", $"The value of {where} has the wrong type.")
            : Bilingual.T($"JSON ไม่ถูกต้องที่ {where}", $"The JSON is malformed at {where}.");
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Bilingual.T("อ่านเนื้อหาคำขอไม่ได้", "The request body could not be read"),
            Detail = message,
        };
    }

    /// <summary><c>$.indicators[0].baseline</c> → <c>indicators[0].baseline</c>; the root (<c>$</c>) has no field.</summary>
    public static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');

    /// <summary>Malformed JSON comes from System.Text.Json's reader (its JsonReaderException inside); anything
    /// else is well-formed JSON with a value that does not fit the field's type.</summary>
    private static bool Mistyped(JsonException json) => json.InnerException?.GetType().Name != "JsonReaderException";
}
