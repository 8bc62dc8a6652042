using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SessionStamps stamps) : PageModel
{
    public void OnGet() { }

    /// <summary>Signing out ends the session on the server too: a new security stamp makes every copy of
    /// the cookie worthless (on this browser and any other where the person was signed in).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            stamps.Forget(user.Id);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
