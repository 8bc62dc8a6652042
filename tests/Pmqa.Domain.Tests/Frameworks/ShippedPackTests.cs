using System.Text.RegularExpressions;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Frameworks;

/// <summary>Every pack shipped under frameworks/ is complete and well-formed.</summary>
public sealed partial class ShippedPackTests
{
    public static TheoryData<string> Packs => new(RepoFiles.ShippedPacks.Select(Path.GetFileName)!);

    private static FrameworkPack Load(string file) =>
        FrameworkPackReader.Read(File.ReadAllText(Path.Combine(RepoFiles.Root, "frameworks", file)));

    [GeneratedRegex(@"\p{IsThai}")]
    private static partial Regex ThaiLetters();

    [Fact]
    public void The_PMQA_4_0_pack_is_shipped() => Assert.Contains("pmqa-4.0.yaml", RepoFiles.ShippedPacks.Select(Path.GetFileName));

    [Theory, MemberData(nameof(Packs))]
    public void Pack_has_seven_categories_and_thirty_issues_coded_1_1_to_7_6(string file)
    {
        var pack = Load(file);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], pack.Categories.Select(c => c.Code));
        var expected = Enumerable.Range(1, 6).SelectMany(c => Enumerable.Range(1, 4).Select(i => $"{c}.{i}"))
            .Concat(Enumerable.Range(1, 6).Select(i => $"7.{i}"));
        Assert.Equal(expected, pack.Issues.Select(i => i.Code));
        Assert.All(pack.Categories.Take(6).SelectMany(c => c.Issues), i => Assert.Equal(IssueKind.Process, i.Kind));
        Assert.All(pack.Categories[6].Issues, i => Assert.Equal(IssueKind.Results, i.Kind));
    }

    [Theory, MemberData(nameof(Packs))]
    public void Every_process_issue_has_three_levels_with_two_to_four_checklist_items(string file)
    {
        foreach (var issue in Load(file).Issues.Where(i => i.Kind == IssueKind.Process))
        {
            Assert.Equal([MaturityLevel.Basic, MaturityLevel.Advance, MaturityLevel.Significance], issue.Levels.Select(l => l.Level));
            foreach (var level in issue.Levels)
            {
                Assert.InRange(level.Items.Count, 2, 4);
                var letter = level.Level.ToString()[0];
                Assert.Equal(level.Items.Select((_, n) => $"{issue.Code}.{letter}{n + 1}"), level.Items.Select(i => i.Code));
                AssertBilingual(level.StatementTh, level.StatementEn);
                Assert.All(level.Items, item => AssertBilingual(item.TextTh, item.TextEn));
            }
            Assert.Empty(issue.SuggestedIndicators);
        }
    }

    [Theory, MemberData(nameof(Packs))]
    public void Every_results_issue_suggests_two_to_four_indicators_with_unit_and_direction(string file)
    {
        foreach (var issue in Load(file).Issues.Where(i => i.Kind == IssueKind.Results))
        {
            Assert.InRange(issue.SuggestedIndicators.Count, 2, 4);
            Assert.Empty(issue.Levels);
            Assert.All(issue.SuggestedIndicators, k =>
            {
                AssertBilingual(k.NameTh, k.NameEn);
                AssertBilingual(k.UnitTh, k.UnitEn);
                Assert.True(Enum.IsDefined(k.Direction));
            });
        }
    }

    [Theory, MemberData(nameof(Packs))]
    public void Names_tags_and_scoring_parameters_are_complete(string file)
    {
        var pack = Load(file);
        Assert.Equal(["OC", "CC", "SH"], pack.Dimensions.Select(d => d.Code));
        Assert.All(pack.Dimensions, d => AssertBilingual(d.NameTh, d.NameEn));
        Assert.All(pack.Categories, c => { AssertBilingual(c.NameTh, c.NameEn); Assert.True(c.Weight > 0); });
        Assert.All(pack.Issues, i =>
        {
            AssertBilingual(i.NameTh, i.NameEn);
            Assert.NotEmpty(i.Dimensions);
            Assert.All(i.Dimensions, tag => Assert.Contains(tag, new[] { "OC", "CC", "SH" }));
        });
        Assert.Equal(10, pack.ProfileSections.Count);
        Assert.Equal((300m, 400m, 500m, 350m),
            (pack.Scoring.BasicPoints, pack.Scoring.AdvancePoints, pack.Scoring.SignificancePoints, pack.Scoring.SiteVisitThreshold));
    }

    [Fact]
    public void Category_1_serves_open_and_connected_and_smart_government_as_seed_004_says()
    {
        var tags = Load("pmqa-4.0.yaml").Categories[0].Issues.SelectMany(i => i.Dimensions).ToHashSet();
        Assert.Contains("OC", tags);
        Assert.Contains("SH", tags);
    }

    private static void AssertBilingual(string th, string en)
    {
        Assert.Matches(ThaiLetters(), th);
        Assert.False(string.IsNullOrWhiteSpace(en));
        Assert.DoesNotMatch(ThaiLetters(), en);
    }
}
