using Microsoft.AspNetCore.Identity;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>Identity's messages (password policy, duplicate e-mail…) in the request's language.</summary>
public sealed class BilingualIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string th, string en) => new() { Code = code, Description = Bilingual.T(th, en) };

    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), $"รหัสผ่านต้องยาวอย่างน้อย {length} ตัวอักษร", $"The password must be at least {length} characters long.");
    public override IdentityError PasswordRequiresDigit() =>
        E(nameof(PasswordRequiresDigit), "รหัสผ่านต้องมีตัวเลขอย่างน้อยหนึ่งตัว", "The password must contain at least one digit.");
    public override IdentityError PasswordRequiresLower() =>
        E(nameof(PasswordRequiresLower), "รหัสผ่านต้องมีอักษรภาษาอังกฤษตัวพิมพ์เล็กอย่างน้อยหนึ่งตัว", "The password must contain at least one lowercase letter.");
    public override IdentityError PasswordRequiresUpper() =>
        E(nameof(PasswordRequiresUpper), "รหัสผ่านต้องมีอักษรภาษาอังกฤษตัวพิมพ์ใหญ่อย่างน้อยหนึ่งตัว", "The password must contain at least one uppercase letter.");
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        E(nameof(PasswordRequiresNonAlphanumeric), "รหัสผ่านต้องมีอักขระพิเศษอย่างน้อยหนึ่งตัว", "The password must contain at least one symbol.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"รหัสผ่านต้องมีอักขระไม่ซ้ำกันอย่างน้อย {uniqueChars} ตัว", $"The password must use at least {uniqueChars} different characters.");
    public override IdentityError DuplicateEmail(string email) =>
        E(nameof(DuplicateEmail), $"อีเมล {email} มีผู้ใช้แล้ว", $"The e-mail {email} is already in use.");
    public override IdentityError DuplicateUserName(string userName) =>
        E(nameof(DuplicateUserName), $"อีเมล {userName} มีผู้ใช้แล้ว", $"The e-mail {userName} is already in use.");
    public override IdentityError InvalidEmail(string? email) =>
        E(nameof(InvalidEmail), $"อีเมล {email} ไม่ถูกต้อง", $"The e-mail {email} is not valid.");
    public override IdentityError InvalidUserName(string? userName) =>
        E(nameof(InvalidUserName), $"อีเมล {userName} ไม่ถูกต้อง", $"The e-mail {userName} is not valid.");
    public override IdentityError InvalidToken() =>
        E(nameof(InvalidToken), "ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว", "This link has expired or has already been used.");
    public override IdentityError PasswordMismatch() =>
        E(nameof(PasswordMismatch), "รหัสผ่านไม่ถูกต้อง", "The password is not correct.");
    public override IdentityError DefaultError() =>
        E(nameof(DefaultError), "เกิดข้อผิดพลาด กรุณาลองใหม่", "Something went wrong; please try again.");
}
