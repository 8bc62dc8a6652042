using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>A person as pages show them: the display name, with the e-mail kept for a hover title.</summary>
public sealed record PersonName(string Email, string Name)
{
    /// <summary>The name, or the e-mail when the account has no name (or the text is not an account, e.g. "system").</summary>
    public string Display => string.IsNullOrWhiteSpace(Name) ? Email : Name;
}

/// <summary>
/// Turns the e-mail addresses that records store (who saved, who submitted) into people's names for display, in
/// one query on the indexed normalised e-mail. What is stored does not change: the audit trail keeps the address.
/// </summary>
public sealed class PersonNames(PmqaDbContext db)
{
    public async Task<IReadOnlyDictionary<string, PersonName>> ResolveAsync(IEnumerable<string?> emails, CancellationToken ct = default)
    {
        var wanted = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var result = new Dictionary<string, PersonName>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0) return result;
        var normalized = wanted.Select(e => e.ToUpperInvariant()).ToList();
        var found = await db.Users.AsNoTracking().Where(u => normalized.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
        foreach (var u in found) result[u.Email!] = new PersonName(u.Email!, u.DisplayName);
        foreach (var e in wanted) result.TryAdd(e, new PersonName(e, ""));
        return result;
    }
}
