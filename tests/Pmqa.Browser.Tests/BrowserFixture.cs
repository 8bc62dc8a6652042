using Microsoft.Playwright;

namespace Pmqa.Browser.Tests;

/// <summary>One Debian Chromium for the whole run. Playwright only drives it: it never downloads a browser.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("PMQA_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: run ./test.sh (as root it installs Debian's chromium) or `apt-get install chromium`.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a fresh, empty --user-data-dir of its own.
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Browser test classes share the one browser and run one after another (two cores, one Chromium).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
