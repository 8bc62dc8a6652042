using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Account;

/// <summary>Checks a password (with lockout) and whether the account is enabled; shared by the sign-in
/// page and the token endpoint so both refuse exactly the same people.</summary>
public sealed class PasswordCheck(UserManager<AppUser> users, SignInManager<AppUser> signIn)
{
    public async Task<(AppUser? User, Msg? Problem)> CheckAsync(string? email, string? password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        var wrong = new Msg("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "The e-mail or password is not correct.");
        if (user is null || string.IsNullOrEmpty(password)) return (null, wrong);
        if (user.IsDisabled) return (null, new Msg("บัญชีนี้ถูกระงับ กรุณาติดต่อผู้ดูแลระบบ", "This account is disabled; contact the administrator."));
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
            return (null, new Msg("บัญชีถูกล็อกชั่วคราวเพราะใส่รหัสผ่านผิดหลายครั้ง กรุณารอ 15 นาที",
                "The account is locked for 15 minutes after repeated failed attempts."));
        return result.Succeeded ? (user, null) : (null, wrong);
    }
}

public sealed class IssueApiToken(PasswordCheck passwords, PmqaDbContext db, TimeProvider clock, IConfiguration config)
{
    public sealed record Command(string? Email, string? Password);

    public sealed record Result(string Token, DateTimeOffset ExpiresAt);

    public async Task<Outcome<Result>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var (user, problem) = await passwords.CheckAsync(command.Email, command.Password);
        if (user is null) return new ValidationErrors().Add("password", problem!.Th, problem.En);
        var token = ApiTokens.NewToken();
        var now = clock.GetUtcNow();
        var row = new ApiToken
        {
            UserId = user.Id, TokenHash = ApiTokens.Hash(token), CreatedAt = now,
            ExpiresAt = now + config.GetValue("Api:TokenLifetime", TimeSpan.FromHours(12)),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new Result(token, row.ExpiresAt);
    }
}

public sealed class RevokeApiToken(PmqaDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(string tokenHash, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == tokenHash, ct);
        if (token is null || token.RevokedAt is not null) return;
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
