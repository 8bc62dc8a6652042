using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Turns handler outcomes into HTTP answers (API) or ModelState entries (pages).</summary>
public static class OutcomeResults
{
    /// <summary>The outcome as an HTTP answer. The return type names every answer it can be (the success's
    /// own type, 400, and 403/404/409 problems), so an endpoint that returns it gets its responses and their
    /// schemas into the OpenAPI document without declaring them again.</summary>
    public static Results<TOk, ValidationProblem, OutcomeProblem> ToHttp<T, TOk>(this Outcome<T> outcome, Func<T, TOk> ok)
        where TOk : IResult => outcome switch
    {
        Outcome<T>.Ok o => ok(o.Value),
        Outcome<T>.Invalid i => TypedResults.ValidationProblem(i.Errors.ToDictionary(),
            title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields")),
        _ => OutcomeProblem.Of(outcome),
    };

    /// <summary>The failure of an outcome as a problem (400 included), for endpoints that answer a failure
    /// before they have a success to describe.</summary>
    public static IResult Failure<T>(this Outcome<T> outcome) => outcome is Outcome<T>.Invalid i
        ? TypedResults.ValidationProblem(i.Errors.ToDictionary(), title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"))
        : OutcomeProblem.Of(outcome);

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
