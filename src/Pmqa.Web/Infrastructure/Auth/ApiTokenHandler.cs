using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer …</c> against the hashed tokens in the database.
/// A revoked or expired token, or one of a disabled user, authenticates nobody.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    PmqaDbContext db, TimeProvider clock, CurrentUser currentUser)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private sealed record Caller(Guid Id, string? Email, List<MembershipInfo> Memberships);

    /// <summary>The token's user with their memberships in one SELECT (ADR 0010), compiled once: every API
    /// request runs it, and a compiled query skips building and looking up the LINQ expression each time.
    /// Both are read fresh on every request, so revoking either acts at once.</summary>
    private static readonly CompiledPerModel<Func<PmqaDbContext, string, DateTimeOffset, Task<Caller?>>> TokenUser = new(() => EF.CompileAsyncQuery(
        (PmqaDbContext db, string hash, DateTimeOffset now) => db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now && !t.User!.IsDisabled)
            .Select(t => new Caller(t.User!.Id, t.User.Email,
                t.User.Memberships.Select(m => new MembershipInfo(m.OrganizationId, m.Role)).ToList()))
            .FirstOrDefault()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = ApiTokens.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var user = await TokenUser.For(db)(db, hash, now);
        if (user is null) return AuthenticateResult.Fail("invalid token");
        currentUser.Prime(user.Id, user.Memberships);
        var identity = new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, user.Email ?? ""), new("token", hash)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
