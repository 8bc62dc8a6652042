using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>First start: the printed one-time link lets a person create the system administrator.
/// Once an administrator exists, or with a wrong token, this page does not exist (404).</summary>
public sealed class SetupModel(SetupLink link, PmqaDbContext db, IServiceProvider services, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class InputModel
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await IsOpenAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await IsOpenAsync()) return NotFound();
        if (string.IsNullOrWhiteSpace(Input.DisplayName)) ModelState.AddModelError("Input.DisplayName", Bilingual.T("กรุณากรอกชื่อ", "Enter your name."));
        if (!Users.CreateUser.IsEmail(Input.Email?.Trim() ?? "")) ModelState.AddModelError("Input.Email", Bilingual.T("กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address."));
        if (Input.Password != Input.Confirm) ModelState.AddModelError("Input.Confirm", Bilingual.T("รหัสผ่านทั้งสองช่องไม่ตรงกัน", "The passwords do not match."));
        if (!ModelState.IsValid) return Page();
        var result = await StartupTasks.CreateAdministratorAsync(services, Input.Email!.Trim(), Input.DisplayName!.Trim(), Input.Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }
        link.Revoke();
        await signIn.SignInAsync((await signIn.UserManager.FindByEmailAsync(Input.Email.Trim()))!, isPersistent: false);
        return LocalRedirect("/");
    }

    private async Task<bool> IsOpenAsync() =>
        link.Matches(Token) && !await db.Memberships.AnyAsync(m => m.Role == Role.SystemAdmin);
}
