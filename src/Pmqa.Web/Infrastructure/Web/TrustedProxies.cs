using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>: addresses, <c>ForwardedHeaders:KnownNetworks</c>: CIDR ranges, each a
/// comma-separated list or an array). With none named the headers are ignored: otherwise any client could
/// claim a new address with each request and escape the per-address sign-in limit.
/// </summary>
public static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration config)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in List(config.GetSection("ForwardedHeaders:KnownProxies")))
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in List(config.GetSection("ForwardedHeaders:KnownNetworks")))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        // An empty list would mean "trust everyone" to the middleware, so then nothing is forwarded at all.
        options.ForwardedHeaders = options.KnownProxies.Count + options.KnownIPNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    }

    private static IEnumerable<string> List(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
        .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
