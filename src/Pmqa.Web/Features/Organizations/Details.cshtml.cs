using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

/// <summary>An organisation and its team. Its members (and OPDC staff) may look; the administrator and
/// the agency's coordinator manage the team.</summary>
public sealed class DetailsModel(OrganizationQueries queries, CurrentUser me, Assessments.AssessmentQueries assessments) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Role { get; set; }
    }

    public OrganizationSummary Organization { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool IsAdmin { get; private set; }
    public IReadOnlyList<Role> GrantableRoles { get; private set; } = [];
    public IReadOnlyList<Assessments.AssessmentListItem> Assessments { get; private set; } = [];
    [BindProperty] public InputModel Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orgId) => await LoadAsync(orgId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid orgId, [FromServices] AddMember add)
    {
        var outcome = await add.HandleAsync(new(orgId, Input.Email, Input.Role));
        if (outcome is Outcome<Guid>.NotFound || !await LoadAsync(orgId)) return NotFound();
        if (outcome is Outcome<Guid>.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState);
            return Page();
        }
        Message = Bilingual.T($"เพิ่ม {Input.Email} แล้ว", $"Added {Input.Email}.");
        return RedirectToPage(new { orgId });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid orgId, Guid membershipId, [FromServices] RemoveMember remove)
    {
        var outcome = await remove.HandleAsync(orgId, membershipId);
        if (outcome is Outcome<bool>.NotFound) return NotFound();
        Message = outcome is Outcome<bool>.Conflict c ? c.Message.ToString() : Bilingual.T("นำสมาชิกออกแล้ว", "Member removed.");
        return RedirectToPage(new { orgId });
    }

    private async Task<bool> LoadAsync(Guid orgId)
    {
        if (await queries.FindAsync(orgId) is not { } organization) return false;
        Organization = organization;
        Members = await queries.MembersAsync(orgId);
        Assessments = await assessments.ForOrganizationAsync(orgId);
        CanManage = await me.CanManageMembersAsync(orgId);
        IsAdmin = await me.IsSystemAdminAsync();
        GrantableRoles = Enum.GetValues<Role>()
            .Where(r => r.FitsOrganization(organization.Type) && (IsAdmin || r.IsAgencyRole()))
            .ToList();
        return true;
    }
}
