using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(PasswordCheck passwords, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class InputModel
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", Bilingual.T("กรุณากรอกอีเมล", "Enter your e-mail."));
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", Bilingual.T("กรุณากรอกรหัสผ่าน", "Enter your password."));
        if (!ModelState.IsValid) return Page();
        var (user, problem) = await passwords.CheckAsync(Input.Email, Input.Password);
        if (user is null)
        {
            ModelState.AddModelError("", problem!.ToString());
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        // A person who has not chosen a language on this browser gets the one their account prefers.
        if (!Request.Cookies.ContainsKey(Localization.CookieName))
            LanguageModel.WriteCookie(Response, Localization.Parse(user.PreferredLanguage));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
