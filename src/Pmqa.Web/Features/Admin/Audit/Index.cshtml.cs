using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pmqa.Web.Features.Admin.Audit;

/// <summary>The audit trail moved to /audit (officers read it too); old links and bookmarks still work.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/audit" + Request.QueryString);
}
