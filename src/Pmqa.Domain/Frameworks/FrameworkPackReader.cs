using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pmqa.Domain.Frameworks;

/// <summary>
/// Reads a framework pack from its YAML file (the format of <c>frameworks/pmqa-4.0.yaml</c>) and checks
/// that it is well-formed: every error names its line, column and field. Nothing is returned unless
/// the whole file is valid.
/// </summary>
public static class FrameworkPackReader
{
    private static readonly MaturityLevel[] ProcessLevels = [MaturityLevel.Basic, MaturityLevel.Advance, MaturityLevel.Significance];

    public static FrameworkPack Read(string yaml)
    {
        var (pack, errors) = TryRead(yaml);
        return pack ?? throw new FrameworkPackException(errors);
    }

    public static (FrameworkPack? Pack, IReadOnlyList<PackError> Errors) TryRead(string yaml)
    {
        var errors = new List<PackError>();
        if (YamlShapeGuard.Check(yaml) is { } shape)
        {
            errors.Add(shape);
            return (null, errors);
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            errors.Add(new PackError((int)e.Start.Line, (int)e.Start.Column, "(file)",
                $"ไฟล์ YAML ไม่ถูกต้อง: {e.Message}", $"the file is not valid YAML: {e.Message}"));
            return (null, errors);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException for some damaged files (found by the fuzzer:
            // "the current event is of an unsupported type"); they carry no position.
            errors.Add(new PackError(0, 0, "(file)", $"ไฟล์ YAML ไม่ถูกต้อง: {e.Message}", $"the file is not valid YAML: {e.Message}"));
            return (null, errors);
        }
        if (stream.Documents.Count == 0)
        {
            errors.Add(new PackError(1, 1, "(file)", "ไฟล์ว่างเปล่า", "the file is empty"));
            return (null, errors);
        }
        var root = new YamlCursor(stream.Documents[0].RootNode, "$", errors);
        if (!root.IsMapping()) return (null, errors);
        var pack = ReadPack(root);
        return errors.Count == 0 ? (pack, errors) : (null, errors);
    }

    private static FrameworkPack ReadPack(YamlCursor root)
    {
        var dimensions = root.List("dimensions", (d, _) => new Dimension(
            d.Text("code"), d.Text("nameTh"), d.Text("nameEn"), d.Text("descriptionTh", false), d.Text("descriptionEn", false)));
        var known = dimensions.Select(d => d.Code).ToHashSet();
        RequireUnique(root, "dimensions", dimensions.Select(d => d.Code));

        var sections = root.List("profileSections", (s, _) => new ProfileSection(
            s.Text("code"), s.Text("group"), s.Text("nameTh"), s.Text("nameEn"), s.Text("guidanceTh", false), s.Text("guidanceEn", false)),
            required: false);
        RequireUnique(root, "profileSections", sections.Select(s => s.Code));

        var categories = root.List("categories", (c, _) => ReadCategory(c, known));
        RequireUnique(root, "categories", categories.Select(c => c.Code));
        RequireUnique(root, "issues", categories.SelectMany(c => c.Issues).Select(i => i.Code));

        return new FrameworkPack(
            root.Text("code"), root.Text("version"), root.Text("nameTh"), root.Text("nameEn"),
            root.Text("descriptionTh", false), root.Text("descriptionEn", false),
            ReadScoring(root.Nested("scoring")), dimensions, sections, categories);
    }

    private static ScoringParameters ReadScoring(YamlCursor s)
    {
        if (!s.IsMapping()) return Defaults.Scoring;
        var d = Defaults.Scoring;
        var scoring = new ScoringParameters(
            s.Number("basicPoints", d.BasicPoints), s.Number("advancePoints", d.AdvancePoints),
            s.Number("significancePoints", d.SignificancePoints), s.Number("indicatorLevelPoints", d.IndicatorLevelPoints),
            s.Number("indicatorTrendStepPoints", d.IndicatorTrendStepPoints),
            s.Number("indicatorComparisonPoints", d.IndicatorComparisonPoints),
            s.Number("siteVisitThreshold", d.SiteVisitThreshold),
            s.Has("statusBands")
                ? s.List("statusBands", (b, _) => new StatusBand(b.Enum("level", ProcessLevels), b.Number("from")))
                : d.StatusBands);
        if (!(0 < scoring.BasicPoints && scoring.BasicPoints < scoring.AdvancePoints && scoring.AdvancePoints < scoring.SignificancePoints))
            s.Error("ต้องเป็น 0 < basicPoints < advancePoints < significancePoints", "must satisfy 0 < basicPoints < advancePoints < significancePoints");
        return scoring;
    }

    private static Category ReadCategory(YamlCursor c, HashSet<string> dimensions)
    {
        var code = c.Text("code");
        var weight = c.Number("weight", 1m);
        if (weight <= 0) c.Error("weight ต้องมากกว่า 0", "weight must be greater than 0");
        var issues = c.List("issues", (i, _) => ReadIssue(i, code, dimensions));
        return new Category(code, c.Text("nameTh"), c.Text("nameEn"), weight,
            c.Text("descriptionTh", false), c.Text("descriptionEn", false), issues);
    }

    private static Issue ReadIssue(YamlCursor i, string categoryCode, HashSet<string> dimensions)
    {
        var code = i.Text("code");
        if (code.Length > 0 && !code.StartsWith(categoryCode + ".", StringComparison.Ordinal))
            i.Error($"รหัสประเด็น {code} ต้องขึ้นต้นด้วยรหัสหมวด {categoryCode}.", $"issue code {code} must start with its category code {categoryCode}.");
        var kind = i.Enum("kind", IssueKind.Process, IssueKind.Results);
        var tags = i.Strings("dimensions");
        foreach (var tag in tags.Where(t => !dimensions.Contains(t)))
            i.Error($"มิติ {tag} ไม่ได้ประกาศไว้ใน dimensions", $"dimension {tag} is not declared under dimensions");

        IReadOnlyList<LevelStatement> levels = [];
        IReadOnlyList<SuggestedIndicator> indicators = [];
        if (kind == IssueKind.Process)
        {
            levels = i.List("levels", (l, _) => ReadLevel(l, code));
            if (levels.Count != 3 || !levels.Select(l => l.Level).SequenceEqual(ProcessLevels))
                i.Error("ประเด็นเชิงกระบวนการต้องมี 3 ระดับตามลำดับ Basic, Advance, Significance",
                    "a process issue needs exactly three levels in order: Basic, Advance, Significance");
            if (i.Has("suggestedIndicators"))
                i.Error("ประเด็นเชิงกระบวนการไม่มีตัวชี้วัดที่แนะนำ", "a process issue has no suggestedIndicators");
        }
        else
        {
            indicators = i.List("suggestedIndicators", (s, _) => ReadIndicator(s), required: false);
            RequireUnique(i, "suggestedIndicators", indicators.Select(s => s.Code));
            if (i.Has("levels")) i.Error("ประเด็นเชิงผลลัพธ์ไม่มีระดับและรายการตรวจสอบ", "a results issue has no levels");
        }
        return new Issue(code, i.Text("nameTh"), i.Text("nameEn"), kind, tags,
            i.Text("descriptionTh", false), i.Text("descriptionEn", false), levels, indicators);
    }

    private static LevelStatement ReadLevel(YamlCursor l, string issueCode)
    {
        var level = l.Enum("level", ProcessLevels);
        var letter = level.ToString()[0];
        var items = l.List("items", (item, n) =>
        {
            var code = item.Text("code");
            var expected = $"{issueCode}.{letter}{n + 1}";
            if (code.Length > 0 && code != expected)
                item.Error($"รหัสรายการต้องเป็น {expected}", $"item code must be {expected}");
            return new ChecklistItem(code, item.Text("textTh"), item.Text("textEn"));
        });
        return new LevelStatement(level, l.Text("statementTh"), l.Text("statementEn"), items);
    }

    private static SuggestedIndicator ReadIndicator(YamlCursor s) => new(
        s.Text("code"), s.Text("nameTh"), s.Text("nameEn"), s.Text("unitTh"), s.Text("unitEn"),
        s.Enum("direction", Direction.Higher, Direction.Lower));

    private static void RequireUnique(YamlCursor at, string what, IEnumerable<string> codes)
    {
        foreach (var dup in codes.Where(c => c.Length > 0).GroupBy(c => c).Where(g => g.Count() > 1))
            at.Error($"รหัส {dup.Key} ซ้ำกันใน {what}", $"code {dup.Key} appears more than once in {what}");
    }
}
