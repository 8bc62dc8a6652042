using System.Net;
using System.Net.Http.Json;
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
            return settings;
        }
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
}
