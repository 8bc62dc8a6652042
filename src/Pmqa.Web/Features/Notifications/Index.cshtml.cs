using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Notifications;

/// <summary>The notification centre: the signed-in person's notifications, newest first. Opening one goes
/// through a POST that marks it read and redirects to what it is about.</summary>
public sealed class IndexModel(NotificationInbox inbox) : PageModel
{
    public Page<NotificationItem> Items { get; private set; } = null!;
    public int Unread { get; private set; }
    public bool UnreadOnly { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(bool unread = false, int page = 1)
    {
        UnreadOnly = unread;
        Items = await inbox.ListAsync(unread, page, HttpContext.RequestAborted);
        Unread = await inbox.UnreadCountAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id)
    {
        var link = await inbox.MarkReadAsync(id, HttpContext.RequestAborted);
        if (link is null) return NotFound();
        return LocalRedirect(Url.IsLocalUrl(link) ? link : "/notifications");
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, bool unread = false, int page = 1)
    {
        if (await inbox.MarkReadAsync(id, HttpContext.RequestAborted) is null) return NotFound();
        return RedirectToPage(new { unread = unread ? true : (bool?)null, page = page > 1 ? page : (int?)null });
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var marked = await inbox.MarkAllReadAsync(HttpContext.RequestAborted);
        Message = Bilingual.T($"ทำเครื่องหมายว่าอ่านแล้ว {marked:N0} รายการ", $"Marked {marked:N0} as read.");
        return RedirectToPage();
    }
}
