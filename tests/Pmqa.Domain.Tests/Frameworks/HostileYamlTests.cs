using System.Diagnostics;
using System.Text;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Frameworks;

/// <summary>
/// Framework packs come from administrators' uploads: a file built to crash or stall the server must be
/// refused quickly with a message, never read. Without the shape guard the deep files overflow the stack
/// (the test host dies) and the alias bomb is walked node by node.
/// </summary>
public sealed class HostileYamlTests
{
    [Fact]
    public void A_block_sequence_nested_five_thousand_levels_deep_is_refused_with_the_limit_named()
    {
        var yaml = "categories:\n  " + string.Concat(Enumerable.Repeat("- ", 5_000)) + "x\n";
        var error = Assert.Single(FrameworkPackReader.TryRead(yaml).Errors);
        Assert.Contains($"more than {YamlShapeGuard.MaxDepth} levels", error.MessageEn);
        Assert.Contains($"{YamlShapeGuard.MaxDepth} ชั้น", error.MessageTh);
    }

    [Fact]
    public void A_flow_mapping_nested_five_thousand_levels_deep_is_refused()
    {
        var yaml = "code: " + string.Concat(Enumerable.Repeat("{a: ", 5_000)) + "1" + new string('}', 5_000) + "\n";
        var error = Assert.Single(FrameworkPackReader.TryRead(yaml).Errors);
        Assert.Contains("levels deep", error.MessageEn);
    }

    [Fact]
    public void Aliases_that_expand_to_millions_of_nodes_are_refused_within_a_second()
    {
        // Each anchor names ten of the previous one: l7 stands for 10^7 issues.
        var yaml = new StringBuilder("code: demo\nversion: \"1\"\nnameTh: x\nnameEn: x\ndimensions: []\n");
        yaml.Append("l0: &l0 { code: \"1.1\", nameTh: x, nameEn: x, kind: results, dimensions: [] }\n");
        for (var i = 1; i <= 7; i++)
            yaml.Append($"l{i}: &l{i} [").Append(string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))).Append("]\n");
        yaml.Append("categories:\n  - { code: \"1\", nameTh: x, nameEn: x, issues: *l7 }\n");

        var watch = Stopwatch.StartNew();
        var error = Assert.Single(FrameworkPackReader.TryRead(yaml.ToString()).Errors);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Contains("aliases are expanded", error.MessageEn);
        Assert.Contains("alias", error.MessageTh);
    }

    [Fact]
    public void Aliases_within_the_limits_are_still_read()
    {
        var pack = FrameworkPackReader.TryRead(File.ReadAllText(RepoFiles.ShippedPacks.First()));
        Assert.Empty(pack.Errors);
        const string small = "code: &c demo\nother: *c\n";
        Assert.Null(YamlShapeGuard.Check(small));
    }
}
