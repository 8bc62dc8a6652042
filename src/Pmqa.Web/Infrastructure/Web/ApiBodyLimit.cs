using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// Bounds every JSON body sent to the API. The largest real one, an issue's three explanations of 20,000
/// characters each (escaped), is well under <see cref="MaxBytes"/>; without a bound one save could grow the
/// database and every page that shows it by tens of megabytes. A body announced larger is answered 413 with
/// a problem naming the limit before it is read; a body sent without a length is read up to the limit
/// and answered the same way beyond it.
/// Uploads (multipart) and endpoints that declare their own limit keep theirs.
/// </summary>
public static class ApiBodyLimit
{
    public const long MaxBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var applies = request.Path.StartsWithSegments("/api")
            && !request.HasFormContentType
            && context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is null
            && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method));
        if (!applies)
        {
            await next(context);
            return;
        }
        if (request.ContentLength > MaxBytes)
        {
            await TooLargeAsync(context);
            return;
        }
        if (request.ContentLength is null)
        {
            // Sent without a length (chunked): read it with a bound, so that the answer is the same 413.
            var buffered = new MemoryStream();
            var chunk = new byte[16_384];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffered.Length + read > MaxBytes)
                {
                    await TooLargeAsync(context);
                    return;
                }
                buffered.Write(chunk, 0, read);
            }
            buffered.Position = 0;
            request.Body = buffered;
            context.Response.RegisterForDispose(buffered);
        }
        await next(context);
    });

    private static async Task TooLargeAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = Bilingual.T($"ข้อมูลที่ส่งมาใหญ่เกิน {MaxBytes / 1024 / 1024} MB", $"The request body is larger than {MaxBytes / 1024 / 1024} MB"),
            },
        });
    }
}
