using System.Globalization;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>A stored card's figures as the dashboard reads them: unrounded category scores in pack order, dimension
/// scores by code, issue scores in pack order.</summary>
public sealed record CardFigures(decimal[] Categories, IReadOnlyDictionary<string, decimal> Dimensions, decimal[] Issues)
{
    public static readonly CardFigures Empty = new([], new Dictionary<string, decimal>(), []);

    /// <summary>The line stored in <c>AssessmentScoreCards.Figures</c> (ADR 0020): "c1;c2…|OC=d;CC=d…|i1;i2…".</summary>
    public static string Write(ScoreCard card) => string.Join('|',
        string.Join(';', card.Categories.Select(c => N(c.Score))),
        string.Join(';', card.Dimensions.Select(d => $"{d.Code}={N(d.Score)}")),
        string.Join(';', card.Issues.Select(i => N(i.Score))));

    public static CardFigures Parse(string? line)
    {
        if (string.IsNullOrEmpty(line)) return Empty;
        var parts = line.Split('|');
        if (parts.Length != 3) return Empty;
        return new CardFigures(
            Numbers(parts[0]),
            parts[1].Length == 0 ? new Dictionary<string, decimal>() : parts[1].Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => D(p[1])),
            Numbers(parts[2]));
    }

    private static decimal[] Numbers(string part) => part.Length == 0 ? [] : [.. part.Split(';').Select(D)];

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
