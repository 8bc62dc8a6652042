using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Frameworks;

public sealed class ImportModel(ImportFramework import) : PageModel
{
    public ImportFramework.Result? Imported { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", Bilingual.T("กรุณาเลือกไฟล์ YAML", "Choose a YAML file."));
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream());
        switch (await import.HandleAsync(await reader.ReadToEndAsync()))
        {
            case Outcome<ImportFramework.Result>.Ok ok: Imported = ok.Value; break;
            case Outcome<ImportFramework.Result>.Invalid invalid: invalid.Errors.AddTo(ModelState, prefix: ""); break;
            case Outcome<ImportFramework.Result>.Conflict conflict: ModelState.AddModelError("", conflict.Message.ToString()); break;
        }
        return Page();
    }
}
