using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Frameworks;

public sealed class IndexModel(FrameworkCatalog catalog, CurrentUser me) : PageModel
{
    public IReadOnlyList<FrameworkVersionInfo> Versions { get; private set; } = [];
    public bool IsAdmin { get; private set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Versions = await catalog.ListAsync();
        IsAdmin = await me.IsSystemAdminAsync();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string code, string version, [FromServices] DeleteFrameworkVersion delete)
    {
        if (!await me.IsSystemAdminAsync()) return NotFound();
        Message = await delete.HandleAsync(code, version) switch
        {
            Outcome<bool>.Ok => Bilingual.T($"ลบ {code} รุ่น {version} แล้ว", $"Deleted {code} version {version}."),
            Outcome<bool>.Conflict c => c.Message.ToString(),
            _ => Bilingual.T("ไม่พบรุ่นนี้", "No such version."),
        };
        return RedirectToPage();
    }
}
