using System.Net;

namespace Pmqa.Web.Infrastructure.Observability;

/// <summary>
/// Who may scrape <c>/metrics</c>: the machine itself (loopback, or a Unix socket / in-process caller with no
/// address) and the networks in <c>Metrics:AllowedNetworks</c> (CIDR ranges, e.g. the Prometheus server's).
/// Anyone else gets the 404 of an unknown path. The address is the one after the forwarded-headers middleware,
/// so a request that came through nginx from outside counts as outside. The figures name no person or agency,
/// but they describe the load and the errors of the service: not for everyone.
/// </summary>
public sealed class MetricsAccess(IReadOnlyList<IPNetwork> allowed)
{
    public static MetricsAccess From(IConfiguration config) => new(
        (config["Metrics:AllowedNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPNetwork.Parse).ToList());

    public bool Allows(IPAddress? remote)
    {
        if (remote is null) return true; // a Unix socket or the in-process test server: this machine
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return IPAddress.IsLoopback(remote) || allowed.Any(n => n.Contains(remote));
    }
}
