using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Users;

/// <summary>Creates an account. With a password the person can sign in at once; without one they are
/// invited: the answer carries a one-time link where they choose their own password.</summary>
public sealed class CreateUser(UserManager<AppUser> users, TimeProvider clock)
{
    public sealed record Command(string? Email, string? DisplayName, string? Password, string? Language = "th");

    public sealed record Result(Guid Id, string? SetPasswordPath);

    public async Task<Outcome<Result>> HandleAsync(Command command)
    {
        var errors = new ValidationErrors();
        var email = command.Email?.Trim() ?? "";
        if (!IsEmail(email)) errors.Add("email", "กรุณากรอกอีเมลที่ถูกต้อง", "Enter a valid e-mail address.");
        else if (await users.FindByEmailAsync(email) is not null)
            errors.Add("email", $"อีเมล {email} มีผู้ใช้แล้ว", $"The e-mail {email} is already in use.");
        if (string.IsNullOrWhiteSpace(command.DisplayName))
            errors.Add("displayName", "กรุณากรอกชื่อที่แสดง", "Enter the person's name.");
        else
            errors.Limit("displayName", command.DisplayName.Trim(), TextLimits.Name);
        if (errors.Any) return errors;

        var user = new AppUser
        {
            Email = email, UserName = email, EmailConfirmed = true, DisplayName = command.DisplayName!.Trim(),
            PreferredLanguage = command.Language == "en" ? "en" : "th", CreatedAt = clock.GetUtcNow(),
        };
        var invite = string.IsNullOrEmpty(command.Password);
        var created = invite ? await users.CreateAsync(user) : await users.CreateAsync(user, command.Password!);
        if (!created.Succeeded)
        {
            foreach (var e in created.Errors)
                errors.Add(e.Code.StartsWith("Password") ? "password" : "email", e.Description, e.Description);
            return errors;
        }
        return new Result(user.Id, invite ? await UserLinks.SetPasswordPathAsync(users, user) : null);
    }

    public static bool IsEmail(string email) =>
        email.Length is > 3 and <= 256 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
}

/// <summary>Disables or enables an account. Disabling signs the person out everywhere (new security
/// stamp) and revokes their API tokens; the account stays so the audit trail keeps its name.</summary>
public sealed class SetUserDisabled(UserManager<AppUser> users, PmqaDbContext db, TimeProvider clock, SessionStamps stamps)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, bool disabled)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return new Outcome<bool>.NotFound();
        user.IsDisabled = disabled;
        await users.UpdateSecurityStampAsync(user);
        stamps.Forget(user.Id);
        if (disabled)
        {
            var now = clock.GetUtcNow();
            await foreach (var token in db.ApiTokens.Where(t => t.UserId == id && t.RevokedAt == null).AsAsyncEnumerable())
                token.RevokedAt = now;
            await db.SaveChangesAsync();
        }
        return true;
    }
}

/// <summary>Issues a one-time link with which the person sets a new password (the administrator passes
/// it on; e-mail delivery comes with the notification outbox).</summary>
public sealed class IssuePasswordReset(UserManager<AppUser> users)
{
    public async Task<Outcome<string>> HandleAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return new Outcome<string>.NotFound();
        return await UserLinks.SetPasswordPathAsync(users, user);
    }
}

public static class UserLinks
{
    public static async Task<string> SetPasswordPathAsync(UserManager<AppUser> users, AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/account/set-password?user={user.Id}&token={Uri.EscapeDataString(token)}";
    }

    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
