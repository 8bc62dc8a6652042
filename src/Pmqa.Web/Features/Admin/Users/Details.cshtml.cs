using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Users;

public sealed class DetailsModel(UserQueries queries) : PageModel
{
    public UserDetails Details { get; private set; } = null!;
    [TempData] public string? Link { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid userId)
    {
        if (await queries.FindAsync(userId) is not { } details) return NotFound();
        Details = details;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid userId, [FromServices] IssuePasswordReset reset)
    {
        if (await reset.HandleAsync(userId) is not Outcome<string>.Ok ok) return NotFound();
        Link = UserLinks.Absolute(Request, ok.Value);
        return RedirectToPage(new { userId });
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId, [FromServices] SetUserDisabled handler) =>
        SetDisabled(userId, true, handler);

    public Task<IActionResult> OnPostEnableAsync(Guid userId, [FromServices] SetUserDisabled handler) =>
        SetDisabled(userId, false, handler);

    private async Task<IActionResult> SetDisabled(Guid userId, bool disabled, SetUserDisabled handler)
    {
        if (await handler.HandleAsync(userId, disabled) is not Outcome<bool>.Ok) return NotFound();
        Message = disabled
            ? Bilingual.T("ระงับบัญชีแล้ว ผู้ใช้ถูกออกจากระบบและโทเค็น API ถูกยกเลิก", "Account disabled: the person is signed out and their API tokens are revoked.")
            : Bilingual.T("เปิดใช้งานบัญชีแล้ว", "Account enabled.");
        return RedirectToPage(new { userId });
    }
}
