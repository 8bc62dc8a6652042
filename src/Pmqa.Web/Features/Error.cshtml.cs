using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Pmqa.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static Pmqa.Web.Infrastructure.Web.Bilingual;

namespace Pmqa.Web.Features;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Detail { get; private set; } = "";

    /// <summary>The database cannot be reached: the page is drawn without asking it anything.</summary>
    public bool WithoutDatabase { get; private set; }

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (TemporaryFault.Of(error) is { } fault)
        {
            // Nothing was saved; the browser still holds what was typed, so going back and sending again works.
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString();
            // The layout's menu reads the signed-in person's roles from the database: not while it is unreachable.
            WithoutDatabase = DatabaseUnavailable.Is(error);
            (Title, Detail) = (fault.Title.ToString(), fault.Message.ToString() + " " +
                T("กดปุ่มย้อนกลับของเบราว์เซอร์ แล้วส่งแบบฟอร์มอีกครั้ง", "Use the browser's Back button and send the form again."));
            return;
        }
        (Title, Detail) = code switch
        {
            404 => (T("ไม่พบหน้านี้", "Page not found"), T("หน้าที่คุณเรียกไม่มีอยู่ หรือคุณไม่มีสิทธิ์เข้าถึง", "The page does not exist, or you may not see it.")),
            429 => (T("พยายามบ่อยเกินไป", "Too many attempts"), T("กรุณารอหนึ่งนาทีแล้วลองใหม่", "Wait a minute and try again.")),
            400 => (T("คำขอไม่ถูกต้อง", "Bad request"), T("แบบฟอร์มหมดอายุหรือข้อมูลไม่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง", "The form expired or was invalid; reload the page and try again.")),
            _ => (T("เกิดข้อผิดพลาด", "Something went wrong"), T("ระบบบันทึกปัญหาไว้แล้ว กรุณาลองใหม่อีกครั้ง", "The problem was logged; please try again.")),
        };
    }
}
