using Pmqa.Domain.Frameworks;
using static Pmqa.Domain.Tests.Scoring.TestPacks;

namespace Pmqa.Domain.Tests.Scoring;

public sealed class AdjustTests
{
    private static readonly FrameworkPack Pack2 = Pack(
        Category("1", 1, Process("1.1", 1, 1, 1, "OC"), Process("1.2", 1, 1, 1)),
        Category("2", 1, Process("2.1", 1, 1, 1, "OC")));

    [Fact]
    public void An_adjusted_issue_score_rolls_up_again_into_category_dimension_total_and_status()
    {
        var answers = new Dictionary<string, Domain.Scoring.IssueAnswers>
        {
            ["1.1"] = Checked(Ticks("1.1", 1, 1, 0)), ["1.2"] = Checked(Ticks("1.2", 1, 1, 0)), ["2.1"] = Checked(Ticks("2.1", 1, 0, 0)),
        };
        var card = Domain.Scoring.Scoring.Score(Pack2, answers, 350, Rules.StatusBands);
        Assert.Equal(350m, card.RoundedTotal);
        var adjusted = Domain.Scoring.Scoring.Adjust(Pack2, card, new Dictionary<string, decimal> { ["2.1"] = 500 }, 350, Rules.StatusBands);
        Assert.Equal(500m, adjusted.Issues[2].Score);
        Assert.Equal(MaturityLevel.Significance, adjusted.Issues[2].Level);
        Assert.Equal(450m, adjusted.RoundedTotal);
        Assert.Equal(MaturityLevel.Advance, adjusted.Status);
        Assert.Equal(450m, adjusted.Dimensions.Single(d => d.Code == "OC").Rounded);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Domain.Scoring.Scoring.Adjust(Pack2, card, new Dictionary<string, decimal> { ["1.1"] = 501 }, 350, Rules.StatusBands));
    }
}
