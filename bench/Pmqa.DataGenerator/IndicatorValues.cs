using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Assessments;

namespace Pmqa.DataGenerator;

/// <summary>
/// Plausible indicators for a results issue: 1–3 of the pack's suggested indicators, a target in the range such
/// an indicator usually has, this year's result reflecting the organisation's strength, two earlier years that
/// improve (in the indicator's direction) more often for strong organisations, and sometimes a comparison value.
/// </summary>
public static class IndicatorValues
{
    /// <summary>Where targets of an indicator usually lie, how many decimals its values carry, and a ceiling (percentages, ITA).</summary>
    private sealed record Profile(decimal TargetMin, decimal TargetMax, int Decimals, decimal? Cap = null);

    private static readonly Dictionary<string, Profile> ByCode = new()
    {
        ["7.1.K1"] = new(80, 95, 2, 100), ["7.1.K2"] = new(85, 95, 2, 100), ["7.1.K3"] = new(75, 90, 2, 100),
        ["7.2.K1"] = new(80, 90, 2, 100), ["7.2.K2"] = new(75, 85, 2, 100), ["7.2.K3"] = new(85, 95, 2, 100), ["7.2.K4"] = new(7, 15, 1),
        ["7.3.K1"] = new(85, 95, 2, 100), ["7.3.K2"] = new(70, 80, 2, 100), ["7.3.K3"] = new(60, 80, 2, 100), ["7.3.K4"] = new(20, 40, 1),
        ["7.4.K1"] = new(85, 95, 2, 100), ["7.4.K2"] = new(90, 100, 2, 100), ["7.4.K3"] = new(2, 5, 0), ["7.4.K4"] = new(75, 85, 2, 100),
        ["7.5.K1"] = new(90, 96, 2, 100), ["7.5.K2"] = new(70, 90, 2, 100), ["7.5.K3"] = new(5, 10, 2, 100), ["7.5.K4"] = new(50, 500, 2),
        ["7.6.K1"] = new(3, 10, 2, 100), ["7.6.K2"] = new(150, 2500, 2), ["7.6.K3"] = new(3, 10, 0), ["7.6.K4"] = new(80, 95, 2, 100),
    };

    private static Profile ProfileOf(SuggestedIndicator s) => ByCode.TryGetValue(s.Code, out var p) ? p : s.UnitTh switch
    {
        "ร้อยละ" => new(75, 95, 2, 100),
        "คะแนน" => new(80, 95, 2, 100),
        "เรื่อง" or "ครั้ง" or "คน" => s.Direction == Direction.Lower ? new(2, 6, 0) : new(3, 12, 0),
        _ => new(10, 100, 2),
    };

    /// <param name="strength">0 (weak) … 1 (strong).</param>
    public static List<IndicatorDto> For(Issue issue, double strength, Random r, OrganizationType type, int fiscalYear)
    {
        var suggested = issue.SuggestedIndicators;
        if (suggested.Count == 0) return [];
        var count = 1 + (r.NextDouble() < 0.45 + 0.35 * strength ? 1 : 0) + (r.NextDouble() < 0.15 + 0.4 * strength ? 1 : 0);
        return suggested.OrderBy(_ => r.Next()).Take(Math.Min(count, suggested.Count))
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => One(s, strength, r, type, fiscalYear))
            .ToList();
    }

    private static IndicatorDto One(SuggestedIndicator s, double strength, Random r, OrganizationType type, int fiscalYear)
    {
        var p = ProfileOf(s);
        var lower = s.Direction == Direction.Lower;
        var target = NiceTarget(p.TargetMin + (decimal)r.NextDouble() * (p.TargetMax - p.TargetMin), p);

        // Achievement this year: weak organisations miss their targets, strong ones meet or beat them.
        var q = Math.Clamp(0.75 + 0.45 * strength + Gaussian(r) * 0.08, 0.45, 1.35);
        var r0 = Fit(lower ? target / (decimal)q : target * (decimal)q, p, r);

        // Earlier years: each step is an improvement more often for strong organisations.
        var improves = 0.3 + 0.6 * strength;
        var r1 = Earlier(r0, lower, r.NextDouble() < improves, p, r);
        var r2 = Earlier(r1, lower, r.NextDouble() < improves, p, r);

        decimal? comparison = null;
        string? source = null;
        if (r.NextDouble() < 0.3 + 0.3 * strength)
        {
            comparison = Fit(r0 * (decimal)(1 + Gaussian(r) * 0.06), p, r);
            source = ComparisonSource(s, type, r).Replace("{prev}", (fiscalYear - 1).ToString(), StringComparison.Ordinal);
        }
        return new IndicatorDto(s.Code, s.NameTh, s.UnitTh, lower ? "lower" : "higher", target, r2, r1, r0, comparison, source);
    }

    /// <summary>The value one year earlier: worse than <paramref name="later"/> when the indicator improved since, else flat or better.</summary>
    private static decimal Earlier(decimal later, bool lower, bool improvedSince, Profile p, Random r)
    {
        if (p.Decimals == 0)
        {
            var step = 1 + r.Next(2);
            var worse = lower ? later + step : later - step;
            var better = lower ? later - r.Next(2) : later + r.Next(2);
            return Math.Max(0, improvedSince ? worse : better);
        }
        var g = improvedSince ? 0.02 + r.NextDouble() * 0.08 : -r.NextDouble() * 0.05;
        var earlier = lower ? later * (decimal)(1 + g) : later / (decimal)(1 + g);
        return Fit(earlier, p, r);
    }

    private static decimal Fit(decimal value, Profile p, Random r)
    {
        if (p.Cap is { } cap && value > cap) value = cap - (decimal)r.NextDouble() * 1.5m;
        return Math.Max(0, Math.Round(value, p.Decimals, MidpointRounding.AwayFromZero));
    }

    /// <summary>Targets are round numbers: multiples of 5 for wide ranges, of 10 for large amounts, whole numbers otherwise.</summary>
    private static decimal NiceTarget(decimal value, Profile p)
    {
        var span = p.TargetMax - p.TargetMin;
        var step = p.TargetMax >= 200 ? 10m : span >= 10 ? 5m : 1m;
        var nice = Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
        return Math.Clamp(nice, Math.Max(step, p.TargetMin), p.TargetMax);
    }

    private static string ComparisonSource(SuggestedIndicator s, OrganizationType type, Random r) => s.Code switch
    {
        "7.4.K1" => "ผลการประเมิน ITA ของสำนักงาน ป.ป.ช. ค่าเฉลี่ยปีงบประมาณ พ.ศ. {prev}",
        _ when type == OrganizationType.Province && r.Next(2) == 0 => "ค่าเฉลี่ยกลุ่มจังหวัด ปีงบประมาณ พ.ศ. {prev}",
        _ => ThaiText.Pick(r, ThaiText.ComparisonSources.Where(c => !c.Contains("ป.ป.ช.", StringComparison.Ordinal)
            && (type == OrganizationType.Province || !c.Contains("กลุ่มจังหวัด", StringComparison.Ordinal))).ToList()),
    };

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
