namespace Pmqa.Domain.Digital;

/// <summary>What progress needs to know of one service of a register.</summary>
public sealed record ServiceFacts(bool FullyDigital, ServiceChannel Channel, int TargetYear, bool ExceptionGranted);

/// <summary>The figures OPDC follows for a set of services (one organisation, a group, the nation). Shares are of
/// services, whole percentages. A service "still to do" is not yet fully digital; the latest target year is of those.</summary>
public sealed record ProgressFigures(
    int Services, int FullyDigital, int FullyDigitalPercent, int OnCentralPlatform, int OnCentralPlatformPercent,
    int Remaining, int? LatestTargetYear, bool AtRisk);

/// <summary>One year of the planned path: how many services are fully digital or planned to be by the end of that
/// year (BE), and their share.</summary>
public sealed record PathYear(int Year, int Planned, int Percent);

/// <summary>
/// Progress towards the cabinet resolution of 18 June 2024 (every public service fully digital on a central platform by
/// 2570), computed from the registers as they are (issue 12, ADR 0025). Pure: the handlers load the facts.
/// </summary>
public static class DigitalProgress
{
    public static ProgressFigures Figures(IReadOnlyCollection<ServiceFacts> services)
    {
        var digital = services.Count(s => s.FullyDigital);
        var platform = services.Count(s => DigitalRules.OnCentralPlatform(s.Channel));
        var remaining = services.Where(s => !s.FullyDigital).ToList();
        return new ProgressFigures(services.Count, digital, DigitalRules.Percent(digital, services.Count), platform,
            DigitalRules.Percent(platform, services.Count), remaining.Count,
            remaining.Count == 0 ? null : remaining.Max(s => s.TargetYear), remaining.Any(AtRisk));
    }

    /// <summary>A service still to do whose target lies beyond 2570 without OPDC's exception will miss the cabinet's
    /// deadline as planned: OPDC must act on it (an exception asked but not granted counts too).</summary>
    public static bool AtRisk(ServiceFacts s) => !s.FullyDigital && s.TargetYear > DigitalRules.PlatformDeadline && !s.ExceptionGranted;

    /// <summary>Per year from this year (BE) to 2570, the services fully digital by the end of that year as planned:
    /// those fully digital already and those still to do with a target year no later. From a year after 2570 on, the
    /// path is that year alone.</summary>
    public static List<PathYear> Path(IReadOnlyCollection<ServiceFacts> services, int currentYearBe)
    {
        var done = services.Count(s => s.FullyDigital);
        var targets = services.Where(s => !s.FullyDigital).Select(s => s.TargetYear).ToList();
        var last = Math.Max(currentYearBe, DigitalRules.PlatformDeadline);
        var path = new List<PathYear>();
        for (var year = currentYearBe; year <= last; year++)
        {
            var planned = done + targets.Count(t => t <= year);
            path.Add(new PathYear(year, planned, DigitalRules.Percent(planned, services.Count)));
        }
        return path;
    }

    /// <summary>The figures of each group (by type, by ministry or cluster), groups in key order.</summary>
    public static List<(TKey Key, ProgressFigures Figures)> ByGroup<TItem, TKey>(
        IEnumerable<TItem> items, Func<TItem, TKey> key, Func<TItem, IEnumerable<ServiceFacts>> services) where TKey : notnull =>
        [.. items.GroupBy(key).OrderBy(g => g.Key).Select(g => (g.Key, Figures([.. g.SelectMany(services)])))];
}
