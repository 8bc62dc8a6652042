using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

public sealed class RateLimitedApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["RateLimiting:SignInPermitsPerMinute"] = "3";
            settings["ForwardedHeaders:KnownProxies"] = TrustedProxy;
            return settings;
        }
    }

    /// <summary>The reverse proxy named in configuration.</summary>
    public const string TrustedProxy = "10.0.0.5";

    /// <summary>See <see cref="PeerFromHeader"/>.</summary>
    public const string PeerHeader = PeerFromHeader.Header;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerFromHeader.AddTo(builder);
    }
}

public sealed class SignInLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests,
                (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"x{i}@a.go.th", password = "wrong-pass-1" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PmqaApp.AdminEmail, password = PmqaApp.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    private async Task<HttpStatusCode> AttemptAsync(HttpClient client, string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "someone@a.go.th", password = "wrong-pass-1" }),
        };
        request.Headers.Add(RateLimitedApp.PeerHeader, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task A_client_that_rotates_X_Forwarded_For_is_still_limited()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync(client, "203.0.113.7", $"198.51.100.{i + 1}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(client, "203.0.113.7", "198.51.100.200"));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync(client, RateLimitedApp.TrustedProxy, "192.0.2.10"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(client, RateLimitedApp.TrustedProxy, "192.0.2.10"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await AttemptAsync(client, RateLimitedApp.TrustedProxy, "192.0.2.11"));
    }
}
