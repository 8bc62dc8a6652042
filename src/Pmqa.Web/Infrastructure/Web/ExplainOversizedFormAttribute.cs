using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// For a page that receives a file: refuses a request larger than <paramref name="limit"/> bytes while it is
/// read (never buffered whole), and sends the person back to the page with <c>?error=too-large</c>, where the
/// page shows the limit at the file field. Runs before antiforgery, which would otherwise answer a bare 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExplainOversizedFormAttribute(long limit) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter,
    Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata, Microsoft.AspNetCore.Http.Metadata.IFormOptionsMetadata
{
    public const string TooLargeFlag = "too-large";

    public int Order => -1000;

    public long? MaxRequestBodySize => limit;

    // IFormOptionsMetadata: the multipart limit too, for requests that announce no length.
    public bool? BufferBody => null;
    public int? MemoryBufferThreshold => null;
    public long? BufferBodyLengthLimit => null;
    public int? ValueCountLimit => null;
    public int? KeyLengthLimit => null;
    public int? ValueLengthLimit => null;
    public int? MultipartBoundaryLengthLimit => null;
    public int? MultipartHeadersCountLimit => null;
    public int? MultipartHeadersLengthLimit => null;
    public long? MultipartBodyLengthLimit => limit;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;
        if (http.Request.ContentLength > limit)
        {
            context.Result = TooLarge(http);
            return;
        }
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            context.Result = Features.Evidence.EvidenceApi.TooLarge(e, http.Request, limit) ? TooLarge(http) : new BadRequestResult();
        }
    }

    private static RedirectResult TooLarge(HttpContext http) => new($"{http.Request.PathBase}{http.Request.Path}?error={TooLargeFlag}");
}
