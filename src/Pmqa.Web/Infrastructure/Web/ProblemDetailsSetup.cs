using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>API errors are RFC 9457 problem details; unexpected failures never leak a stack trace.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken token)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException => (StatusCodes.Status400BadRequest, Bilingual.T("คำขอไม่ถูกต้อง", "The request could not be read")),
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException =>
                (StatusCodes.Status409Conflict, Bilingual.T("มีผู้อื่นแก้ไขข้อมูลนี้ก่อนแล้ว", "Someone else changed this first")),
            _ => (StatusCodes.Status500InternalServerError, Bilingual.T("เกิดข้อผิดพลาดในระบบ", "An unexpected error occurred")),
        };
        if (status == StatusCodes.Status500InternalServerError) log.LogError(exception, "Unhandled exception");
        if (!context.Request.Path.StartsWithSegments("/api")) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
        });
    }
}
