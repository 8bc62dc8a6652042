using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Observability;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Operations;

/// <summary>The application with callers at chosen addresses (<see cref="PeerFromHeader"/>) and one monitoring network.</summary>
public sealed class MetricsApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Metrics:AllowedNetworks"] = "10.20.0.0/16";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        PeerFromHeader.AddTo(builder);
    }
}

/// <summary>OpenTelemetry listens to every meter of a name in the process, so another test class's application
/// (its outbox) would show in this one's scrape: these tests run alone, after the others.</summary>
[CollectionDefinition(nameof(MetricsAlone), DisableParallelization = true)]
public sealed class MetricsAlone;

/// <summary>Prometheus scrapes <c>/metrics</c>: request durations and the outbox are there, for the machine and the
/// monitoring network only.</summary>
[Collection(nameof(MetricsAlone))]
public sealed class MetricsTests(MetricsApp app) : IClassFixture<MetricsApp>
{
    private async Task<HttpResponseMessage> ScrapeAsync(string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(PeerFromHeader.Header, peer);
        return await app.Anonymous().SendAsync(request);
    }

    [Fact]
    public async Task A_scrape_after_a_request_shows_its_duration_and_the_outbox()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
        // Two e-mails waiting, one given up after every attempt failed.
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.AddRange(
                new OutboxMessage { To = "a@example.go.th", Subject = "s", Body = "b", CreatedAt = now.AddMinutes(-5), NextAttemptAt = now },
                new OutboxMessage { To = "b@example.go.th", Subject = "s", Body = "b", CreatedAt = now, NextAttemptAt = now, Attempts = 1 },
                new OutboxMessage { To = "c@example.go.th", Subject = "s", Body = "b", CreatedAt = now, NextAttemptAt = now, Attempts = 10 });
            return await db.SaveChangesAsync();
        });

        string text = "";
        // The gauges read the outbox at most once a second, the exporter caches a scrape briefly: ask until fresh.
        for (var i = 0; i < 20 && !Regex.IsMatch(text, @"^pmqa_outbox_pending(\{[^}]*\})? 2$", RegexOptions.Multiline); i++)
        {
            await Task.Delay(300);
            var response = await ScrapeAsync("127.0.0.1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync();
        }
        Assert.Matches(new Regex(@"^http_server_request_duration_seconds_bucket\{.*http_route=""/health"".*\} \d+", RegexOptions.Multiline), text);
        Assert.True(Regex.IsMatch(text, @"^pmqa_outbox_pending(\{[^}]*\})? 2$", RegexOptions.Multiline),
            string.Join("\n", text.Split('\n').Where(l => l.StartsWith("pmqa_", StringComparison.Ordinal))));
        Assert.Matches(new Regex(@"^pmqa_outbox_abandoned(\{[^}]*\})? 1$", RegexOptions.Multiline), text);
        var age = Regex.Match(text, @"^pmqa_outbox_oldest_pending_age_seconds(?:\{[^}]*\})? ([\d.e+]+)$", RegexOptions.Multiline);
        Assert.True(age.Success, "no oldest pending age in the scrape");
        Assert.InRange(double.Parse(age.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 290, 900);
    }

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::1", HttpStatusCode.OK)]
    [InlineData("10.20.3.4", HttpStatusCode.OK)]
    [InlineData("203.0.113.7", HttpStatusCode.NotFound)]
    [InlineData("10.21.0.1", HttpStatusCode.NotFound)]
    public async Task Only_the_machine_and_the_monitoring_network_may_scrape(string peer, HttpStatusCode expected)
    {
        var response = await ScrapeAsync(peer);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound) Assert.DoesNotContain("pmqa_", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void An_IPv4_caller_seen_through_an_IPv6_socket_is_judged_by_its_IPv4_address() =>
        Assert.True(new MetricsAccess([IPNetwork.Parse("10.20.0.0/16")]).Allows(IPAddress.Parse("::ffff:10.20.1.1")));
}
