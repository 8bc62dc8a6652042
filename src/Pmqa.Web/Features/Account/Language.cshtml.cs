using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>Switches the screens' language (a cookie) and, when signed in, remembers it as the person's
/// preferred language for e-mails.</summary>
public sealed class LanguageModel(UserManager<AppUser> users) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var culture = Localization.Parse(language);
        WriteCookie(Response, culture);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            var code = culture.TwoLetterISOLanguageName;
            if (user.PreferredLanguage != code)
            {
                user.PreferredLanguage = code;
                await users.UpdateAsync(user);
            }
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public static void WriteCookie(HttpResponse response, System.Globalization.CultureInfo culture) =>
        response.Cookies.Append(Localization.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { HttpOnly = true, Secure = IsSecure(response), IsEssential = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });

    private static bool IsSecure(HttpResponse response) =>
        response.HttpContext.Request.IsHttps ||
        Infrastructure.Auth.AuthSetup.CookiePolicy(response.HttpContext.RequestServices.GetRequiredService<IConfiguration>()) == CookieSecurePolicy.Always;
}
