using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Admin.Organizations;

/// <summary>Edits an organisation. A save from a stale copy shows the saved version beside the
/// person's own input, which is kept, so nothing is lost and nothing is silently overwritten.</summary>
public sealed class EditModel(UpdateOrganization update, OrganizationQueries queries) : PageModel
{
    [BindProperty] public OrganizationFormInput Input { get; set; } = new();
    public IReadOnlyList<OrganizationSummary> Parents { get; private set; } = [];
    public Guid OrgId { get; private set; }
    public string Code { get; private set; } = "";
    public OrganizationSummary? Latest { get; private set; }
    public string? ConflictMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid orgId)
    {
        if (await queries.FindAsync(orgId) is not { } o) return NotFound();
        Input = new OrganizationFormInput
        {
            Code = o.Code, NameTh = o.NameTh, NameEn = o.NameEn, ParentCode = o.ParentCode, IsActive = o.IsActive, Version = o.Version,
        };
        await LoadAsync(o);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid orgId)
    {
        var outcome = await update.HandleAsync(new(orgId, Input.Version, Input.NameTh, Input.NameEn, Input.ParentCode, Input.IsActive));
        if (outcome is Outcome<int>.NotFound || await queries.FindAsync(orgId) is not { } current) return NotFound();
        if (outcome is Outcome<int>.Ok) return Redirect($"/organizations/{orgId}");
        if (outcome is Outcome<int>.Invalid invalid) invalid.Errors.AddTo(ModelState);
        if (outcome is Outcome<int>.Conflict conflict)
        {
            Latest = current;
            ConflictMessage = conflict.Message.ToString();
            // The next save is made knowingly against the version now shown.
            ModelState.Remove("Input.Version");
            Input.Version = current.Version;
        }
        await LoadAsync(current);
        return Page();
    }

    private async Task LoadAsync(OrganizationSummary o)
    {
        OrgId = o.Id;
        Code = o.Code;
        Parents = await queries.ParentsAsync();
    }
}
