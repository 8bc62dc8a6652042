using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>API errors are RFC 9457 problem details, always (never the HTML error page, whatever the client's
/// Accept says); unexpected failures never leak a stack trace. Pages fall through to the error page.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        // The middleware has already pointed the request at /error: the original path tells an API call apart.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "";
        // The request's language was chosen further in (the exception has left that scope): choose it again.
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } language)
            System.Globalization.CultureInfo.CurrentUICulture = language.RequestCulture.UICulture;
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError) log.LogError(exception, "Unhandled exception");
        if (TemporaryFault.Of(exception) is { } fault)
        {
            log.Log(fault.Level, exception, "{What}", fault.LogText);
            context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString();
        }
        if (!new PathString(path).StartsWithSegments("/api")) return false;
        context.Response.StatusCode = problem.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem }))
            return true;
        // The client's Accept excluded JSON (e.g. text/html): a problem document is still the only answer the API gives.
        await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", token);
        return true;
    }

    private static ProblemDetails Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => JsonBodyProblems.Describe(json),
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? Bilingual.T("ชนิดเนื้อหาไม่ถูกต้อง ต้องส่ง JSON (Content-Type: application/json)", "Send the body as JSON (Content-Type: application/json)")
                : Bilingual.T("คำขอไม่ถูกต้อง", "The request could not be read"),
        },
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = Bilingual.T("มีผู้อื่นแก้ไขข้อมูลนี้ก่อนแล้ว", "Someone else changed this first"),
        },
        _ when TemporaryFault.Of(exception) is { } fault => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable, Title = fault.Title.ToString(), Detail = fault.Message.ToString(),
        },
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError, Title = Bilingual.T("เกิดข้อผิดพลาดในระบบ", "An unexpected error occurred"),
        },
    };
}
