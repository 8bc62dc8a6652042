using System.Security.Cryptography;
using System.Text;

namespace Pmqa.Web.Infrastructure.Auth;

/// <summary>Opaque API tokens: 32 random bytes shown once, stored as SHA-256.</summary>
public static class ApiTokens
{
    public static string NewToken() =>
        "pmqa_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
