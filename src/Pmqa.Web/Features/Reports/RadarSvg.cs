using System.Globalization;
using System.Net;
using System.Text;

namespace Pmqa.Web.Features.Reports;

/// <summary>One polygon of a radar chart: its name in the legend, one value per axis, a colour, dashed or solid.</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<decimal> Values, string Colour, bool Dashed = false);

/// <summary>
/// A radar chart drawn on the server as SVG markup: the same drawing on the page, in the printed PDF (where no script
/// runs, and vectors stay sharp at any zoom) and without JavaScript. Only presentation attributes are used (no
/// <c>style</c>), which the Content-Security-Policy allows. The figures are always in a table beside the chart.
/// </summary>
public static class RadarSvg
{
    private const double Width = 440, Height = 400, CentreX = 220, CentreY = 182, Radius = 128;

    public static string Render(string id, string title, string description, IReadOnlyList<string> axes, IReadOnlyList<RadarSeries> series, decimal max = 500)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"report-radar\" id=\"{id}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" ")
            .Append("xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Sarabun, Laksaman, 'TH Sarabun New', sans-serif\">")
            .Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        // Rings at every fifth of the scale, labelled on the first axis.
        for (var ring = 1; ring <= 5; ring++)
        {
            var r = Radius * ring / 5;
            svg.Append($"<polygon points=\"{Points(axes.Count, _ => r)}\" fill=\"none\" stroke=\"#c5ccd6\" stroke-width=\"1\"/>");
            svg.Append($"<text x=\"{N(CentreX + 3)}\" y=\"{N(CentreY - r + 11)}\" font-size=\"10\" fill=\"#5b6470\">{N((double)max * ring / 5)}</text>");
        }
        for (var i = 0; i < axes.Count; i++)
        {
            var (x, y) = At(i, axes.Count, Radius);
            svg.Append($"<line x1=\"{N(CentreX)}\" y1=\"{N(CentreY)}\" x2=\"{N(x)}\" y2=\"{N(y)}\" stroke=\"#c5ccd6\" stroke-width=\"1\"/>");
            var (lx, ly) = At(i, axes.Count, Radius + 20);
            var anchor = Math.Abs(lx - CentreX) < 8 ? "middle" : lx < CentreX ? "end" : "start";
            svg.Append($"<text x=\"{N(lx)}\" y=\"{N(ly + 5)}\" font-size=\"14\" text-anchor=\"{anchor}\" fill=\"#1d3557\">{E(axes[i])}</text>");
        }
        foreach (var s in series)
        {
            var dash = s.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append($"<polygon points=\"{Points(axes.Count, i => Radius * (double)Math.Clamp(s.Values[i] / max, 0, 1))}\" fill=\"{s.Colour}\" fill-opacity=\"{(s.Dashed ? "0.08" : "0.22")}\" stroke=\"{s.Colour}\" stroke-width=\"2\"{dash}/>");
        }
        // The legend under the chart, one line per series.
        for (var n = 0; n < series.Count; n++)
        {
            var y = Height - 14 - (series.Count - 1 - n) * 20;
            var dash = series[n].Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append($"<line x1=\"24\" y1=\"{N(y - 5)}\" x2=\"54\" y2=\"{N(y - 5)}\" stroke=\"{series[n].Colour}\" stroke-width=\"3\"{dash}/>")
                .Append($"<text x=\"62\" y=\"{N(y)}\" font-size=\"14\" fill=\"#1d1d1d\">{E(series[n].Name)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Axis <paramref name="i"/> of <paramref name="count"/> at distance <paramref name="r"/>: the first points up, the rest clockwise.</summary>
    public static (double X, double Y) At(int i, int count, double r)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * i / count;
        return (CentreX + r * Math.Cos(angle), CentreY + r * Math.Sin(angle));
    }

    private static string Points(int count, Func<int, double> radius) =>
        string.Join(" ", Enumerable.Range(0, count).Select(i => { var (x, y) = At(i, count, radius(i)); return $"{N(x)},{N(y)}"; }));

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
