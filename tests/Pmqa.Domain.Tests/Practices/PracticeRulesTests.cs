using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Practices;

namespace Pmqa.Domain.Tests.Practices;

public sealed class PracticeRulesTests
{
    [Theory]
    [InlineData(MaturityLevel.Advance)]
    [InlineData(MaturityLevel.Significance)]
    public void A_certified_issue_at_Advance_or_above_may_be_shared(MaturityLevel level) =>
        Assert.Equal(ShareRefusal.None, PracticeRules.MayShare(AssessmentState.Certified, level));

    [Theory]
    [InlineData(MaturityLevel.None)]
    [InlineData(MaturityLevel.Basic)]
    public void An_issue_below_Advance_is_no_example(MaturityLevel level) =>
        Assert.Equal(ShareRefusal.LevelTooLow, PracticeRules.MayShare(AssessmentState.Certified, level));

    [Fact]
    public void Nothing_is_shared_before_certification_whatever_the_level()
    {
        foreach (var state in Enum.GetValues<AssessmentState>().Where(s => s != AssessmentState.Certified))
            Assert.Equal(ShareRefusal.NotCertified, PracticeRules.MayShare(state, MaturityLevel.Significance));
    }

    [Fact]
    public void OPDC_decides_once_on_what_is_pending()
    {
        Assert.True(PracticeRules.MayDecide(PracticeStatus.Pending));
        Assert.False(PracticeRules.MayDecide(PracticeStatus.Approved));
        Assert.False(PracticeRules.MayDecide(PracticeStatus.Declined));
    }
}
