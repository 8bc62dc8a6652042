using Microsoft.AspNetCore.Identity;

namespace Pmqa.Data.Entities;

public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public string DisplayName { get; set; } = "";

    /// <summary>"th" or "en": the language of the user's e-mails and, until they switch, their screens.</summary>
    public string PreferredLanguage { get; set; } = "th";

    /// <summary>A disabled account cannot sign in and its API tokens stop working; it is never deleted,
    /// so the audit trail keeps naming it.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
