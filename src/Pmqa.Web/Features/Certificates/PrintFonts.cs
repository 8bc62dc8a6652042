using System.Text.RegularExpressions;

namespace Pmqa.Web.Features.Certificates;

/// <summary>
/// The web's Sarabun (npm @fontsource/sarabun, under wwwroot/lib) as <c>@font-face</c> rules with the fonts inlined as
/// data URIs, for documents Chromium prints offline (<see cref="PdfPrinter"/> loads nothing from the application).
/// Empty when the front-end packages are not installed: the documents then fall back to the machine's Laksaman,
/// which is metric-compatible with TH Sarabun New.
/// </summary>
public sealed partial class PrintFonts(IWebHostEnvironment environment)
{
    private readonly Lazy<string> _css = new(() => Inline(environment));

    /// <summary>The rules, read and encoded once per process (about 90 KB of CSS).</summary>
    public string Css => _css.Value;

    private static string Inline(IWebHostEnvironment environment)
    {
        var files = environment.WebRootFileProvider;
        var sheet = files.GetFileInfo("lib/sarabun/sarabun.css");
        if (!sheet.Exists) return "";
        using var reader = new StreamReader(sheet.CreateReadStream());
        var css = reader.ReadToEnd();
        // Each rule names the woff2 and a woff fallback; Chromium reads woff2, so only that is inlined.
        return FontSource().Replace(css, match =>
        {
            var font = files.GetFileInfo("lib/sarabun/files/" + match.Groups["file"].Value);
            if (!font.Exists) return match.Value;
            using var stream = font.CreateReadStream();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return $"url(data:font/woff2;base64,{Convert.ToBase64String(bytes.ToArray())}) format('woff2')";
        });
    }

    [GeneratedRegex(@"url\(\./files/(?<file>[a-z0-9-]+\.woff2)\) format\('woff2'\)(, url\([^)]*\) format\('woff'\))?")]
    private static partial Regex FontSource();
}
