using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Turns handler outcomes into HTTP answers (API) or ModelState entries (pages).</summary>
public static class OutcomeResults
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome switch
    {
        Outcome<T>.Ok o => ok(o.Value),
        Outcome<T>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToDictionary(),
            title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields")),
        Outcome<T>.Conflict c => TypedResults.Problem(c.Message.ToString(), statusCode: StatusCodes.Status409Conflict,
            title: Bilingual.T("ไม่สามารถดำเนินการได้", "The change conflicts with the current state")),
        Outcome<T>.Forbidden f => TypedResults.Problem(f.Message.ToString(), statusCode: StatusCodes.Status403Forbidden,
            title: Bilingual.T("บทบาทของคุณทำสิ่งนี้ไม่ได้", "Your role cannot do this")),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Bilingual.T("ไม่พบข้อมูล", "Not found")),
    };

    /// <summary>Copies validation errors next to their fields; <paramref name="prefix"/> is the bound
    /// model's name (e.g. "Input"), and field names are matched case-insensitively.</summary>
    public static void AddTo(this ValidationErrors errors, ModelStateDictionary modelState, string prefix = "Input")
    {
        foreach (var (field, message) in errors.All)
        {
            var key = field.Length == 0 ? "" : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            modelState.AddModelError(key, message.ToString());
        }
    }

    /// <summary>Copies validation errors under the API's own field names (<c>judgements[0].reason</c>), for
    /// pages whose inputs are named like the API's fields.</summary>
    public static void AddByApiName(this ValidationErrors errors, ModelStateDictionary modelState)
    {
        foreach (var (field, message) in errors.All) modelState.AddModelError(field, message.ToString());
    }
}
