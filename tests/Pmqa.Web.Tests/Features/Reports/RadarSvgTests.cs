using System.Globalization;
using System.Xml.Linq;
using Pmqa.Web.Features.Reports;

namespace Pmqa.Web.Tests.Features.Reports;

/// <summary>The server-drawn radar chart: well-formed SVG, one polygon per series, each value at its share of the radius.</summary>
public sealed class RadarSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Each_value_sits_at_its_share_of_the_scale_on_its_axis_and_names_are_escaped()
    {
        var markup = RadarSvg.Render("r", "ชื่อ <กราฟ>", "คำอธิบาย", ["หมวด 1", "หมวด 2", "หมวด 3", "หมวด 4"],
            [new RadarSeries("ประเมินตนเอง", [500m, 250m, 0m, 600m], "#1f77b4"), new RadarSeries("ผ่านการตรวจ & ยืนยัน", [100m, 100m, 100m, 100m], "#d9480f", Dashed: true)]);

        var svg = XElement.Parse(markup); // throws unless well-formed: titles and names are escaped
        Assert.Equal("ชื่อ <กราฟ>", svg.Element(Svg + "title")!.Value);
        var series = svg.Elements(Svg + "polygon").Where(p => p.Attribute("stroke-width")?.Value == "2").ToList();
        Assert.Equal(2, series.Count);
        var points = series[0].Attribute("points")!.Value.Split(' ')
            .Select(p => p.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var (cx, cy) = RadarSvg.At(0, 4, 0);
        double Distance(double[] p) => Math.Sqrt(Math.Pow(p[0] - cx, 2) + Math.Pow(p[1] - cy, 2));
        var full = Distance(points[0]);
        Assert.True(points[0][1] < cy, "the first axis points up");
        Assert.Equal(full / 2, Distance(points[1]), 1);
        Assert.Equal(0, Distance(points[2]), 1);
        Assert.Equal(full, Distance(points[3]), 1); // above the scale is drawn at its edge
        Assert.Equal("6 4", series[1].Attribute("stroke-dasharray")!.Value);
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "ผ่านการตรวจ & ยืนยัน");
    }
}
