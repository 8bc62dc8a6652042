using System.Security.Cryptography;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>
/// The one-time link that lets the first person create the system administrator. It exists only while
/// there is no administrator, lives in memory (a restart prints a new one) and is used once.
/// </summary>
public sealed class SetupLink
{
    private string? _token;

    public string? Token => _token;

    public string Issue() => _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public bool Matches(string? token) =>
        _token is not null && token is not null &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(_token), System.Text.Encoding.UTF8.GetBytes(token));

    public void Revoke() => _token = null;
}
