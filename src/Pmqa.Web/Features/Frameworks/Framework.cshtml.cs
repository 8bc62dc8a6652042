using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Web.Features.Frameworks;

public sealed class FrameworkModel(FrameworkCatalog catalog) : PageModel
{
    public FrameworkPack Pack { get; private set; } = null!;
    public FrameworkVersionInfo Info { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }
    public string VersionQuery => Info.IsCurrent ? "" : $"?version={Uri.EscapeDataString(Info.Version)}";

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await catalog.FindAsync(code, Version) is not { } found) return NotFound();
        (Info, Pack) = found;
        return Page();
    }
}
