using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>
/// Ends sign-in cookies on the server: a cookie carries the account's security stamp at sign-in, and it is
/// accepted only while the account still has that stamp and is enabled. Signing out, disabling, resetting
/// or changing the password give the account a new stamp, so a copy of the old cookie opens nothing.
/// The stamp is read at most once per <see cref="CacheFor"/> per account and instance (no query per
/// request); this instance forgets it at once when it changes the stamp, other instances within
/// <see cref="CacheFor"/> (docs/decisions/0011-sessions-end-on-the-server.md).
/// Replaces Identity's SecurityStampValidator, which on a mismatch signs out of schemes this application
/// does not register and so answered every later request with 500.
/// </summary>
public sealed class SessionStamps(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Current(string? Stamp, bool Disabled);

    public static Task ValidateAsync(CookieValidatePrincipalContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<SessionStamps>().CheckAsync(context);

    private async Task CheckAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && stamp is not null)
        {
            Current? current;
            try
            {
                current = await CurrentAsync(userId, context.HttpContext);
            }
            catch (Exception e) when (Web.DatabaseUnavailable.Is(e))
            {
                // The database cannot be reached: the cookie goes through unchecked (and the answer is not cached).
                // Whatever the request does next needs the database too and answers 503 "try again"; rejecting here
                // would send a signed-in person to the sign-in page, and throwing would fail the error page as well.
                return;
            }
            if (current is { Disabled: false } && current.Stamp == stamp) return;
        }
        // Only the cookie scheme exists here; the request continues anonymous (sign-in page, or 401 for the API).
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private async Task<Current?> CurrentAsync(Guid userId, HttpContext http)
    {
        if (cache.TryGetValue(Key(userId), out Current? cached)) return cached;
        var db = http.RequestServices.GetRequiredService<PmqaDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Current(u.SecurityStamp, u.IsDisabled))
            .SingleOrDefaultAsync(http.RequestAborted);
        cache.Set(Key(userId), current, CacheFor);
        return current;
    }

    /// <summary>Call after changing an account's stamp or enabled state, so this instance sees it at once.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => "session-stamp:" + userId;
}
