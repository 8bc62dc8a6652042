using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// The address people open the application at, for every absolute link the application writes where no
/// request is at hand (the certificate's QR code, e-mail links, and later calendar feeds and open data).
/// <c>App:PublicUrl</c> when set; else the old <c>Smtp:PublicUrl</c>; else the first address the server
/// listens on (so <c>--urls http://0.0.0.0:8080</c> gives <c>http://localhost:8080</c>, not a fixed port 5000).
/// </summary>
public sealed class PublicUrl(IConfiguration configuration, IServer server)
{
    public string Base
    {
        get
        {
            var configured = configuration["App:PublicUrl"] is { Length: > 0 } app ? app : configuration["Smtp:PublicUrl"];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return listening is null ? "http://localhost:5000" : Openable(listening);
        }
    }

    /// <summary>An absolute link to a path inside the application ("/verify/…").</summary>
    public string To(string path) => Base + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>A listening address with a wildcard host ("0.0.0.0", "[::]", "+", "*") is not an address a person
    /// can open: name this machine instead.</summary>
    private static string Openable(string address)
    {
        var wildcard = System.Text.RegularExpressions.Regex.Match(address, @"^(?<scheme>https?)://(?:0\.0\.0\.0|\[::\]|\+|\*)(?<rest>(:\d+)?.*)$");
        var openable = wildcard.Success ? $"{wildcard.Groups["scheme"].Value}://localhost{wildcard.Groups["rest"].Value}" : address;
        return openable.TrimEnd('/');
    }
}
