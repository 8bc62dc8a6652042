using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Frameworks;

public sealed class FrameworkPackJsonTests
{
    [Fact]
    public void The_canonical_json_round_trips_and_uses_the_api_names()
    {
        var pack = FrameworkPackReader.Read(File.ReadAllText(Path.Combine(RepoFiles.Root, "frameworks", "pmqa-4.0.yaml")));
        var json = FrameworkPackJson.Serialize(pack);
        Assert.Contains("\"kind\":\"process\"", json);
        Assert.Contains("\"level\":\"Significance\"", json);
        Assert.Contains("\"direction\":\"higher\"", json);
        Assert.Contains("ระดับ", json); // Thai is stored as text, not \u escapes
        var back = FrameworkPackJson.Deserialize(json);
        Assert.Equal(json, FrameworkPackJson.Serialize(back));
        Assert.Equal(FrameworkPackJson.Sha256(json), FrameworkPackJson.Sha256(FrameworkPackJson.Serialize(back)));
    }
}
