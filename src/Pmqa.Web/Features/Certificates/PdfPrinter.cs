using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Pmqa.Web.Infrastructure.Observability;

namespace Pmqa.Web.Features.Certificates;

public sealed class PdfOptions
{
    /// <summary>The Chromium that prints PDFs (Debian's package). Playwright only drives it, never downloads one.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How many documents the one browser prints at once (Pdf:MaxConcurrentPrints). Each print is a page
    /// of its own in Chromium's renderer; more at once than the machine has cores only makes each slower and
    /// Chromium's memory larger, so the rest wait their turn.</summary>
    public int MaxConcurrentPrints { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a print waits for its turn (Pdf:QueueTimeoutSeconds) before the answer is 503 with
    /// Retry-After ("the printer is busy, try again"), rather than a request hanging until the client gives up.</summary>
    public int QueueTimeoutSeconds { get; set; } = 60;

    /// <summary>How many documents one warm page prints before it is closed and a fresh one opened
    /// (Pdf:PrintsPerPage): bounds whatever a long-lived renderer might accumulate.</summary>
    public int PrintsPerPage { get; set; } = 200;
}

/// <summary>Every print slot stayed taken for <see cref="PdfOptions.QueueTimeoutSeconds"/>: answered 503 with
/// Retry-After (a temporary fault), nothing is lost by asking again.</summary>
public sealed class PrinterBusyException() : Exception("Every PDF print slot stayed busy; answered 503")
{
    public const int RetryAfterSeconds = 10;

    public static readonly Pmqa.Web.Infrastructure.Web.Msg Title = new("ระบบพิมพ์เอกสาร PDF ไม่ว่าง", "The PDF printer is busy");

    public static readonly Pmqa.Web.Infrastructure.Web.Msg Explanation = new(
        "ขณะนี้มีผู้ขอเอกสาร PDF จำนวนมาก กรุณาลองใหม่อีกครั้งในไม่กี่วินาที",
        "Many PDF documents are being printed just now. Please try again in a few seconds.");

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PrinterBusyException) return true;
        return false;
    }
}

/// <summary>
/// Prints HTML to PDF with headless Chromium. Chromium shapes Thai correctly (tone marks and vowels do
/// not collide), which the .NET PDF libraries available here do not. One browser per process, started
/// on the first print and started again if it died. Pages are kept warm and reused, one per print slot at most
/// (opening a context and a page for every print cost more than the print of a short document); each print
/// replaces the page's whole document (ADR 0038). At most
/// <see cref="PdfOptions.MaxConcurrentPrints"/> print at once; the others queue, and one that waits longer than
/// <see cref="PdfOptions.QueueTimeoutSeconds"/> is refused with <see cref="PrinterBusyException"/> (503).
/// </summary>
public sealed class PdfPrinter(IOptions<PdfOptions> options, PrintSlots slots, PmqaMetrics metrics, ILogger<PdfPrinter> logger) : IAsyncDisposable
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
        using var slot = await slots.EnterAsync(ct);
        return await PrintTimedAsync(html, pdf, ct);
    }

    private async Task<byte[]> PrintTimedAsync(string html, PagePdfOptions pdf, CancellationToken ct)
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
        var warm = await TakePageAsync(ct);
        var reusable = false;
        try
        {
            // SetContent replaces the whole document of the warm page: nothing of the previous print stays (its DOM,
            // styles and title go with it; the header and footer templates are given to each PdfAsync anew).
            await warm.Page.SetContentAsync(html, new() { WaitUntil = WaitUntilState.Load });
            var bytes = await warm.Page.PdfAsync(pdf);
            reusable = ++warm.Prints < Math.Max(1, options.Value.PrintsPerPage);
            return bytes;
        }
        finally
        {
            if (reusable) _idle.Push(warm);
            else await CloseQuietlyAsync(warm);
        }
    }

    /// <summary>A warm page left by an earlier print (there are never more than print slots), or a new one in a
    /// context of its own: scripts off, offline, so a printed document can load nothing.</summary>
    private async Task<WarmPage> TakePageAsync(CancellationToken ct)
    {
        while (_idle.TryPop(out var idle))
        {
            if (!idle.Page.IsClosed && idle.Page.Context.Browser is { IsConnected: true }) return idle;
            await CloseQuietlyAsync(idle);
        }
        var browser = await BrowserAsync(ct);
        var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false, Offline = true });
        Interlocked.Increment(ref _pagesOpened);
        return new WarmPage(await context.NewPageAsync());
    }

    private async Task CloseQuietlyAsync(WarmPage warm)
    {
        try { await warm.Page.Context.CloseAsync(); }
        catch (PlaywrightException e) { logger.LogDebug(e, "A print page was already gone"); }
    }

    /// <summary>Pages opened since the start: a page is reused across prints, so this stays near the slot count.</summary>
    public int PagesOpened => Volatile.Read(ref _pagesOpened);

    private int _pagesOpened;
    private readonly System.Collections.Concurrent.ConcurrentStack<WarmPage> _idle = new();

    private sealed class WarmPage(IPage page)
    {
        public IPage Page { get; } = page;
        public int Prints { get; set; }
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
        _idle.Clear();
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        _launch.Dispose();
    }
}

/// <summary>The bound on concurrent printing: <see cref="PdfOptions.MaxConcurrentPrints"/> slots, a print waits at most
/// <see cref="PdfOptions.QueueTimeoutSeconds"/> for one (first come, first served), then <see cref="PrinterBusyException"/>.
/// A singleton of its own so that an operator's metrics (and a test) can see and take slots.</summary>
public sealed class PrintSlots(IOptions<PdfOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _free = new(Capacity(options.Value), Capacity(options.Value));

    public int Count { get; } = Capacity(options.Value);

    /// <summary>Slots free just now.</summary>
    public int Free => _free.CurrentCount;

    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        if (!await _free.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, options.Value.QueueTimeoutSeconds)), ct)) throw new PrinterBusyException();
        return new Lease(_free);
    }

    private static int Capacity(PdfOptions o) => Math.Max(1, o.MaxConcurrentPrints);

    public void Dispose() => _free.Dispose();

    private sealed class Lease(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) free.Release();
        }
    }
}

/// <summary>Running header and footer of a printed document (HTML templates) and the page margins that hold them.</summary>
public sealed record PdfPageSetup(string HeaderHtml, string FooterHtml, bool Landscape = false,
    string MarginTop = "22mm", string MarginBottom = "20mm", string MarginSide = "16mm");
