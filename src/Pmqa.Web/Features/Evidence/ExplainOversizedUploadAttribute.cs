using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Pmqa.Web.Features.Evidence;

/// <summary>
/// Reads a posted form before antiforgery validation does. A request larger than the upload limit cannot be
/// read (the server stops it at the limit), and antiforgery would answer it with a bare 400; here the person is
/// sent to the evidence page, which says how large a file may be.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExplainOversizedUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TooLargeFlag = "too-large";

    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            var limit = http.RequestServices.GetRequiredService<EvidenceCommands>().RequestLimit;
            // The page a form names in its address (an issue's evidence panel) gets the person back, with the message.
            var returnUrl = http.Request.Query["returnUrl"].ToString();
            var back = returnUrl.Length > 0 ? "&returnUrl=" + Uri.EscapeDataString(returnUrl) : "";
            context.Result = EvidenceApi.TooLarge(e, http.Request, limit)
                ? new RedirectResult($"{http.Request.PathBase}{http.Request.Path}?error={TooLargeFlag}{back}")
                : new BadRequestResult();
        }
    }
}
