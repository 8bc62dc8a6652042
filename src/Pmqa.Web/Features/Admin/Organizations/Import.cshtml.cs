using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Organizations;

[ExplainOversizedForm(ImportOrganizations.RequestLimit)]
public sealed class ImportModel(ImportOrganizations import) : PageModel
{
    public static string ShippedList => Path.Combine(AppContext.BaseDirectory, "seeds", "organizations-th.csv");

    public ImportOrganizations.Result? Result { get; private set; }
    public bool ShippedListExists => System.IO.File.Exists(ShippedList);

    public void OnGet(string? error)
    {
        if (error == ExplainOversizedFormAttribute.TooLargeFlag)
            ModelState.AddModelError("file", ImportOrganizations.TooLargeMessage.ToString());
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", Bilingual.T("กรุณาเลือกไฟล์ CSV", "Choose a CSV file."));
            return Page();
        }
        await using var stream = file.OpenReadStream();
        Result = await import.HandleAsync(stream);
        // A whole-file refusal (too large, a collision) belongs at the file field, not in the table of rows.
        if (Result.Refused != ImportOrganizations.Refusal.None)
        {
            ModelState.AddModelError("file", Result.Errors[0].Message.ToString());
            Result = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostShippedAsync()
    {
        await using var stream = System.IO.File.OpenRead(ShippedList);
        Result = await import.HandleAsync(stream);
        return Page();
    }
}
