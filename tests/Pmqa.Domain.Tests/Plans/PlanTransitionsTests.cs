using Pmqa.Domain.Plans;

namespace Pmqa.Domain.Tests.Plans;

public sealed class PlanTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(PlanStatus.Draft, PlanStep.Submit, PlanStatus.AwaitingApproval)]
    [InlineData(PlanStatus.AwaitingApproval, PlanStep.Approve, PlanStatus.Approved)]
    [InlineData(PlanStatus.AwaitingApproval, PlanStep.Reject, PlanStatus.Draft)]
    [InlineData(PlanStatus.Approved, PlanStep.Revise, PlanStatus.Draft)]
    public void Allowed_transitions_lead_where_the_ADR_says(PlanStatus from, PlanStep action, PlanStatus to) =>
        Assert.Equal(to, PlanTransitions.Apply(from, action, Now).To);

    [Fact]
    public void Every_other_pair_is_refused_in_Thai_and_English()
    {
        var allowed = PlanTransitions.AllowedPairs.ToHashSet();
        foreach (var from in Enum.GetValues<PlanStatus>())
        foreach (var action in Enum.GetValues<PlanStep>())
        {
            if (allowed.Contains((from, action))) continue;
            var result = PlanTransitions.Apply(from, action, Now);
            Assert.False(result.Allowed, $"{from} + {action}");
            Assert.False(string.IsNullOrWhiteSpace(result.RefusalTh));
            Assert.False(string.IsNullOrWhiteSpace(result.RefusalEn));
        }
    }

    [Fact]
    public void Submitting_after_the_plan_deadline_is_refused_and_on_it_is_allowed()
    {
        Assert.False(PlanTransitions.Apply(PlanStatus.Draft, PlanStep.Submit, Now, deadline: Now.AddSeconds(-1)).Allowed);
        Assert.Equal("The round's plan deadline has passed.", PlanTransitions.Apply(PlanStatus.Draft, PlanStep.Submit, Now, Now.AddSeconds(-1)).RefusalEn);
        Assert.True(PlanTransitions.Apply(PlanStatus.Draft, PlanStep.Submit, Now, deadline: Now).Allowed);
        Assert.True(PlanTransitions.Apply(PlanStatus.Draft, PlanStep.Submit, Now, deadline: null).Allowed);
    }

    [Fact]
    public void An_empty_plan_cannot_be_submitted() =>
        Assert.False(PlanTransitions.Apply(PlanStatus.Draft, PlanStep.Submit, Now, projects: 0).Allowed);

    [Fact]
    public void Only_a_draft_is_editable() =>
        Assert.Equal([PlanStatus.Draft], Enum.GetValues<PlanStatus>().Where(PlanTransitions.IsEditable));
}
