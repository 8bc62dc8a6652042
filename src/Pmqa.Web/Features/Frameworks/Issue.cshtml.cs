using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Web.Features.Frameworks;

public sealed class IssueModel(FrameworkCatalog catalog) : PageModel
{
    public FrameworkPack Pack { get; private set; } = null!;
    public Category Category { get; private set; } = null!;
    public Issue Issue { get; private set; } = null!;
    public Issue? Previous { get; private set; }
    public Issue? Next { get; private set; }
    public string VersionQuery { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public string? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, string issueCode)
    {
        if (await catalog.FindAsync(code, Version) is not { } found) return NotFound();
        Pack = found.Pack;
        var issues = Pack.Issues.ToList();
        var index = issues.FindIndex(i => i.Code == issueCode);
        if (index < 0) return NotFound();
        Issue = issues[index];
        Category = Pack.CategoryOf(Issue);
        Previous = index > 0 ? issues[index - 1] : null;
        Next = index < issues.Count - 1 ? issues[index + 1] : null;
        VersionQuery = found.Info.IsCurrent ? "" : $"?version={Uri.EscapeDataString(found.Info.Version)}";
        return Page();
    }
}
