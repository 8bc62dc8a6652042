using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>Where an invited person, or one whose password was reset, chooses a password with the
/// one-time link the administrator passed on.</summary>
public sealed class SetPasswordModel(UserManager<AppUser> users, SessionStamps stamps) : PageModel
{
    public sealed class InputModel
    {
        public string? Password { get; set; }
        public string? Confirm { get; set; }
    }

    [BindProperty(SupportsGet = true, Name = "user")] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Password != Input.Confirm)
            ModelState.AddModelError("Input.Confirm", Bilingual.T("รหัสผ่านทั้งสองช่องไม่ตรงกัน", "The passwords do not match."));
        var user = await users.FindByIdAsync(UserId.ToString());
        if (user is null || user.IsDisabled)
            ModelState.AddModelError("", Bilingual.T("ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว", "This link has expired or has already been used."));
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user!, Token ?? "", Input.Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "", e.Description);
            return Page();
        }
        // The reset gave the account a new security stamp: every other session of it ends, here at once.
        stamps.Forget(user!.Id);
        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        Done = true;
        return Page();
    }
}
