using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;

/// <summary>Small hand-built packs, issues and indicators for the scoring tests.</summary>
internal static class TestPacks
{
    public static readonly ScoringParameters Rules = Defaults.Scoring;

    /// <summary>A process issue with nB, nA, nS items coded like "1.1.B1", "1.1.A2", "1.1.S1".</summary>
    public static Issue Process(string code, int nB, int nA, int nS, params string[] dimensions) =>
        new(code, "ประเด็น " + code, "Issue " + code, IssueKind.Process, dimensions, "", "",
            [Level(code, MaturityLevel.Basic, nB), Level(code, MaturityLevel.Advance, nA), Level(code, MaturityLevel.Significance, nS)],
            []);

    public static Issue Results(string code, params string[] dimensions) =>
        new(code, "ผลลัพธ์ " + code, "Results " + code, IssueKind.Results, dimensions, "", "", [], []);

    /// <summary>The first b, a and s item codes of each level of an issue made by <see cref="Process"/>.</summary>
    public static string[] Ticks(string code, int b, int a, int s) =>
        [.. Codes(code, 'B', b), .. Codes(code, 'A', a), .. Codes(code, 'S', s)];

    public static IEnumerable<string> Codes(string code, char letter, int count) =>
        Enumerable.Range(1, count).Select(n => $"{code}.{letter}{n}");

    public static Category Category(string code, decimal weight, params Issue[] issues) =>
        new(code, "หมวด " + code, "Category " + code, weight, "", "", issues);

    public static FrameworkPack Pack(params Category[] categories) =>
        new("test", "1", "ชุดทดสอบ", "Test", "", "", Rules,
            [Dimension("OC"), Dimension("CC"), Dimension("SH")], [], categories);

    public static IndicatorInput Indicator(Direction direction, decimal? target, decimal? r2, decimal? r1, decimal? r0, decimal? comparison) =>
        new("ร้อยละความพึงพอใจ", "ร้อยละ", direction, target, r2, r1, r0, comparison);

    /// <summary>Worked example 1 of scoring.md: 400.</summary>
    public static IndicatorInput Scoring400 => Indicator(Direction.Higher, 80, 70, 75, 80, 85);

    /// <summary>Worked example 2 of scoring.md: 500.</summary>
    public static IndicatorInput Scoring500 => Indicator(Direction.Higher, 80, 70, 75, 80, 78);

    /// <summary>A decimal written in a test attribute (attributes cannot hold decimals).</summary>
    public static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static IssueAnswers Checked(params string[] codes) => new(codes, []);

    public static IssueAnswers Indicators(params IndicatorInput[] indicators) => new([], indicators);

    private static LevelStatement Level(string code, MaturityLevel level, int count) =>
        new(level, "ระดับ", level.ToString(),
            Codes(code, level.ToString()[0], count).Select(c => new ChecklistItem(c, "ข้อ " + c, "Item " + c)).ToList());

    private static Dimension Dimension(string code) => new(code, "มิติ " + code, "Dimension " + code, "", "");
}
