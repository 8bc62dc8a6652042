using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Frameworks;

public sealed class FrameworkPackReaderTests
{
    private const string Minimal = """
        code: "demo"
        version: "1"
        nameTh: "เกณฑ์ทดลอง"
        nameEn: "Demo"
        dimensions:
          - { code: "OC", nameTh: "เปิดกว้าง", nameEn: "Open" }
        categories:
          - code: "1"
            nameTh: "การนำองค์การ"
            nameEn: "Leadership"
            issues:
              - code: "1.1"
                nameTh: "การนำ"
                nameEn: "Leading"
                kind: "process"
                dimensions: ["OC"]
                levels:
                  - level: "Basic"
                    statementTh: "พื้นฐาน"
                    statementEn: "Basic"
                    items:
                      - { code: "1.1.B1", textTh: "ข้อหนึ่ง", textEn: "One" }
                  - level: "Advance"
                    statementTh: "ก้าวหน้า"
                    statementEn: "Advance"
                    items:
                      - { code: "1.1.A1", textTh: "ข้อหนึ่ง", textEn: "One" }
                  - level: "Significance"
                    statementTh: "เกิดผล"
                    statementEn: "Significance"
                    items:
                      - { code: "1.1.S1", textTh: "ข้อหนึ่ง", textEn: "One" }
          - code: "7"
            nameTh: "ผลลัพธ์"
            nameEn: "Results"
            weight: 2
            issues:
              - code: "7.1"
                nameTh: "ผลลัพธ์ด้านพันธกิจ"
                nameEn: "Mission results"
                kind: "results"
                dimensions: ["OC"]
                suggestedIndicators:
                  - { code: "7.1.K1", nameTh: "ร้อยละ", nameEn: "Percent", unitTh: "ร้อยละ", unitEn: "percent", direction: "lower" }
        """;

    [Fact]
    public void A_valid_file_is_read_with_defaults_for_omitted_scoring()
    {
        var pack = FrameworkPackReader.Read(Minimal);
        Assert.Equal("demo", pack.Code);
        Assert.Equal(2, pack.Categories[1].Weight);
        Assert.Equal(Direction.Lower, pack.Issues.Last().SuggestedIndicators[0].Direction);
        Assert.Equal(Defaults.Scoring.BasicPoints, pack.Scoring.BasicPoints);
        Assert.Equal(3, pack.Scoring.StatusBands.Count);
    }

    [Fact]
    public void A_missing_statement_is_reported_with_its_line_and_field_path()
    {
        var yaml = RemoveLine(Minimal, "statementTh: \"ก้าวหน้า\"");
        var errors = Errors(yaml);
        var error = Assert.Single(errors);
        Assert.Equal("$.categories[0].issues[0].levels[1].statementTh", error.Path);
        Assert.Equal(LineOf(Minimal, "- level: \"Advance\"") , error.Line);
        Assert.Contains("required", error.MessageEn);
    }

    [Fact]
    public void A_checklist_code_out_of_sequence_names_the_expected_code()
    {
        var error = Assert.Single(Errors(Minimal.Replace("1.1.A1", "1.1.A2")));
        Assert.Contains("1.1.A1", error.MessageEn);
        Assert.Equal(LineOf(Minimal, "1.1.A1"), error.Line);
    }

    [Fact]
    public void Unknown_dimensions_kinds_and_duplicate_codes_are_all_reported_at_once()
    {
        var yaml = ReplaceFirst(Minimal, "dimensions: [\"OC\"]", "dimensions: [\"XX\"]")
            .Replace("kind: \"results\"", "kind: \"outcome\"")
            .Replace("code: \"7.1\"", "code: \"1.1\"");
        var messages = Errors(yaml).Select(e => e.MessageEn).ToList();
        Assert.Contains(messages, m => m.Contains("dimension XX"));
        Assert.Contains(messages, m => m.Contains("must be one of: process, results"));
        Assert.Contains(messages, m => m.Contains("code 1.1 appears more than once"));
        Assert.Contains(messages, m => m.Contains("must start with its category code 7."));
    }

    [Fact]
    public void A_process_issue_without_all_three_levels_is_refused()
    {
        var start = LineStart(Minimal, "- level: \"Significance\"");
        var end = LineStart(Minimal, "- code: \"7\"");
        var errors = Errors(Minimal.Remove(start, end - start));
        Assert.Contains(errors, e => e.MessageEn.Contains("exactly three levels"));
    }

    [Fact]
    public void Broken_yaml_reports_the_parser_position()
    {
        var error = Assert.Single(Errors("code: \"demo\n  version: [unclosed"));
        Assert.Equal("(file)", error.Path);
        Assert.True(error.Line >= 1);
        Assert.Contains("not valid YAML", error.MessageEn);
    }

    [Fact]
    public void Read_throws_with_every_error_listed()
    {
        var exception = Assert.Throws<FrameworkPackException>(() => FrameworkPackReader.Read("code: \"x\""));
        Assert.Contains(exception.Errors, e => e.Path == "$.version");
        Assert.Contains(exception.Errors, e => e.Path == "$.categories");
    }

    private static IReadOnlyList<PackError> Errors(string yaml)
    {
        var (pack, errors) = FrameworkPackReader.TryRead(yaml);
        Assert.Null(pack);
        return errors;
    }

    private static int LineStart(string text, string fragment) =>
        text.LastIndexOf('\n', text.IndexOf(fragment, StringComparison.Ordinal)) + 1;

    private static string RemoveLine(string text, string fragment)
    {
        var start = LineStart(text, fragment);
        return text.Remove(start, text.IndexOf('\n', start) - start + 1);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
