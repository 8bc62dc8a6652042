using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>The test server has no network peer: a request says which address it comes from with the
/// <see cref="Header"/> header, read before the application's pipeline (so before the forwarded-headers middleware).</summary>
public sealed class PeerFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return nextMiddleware(context);
        });
        next(app);
    };
}
