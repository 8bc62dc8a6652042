using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Tests.Features.Certificates;

/// <summary>One setting for every absolute link: App:PublicUrl, then the old Smtp:PublicUrl, then the address
/// the server listens on (not a fixed http://localhost:5000 that is wrong as soon as --urls is used).</summary>
public sealed class PublicUrlTests
{
    private sealed class Server(params string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Server Listening()
        {
            var feature = new ServerAddressesFeature();
            foreach (var a in addresses) feature.Addresses.Add(a);
            Features.Set<IServerAddressesFeature>(feature);
            return this;
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }

    private sealed class ServerAddressesFeature : IServerAddressesFeature
    {
        public ICollection<string> Addresses { get; } = new List<string>();
        public bool PreferHostingUrls { get; set; }
    }

    private static PublicUrl With(Dictionary<string, string?> settings, params string[] listening) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Server(listening).Listening());

    [Fact]
    public void App_PublicUrl_wins_over_the_old_setting_and_the_listening_address()
    {
        var url = With(new() { ["App:PublicUrl"] = "https://pmqa.opdc.go.th/", ["Smtp:PublicUrl"] = "https://old.example" }, "http://0.0.0.0:8080");
        Assert.Equal("https://pmqa.opdc.go.th/verify/abc", url.To("/verify/abc"));
    }

    [Fact]
    public void The_old_Smtp_PublicUrl_is_still_read() =>
        Assert.Equal("https://old.example/assessments/1", With(new() { ["Smtp:PublicUrl"] = "https://old.example" }, "http://localhost:5000").To("/assessments/1"));

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("https://pmqa.local:7443", "https://pmqa.local:7443")]
    public void Without_a_setting_links_use_the_first_address_the_server_listens_on(string listening, string expected) =>
        Assert.Equal(expected, With(new(), listening, "http://localhost:9999").Base);
}
