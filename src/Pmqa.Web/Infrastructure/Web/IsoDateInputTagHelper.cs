using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Pmqa.Domain.Time;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// An <c>&lt;input type=date&gt;</c> (or datetime-local, month) value is ISO 8601 in the Gregorian calendar
/// whatever the page's language: the browser shows it in the reader's own format. The Thai culture's
/// calendar is Buddhist, so formatting a date with it writes 2569-01-15, which the browser drops or, sent
/// back, becomes a date 543 years out. This runs after every other tag helper on every input and:
/// formats an <c>asp-for</c> date model with the invariant culture, and turns a Buddhist-Era ISO value
/// (year 2400 or later) written by hand back into the Gregorian year.
/// </summary>
[HtmlTargetElement("input", Attributes = "type")]
public sealed partial class IsoDateInputTagHelper : TagHelper
{
    // After the framework's InputTagHelper, which writes the value for asp-for.
    public override int Order => int.MaxValue;

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = output.Attributes["type"]?.Value?.ToString();
        var format = type switch
        {
            "date" => "yyyy-MM-dd",
            "datetime-local" => "yyyy-MM-ddTHH:mm",
            "month" => "yyyy-MM",
            _ => null,
        };
        if (format is null) return;
        var iso = For?.Model switch
        {
            DateOnly d => d.ToString(format, CultureInfo.InvariantCulture),
            DateTime d => d.ToString(format, CultureInfo.InvariantCulture),
            DateTimeOffset d => ThaiTime.ToBangkok(d).ToString(format, CultureInfo.InvariantCulture),
            _ => Gregorian(output.Attributes["value"]?.Value?.ToString()),
        };
        if (iso is not null) output.Attributes.SetAttribute("value", iso);
    }

    /// <summary>The value with a Buddhist-Era year made Gregorian; null when there is nothing to change.</summary>
    public static string? Gregorian(string? value)
    {
        if (value is null || IsoYear().Match(value) is not { Success: true } m) return null;
        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return year >= 2400 ? (year - ThaiTime.BuddhistEraOffset).ToString("0000", CultureInfo.InvariantCulture) + value[4..] : null;
    }

    [GeneratedRegex(@"^(\d{4})-\d{2}")]
    private static partial Regex IsoYear();
}
