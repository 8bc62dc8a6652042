using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>The shipped PMQA 4.0 pack scores from nothing to everything.</summary>
public sealed class ShippedPackScoringTests
{
    private static readonly FrameworkPack Pmqa =
        FrameworkPackReader.Read(File.ReadAllText(Path.Combine(RepoFiles.Root, "frameworks", "pmqa-4.0.yaml")));

    private static ScoreCard Score(IReadOnlyDictionary<string, IssueAnswers> answers) =>
        Scoring.Score(Pmqa, answers, Pmqa.Scoring.SiteVisitThreshold, Pmqa.Scoring.StatusBands);

    [Fact]
    public void No_answers_score_0_with_no_status_and_no_site_visit()
    {
        var card = Score(new Dictionary<string, IssueAnswers>());
        Assert.Equal(0m, card.Total);
        Assert.Equal(MaturityLevel.None, card.Status);
        Assert.False(card.SiteVisitEligible);
        Assert.Equal(7, card.Categories.Count);
        Assert.Equal(30, card.Issues.Count);
        Assert.Equal(["OC", "CC", "SH"], card.Dimensions.Select(d => d.Code));
        Assert.All(card.Issues.Where(i => i.Code.StartsWith("7.")), i => Assert.False(i.Complete));
    }

    [Fact]
    public void Every_item_ticked_and_a_full_indicator_per_results_issue_score_500_with_a_site_visit()
    {
        var answers = Pmqa.Issues.ToDictionary(i => i.Code, i => i.Kind == IssueKind.Process
            ? Checked([.. i.Levels.SelectMany(l => l.Items).Select(x => x.Code)])
            : Indicators(Scoring500));

        var card = Score(answers);

        Assert.Equal(500m, card.Total);
        Assert.Equal(MaturityLevel.Significance, card.Status);
        Assert.True(card.SiteVisitEligible);
        Assert.All(card.Issues, i => Assert.Equal((500m, MaturityLevel.Significance, true), (i.Score, i.Level, i.Complete)));
        Assert.All(card.Dimensions, d => Assert.Equal(500m, d.Score));
    }
}
