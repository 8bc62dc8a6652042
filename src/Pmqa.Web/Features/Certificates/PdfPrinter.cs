using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Pmqa.Web.Infrastructure.Observability;

namespace Pmqa.Web.Features.Certificates;

public sealed class PdfOptions
{
    /// <summary>The Chromium that prints PDFs (Debian's package). Playwright only drives it, never downloads one.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

/// <summary>
/// Prints HTML to PDF with headless Chromium. Chromium shapes Thai correctly (tone marks and vowels do
/// not collide), which the .NET PDF libraries available here do not. One browser per process, started
/// on the first print and started again if it died; each print gets a fresh page of its own.
/// </summary>
public sealed class PdfPrinter(IOptions<PdfOptions> options, PmqaMetrics metrics, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>An A4 PDF of <paramref name="html"/>, which must carry everything it shows (fonts installed
    /// on the machine, images as data URIs): the page is not loaded from the application's address.</summary>
    public Task<byte[]> PrintAsync(string html, bool landscape, CancellationToken ct = default) => PrintAsync(html, landscape, (string?)null, ct);

    /// <summary>As above, with <paramref name="footerTemplate"/> printed in every page's bottom margin (Chromium's
    /// template: self-contained HTML with inline styles, where <c>pageNumber</c> and <c>totalPages</c> elements are
    /// filled in). The page's CSS must leave a bottom margin for it (<c>@page { margin-bottom }</c>).</summary>
    public Task<byte[]> PrintAsync(string html, bool landscape, string? footerTemplate, CancellationToken ct = default) => PrintPageAsync(html, new()
    {
        Format = "A4", Landscape = landscape, PrintBackground = true, PreferCSSPageSize = true,
        DisplayHeaderFooter = footerTemplate is not null, HeaderTemplate = footerTemplate is null ? null : "<span></span>", FooterTemplate = footerTemplate,
    }, ct);

    /// <summary>A PDF of <paramref name="html"/> (as <see cref="PrintAsync(string, bool, CancellationToken)"/>) with a header and
    /// a footer Chromium repeats on every page, in the margins <paramref name="setup"/> leaves for them. The templates
    /// may hold Chromium's <c>pageNumber</c> and <c>totalPages</c> spans; they use the machine's fonts.</summary>
    public Task<byte[]> PrintAsync(string html, PdfPageSetup setup, CancellationToken ct = default) => PrintPageAsync(html, new()
    {
        Format = "A4", Landscape = setup.Landscape, PrintBackground = true, DisplayHeaderFooter = true,
        HeaderTemplate = setup.HeaderHtml, FooterTemplate = setup.FooterHtml,
        Margin = new() { Top = setup.MarginTop, Bottom = setup.MarginBottom, Left = setup.MarginSide, Right = setup.MarginSide },
    }, ct);

    /// <summary>Timed (<c>pmqa.pdf.print.duration</c>) and traced (<c>pdf.print</c>), the browser's start included.</summary>
    private async Task<byte[]> PrintPageAsync(string html, PagePdfOptions pdf, CancellationToken ct)
    {
        using var activity = PmqaMetrics.Activities.StartActivity("pdf.print");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            var bytes = await PrintOnceAsync(html, pdf, ct);
            ok = true;
            return bytes;
        }
        finally
        {
            metrics.Printed(System.Diagnostics.Stopwatch.GetElapsedTime(started), ok);
            if (!ok) activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }
    }

    private async Task<byte[]> PrintOnceAsync(string html, PagePdfOptions pdf, CancellationToken ct)
    {
        var browser = await BrowserAsync(ct);
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, Offline = true });
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
        return await page.PdfAsync(pdf);
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true } ready) return ready;
        await _launch.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true } other) return other;
            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
                throw new InvalidOperationException($"No Chromium at {path} (Pdf:ChromiumPath): install Debian's chromium to print PDFs.");
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            _playwright ??= await Playwright.CreateAsync();
            logger.LogInformation("Starting Chromium at {Path} for PDF printing", path);
            // Playwright gives the browser a fresh, empty --user-data-dir of its own.
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ChromiumArgs });
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _launch.Dispose();
    }
}

/// <summary>Running header and footer of a printed document (HTML templates) and the page margins that hold them.</summary>
public sealed record PdfPageSetup(string HeaderHtml, string FooterHtml, bool Landscape = false,
    string MarginTop = "22mm", string MarginBottom = "20mm", string MarginSide = "16mm");
