using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Organizations;

public sealed class CreateModel(CreateOrganization create, OrganizationQueries queries) : PageModel
{
    [BindProperty] public OrganizationFormInput Input { get; set; } = new();
    public IReadOnlyList<OrganizationSummary> Parents { get; private set; } = [];

    public async Task OnGetAsync() => Parents = await queries.ParentsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await create.HandleAsync(new OrganizationInput(Input.Code, Input.NameTh, Input.NameEn, Input.Type, Input.ParentCode));
        if (outcome is Outcome<Guid>.Ok ok) return Redirect($"/organizations/{ok.Value}");
        if (outcome is Outcome<Guid>.Invalid invalid) invalid.Errors.AddTo(ModelState);
        Parents = await queries.ParentsAsync();
        return Page();
    }
}
