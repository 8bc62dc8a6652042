namespace Pmqa.Domain.Digital;

/// <summary>What progress needs to know of one service of a register. <see cref="DigitisedYear"/> (BE) is the year a
/// fully digital service became so (null when not known).</summary>
public sealed record ServiceFacts(bool FullyDigital, ServiceChannel Channel, int TargetYear, bool ExceptionGranted, int? DigitisedYear = null);

/// <summary>The figures OPDC follows for a set of services (one organisation, a group, the nation). Shares are of
/// services, whole percentages. A service "still to do" is not yet fully digital; the latest target year is of those.
/// <see cref="Pace"/> is services digitised per year over the pace window (ADR 0028); <see cref="YearsNeeded"/> the
/// years the services still to do take at that pace (0 when none is left, null when the pace is 0);
/// <see cref="BehindPace"/> when they cannot be done by the end of 2570 at that pace. <see cref="AtRisk"/> is either
/// that or a service still to do targeting a year after 2570 without OPDC's exception.</summary>
public sealed record ProgressFigures(
    int Services, int FullyDigital, int FullyDigitalPercent, int OnCentralPlatform, int OnCentralPlatformPercent,
    int Remaining, int? LatestTargetYear, bool AtRisk, decimal Pace = 0, decimal? YearsNeeded = null, bool BehindPace = false);

/// <summary>One year of the planned path: how many services are fully digital or planned to be by the end of that
/// year (BE), and their share.</summary>
public sealed record PathYear(int Year, int Planned, int Percent);

/// <summary>One year of the actual series: services fully digital by the end of that year (BE), from their digitised
/// years, and their share of the services registered now.</summary>
public sealed record ActualYear(int Year, int Digital, int Percent);

/// <summary>The pace of a set of services (ADR 0028): <see cref="Digitised"/> services became fully digital in the
/// years <see cref="FromYear"/> to <see cref="ToYear"/> (this year, counted whole).</summary>
public sealed record PaceWindow(int FromYear, int ToYear, int Digitised)
{
    public int Years => ToYear - FromYear + 1;
    public decimal PerYear => Math.Round((decimal)Digitised / Years, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// Progress towards the cabinet resolution of 18 June 2024 (every public service fully digital on a central platform by
/// 2570), computed from the registers as they are (issue 12, ADR 0025, ADR 0028). Pure: the handlers load the facts.
/// </summary>
public static class DigitalProgress
{
    /// <summary>The pace is measured over at most the last five years (this one included): what an agency did a decade
    /// ago says little about its pace now, and one old service must not dilute a recent burst.</summary>
    public const int PaceWindowYears = 5;

    /// <summary>The figures of a set of services; without <paramref name="currentYearBe"/> no pace is
    /// measured (0, years needed null, never behind).</summary>
    public static ProgressFigures Figures(IReadOnlyCollection<ServiceFacts> services, int? currentYearBe = null)
    {
        var digital = services.Count(s => s.FullyDigital);
        var platform = services.Count(s => DigitalRules.OnCentralPlatform(s.Channel));
        var remaining = services.Where(s => !s.FullyDigital).ToList();
        var targetAtRisk = remaining.Any(AtRisk);
        var (pace, needed, behind) = currentYearBe is { } year ? PaceOf(services, year, remaining.Count) : (0m, null, false);
        return new ProgressFigures(services.Count, digital, DigitalRules.Percent(digital, services.Count), platform,
            DigitalRules.Percent(platform, services.Count), remaining.Count,
            remaining.Count == 0 ? null : remaining.Max(s => s.TargetYear), targetAtRisk || behind, pace, needed, behind);
    }

    /// <summary>A service still to do whose target lies beyond 2570 without OPDC's exception will miss the cabinet's
    /// deadline as planned: OPDC must act on it (an exception asked but not granted counts too).</summary>
    public static bool AtRisk(ServiceFacts s) => !s.FullyDigital && s.TargetYear > DigitalRules.PlatformDeadline && !s.ExceptionGranted;

    /// <summary>The pace window: from the first digitised year (at most <see cref="PaceWindowYears"/> back) to this year;
    /// null when no service has a digitised year yet.</summary>
    public static PaceWindow? Window(IReadOnlyCollection<ServiceFacts> services, int currentYearBe)
    {
        var years = DigitisedYears(services, currentYearBe);
        if (years.Count == 0) return null;
        var from = Math.Max(years.Min(), currentYearBe - PaceWindowYears + 1);
        return new PaceWindow(from, currentYearBe, years.Count(y => y >= from));
    }

    /// <summary>Years from this one to 2570, both counted whole (0 after 2570). Counting this year whole on both sides
    /// (pace and time left) is the generous reading: only an organisation that cannot make it even so is flagged.</summary>
    public static int YearsLeft(int currentYearBe) => Math.Max(0, DigitalRules.PlatformDeadline - currentYearBe + 1);

    private static (decimal Pace, decimal? YearsNeeded, bool Behind) PaceOf(IReadOnlyCollection<ServiceFacts> services, int currentYearBe, int remaining)
    {
        var window = Window(services, currentYearBe);
        var pace = window?.PerYear ?? 0m;
        if (remaining == 0) return (pace, 0m, false);
        if (window is not { Digitised: > 0 } w) return (pace, null, true);
        // remaining / (digitised / years) > years left, in whole numbers so that no rounding decides.
        var behind = remaining * w.Years > w.Digitised * YearsLeft(currentYearBe);
        return (pace, Math.Round((decimal)remaining * w.Years / w.Digitised, 1, MidpointRounding.AwayFromZero), behind);
    }

    private static List<int> DigitisedYears(IEnumerable<ServiceFacts> services, int currentYearBe) =>
        [.. services.Where(s => s.FullyDigital && s.DigitisedYear <= currentYearBe).Select(s => s.DigitisedYear!.Value)];

    /// <summary>Per year from the first digitised year (at most ten years back) to this year, the services fully digital
    /// by the end of that year, as a share of the services registered now. Empty when no year is known.</summary>
    public static List<ActualYear> Actual(IReadOnlyCollection<ServiceFacts> services, int currentYearBe)
    {
        var years = DigitisedYears(services, currentYearBe);
        if (years.Count == 0) return [];
        var series = new List<ActualYear>();
        for (var year = Math.Max(years.Min(), currentYearBe - 9); year <= currentYearBe; year++)
        {
            var digital = years.Count(y => y <= year);
            series.Add(new ActualYear(year, digital, DigitalRules.Percent(digital, services.Count)));
        }
        return series;
    }

    /// <summary>A set's services fully digital and on a central platform by the end of <paramref name="year"/> (BE), of the
    /// services registered now: a service counts from its digitised year; one on a central platform from its target
    /// year (for such a service the year it got there, ADR 0025) or this year if that is later (ADR 0028).</summary>
    public static (int FullyDigital, int OnCentralPlatform) AsOf(IReadOnlyCollection<ServiceFacts> services, int year, int currentYearBe) =>
        (services.Count(s => s.FullyDigital && s.DigitisedYear <= Math.Min(year, currentYearBe)),
         services.Count(s => DigitalRules.OnCentralPlatform(s.Channel) && Math.Min(s.TargetYear, currentYearBe) <= year));

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
        IEnumerable<TItem> items, Func<TItem, TKey> key, Func<TItem, IEnumerable<ServiceFacts>> services, int? currentYearBe = null) where TKey : notnull =>
        [.. items.GroupBy(key).OrderBy(g => g.Key).Select(g => (g.Key, Figures([.. g.SelectMany(services)], currentYearBe)))];
}
