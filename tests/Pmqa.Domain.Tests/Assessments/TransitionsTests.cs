using Pmqa.Domain.Assessments;

namespace Pmqa.Domain.Tests.Assessments;

public sealed class TransitionsTests
{
    /// <summary>Facts under which every guard holds, so only the state decides.</summary>
    private static readonly TransitionFacts AllMet = new()
    {
        ReviewTeamAssigned = true, AllReviewsSubmitted = true, ConsensusComplete = true, OpenClarifications = 0,
        ReachesSiteVisitThreshold = true, VisitScheduled = true, FindingsRecorded = true,
    };

    public static TheoryData<AssessmentState, AssessmentAction, AssessmentState> Allowed => new()
    {
        { AssessmentState.Draft, AssessmentAction.Submit, AssessmentState.AwaitingApproval },
        { AssessmentState.AwaitingApproval, AssessmentAction.Approve, AssessmentState.Submitted },
        { AssessmentState.AwaitingApproval, AssessmentAction.Reject, AssessmentState.Draft },
        { AssessmentState.AwaitingApproval, AssessmentAction.Reopen, AssessmentState.Draft },
        { AssessmentState.Submitted, AssessmentAction.Reopen, AssessmentState.Draft },
        { AssessmentState.Submitted, AssessmentAction.StartReview, AssessmentState.UnderReview },
        { AssessmentState.UnderReview, AssessmentAction.Confirm, AssessmentState.Verified },
        { AssessmentState.Verified, AssessmentAction.OfferSiteVisit, AssessmentState.SiteVisitOffered },
        { AssessmentState.SiteVisitOffered, AssessmentAction.AcceptSiteVisit, AssessmentState.SiteVisitScheduled },
        { AssessmentState.SiteVisitOffered, AssessmentAction.DeclineSiteVisit, AssessmentState.Verified },
        { AssessmentState.SiteVisitScheduled, AssessmentAction.CompleteSiteVisit, AssessmentState.SiteVisited },
        { AssessmentState.SiteVisited, AssessmentAction.Certify, AssessmentState.Certified },
        { AssessmentState.SiteVisited, AssessmentAction.DenyCertification, AssessmentState.NotCertified },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Each_allowed_transition_reaches_its_state(AssessmentState from, AssessmentAction action, AssessmentState to) =>
        Assert.Equal(to, Transitions.Apply(from, action, AllMet).To);

    [Fact]
    public void Every_other_pair_of_state_and_action_is_refused_with_a_message_in_both_languages()
    {
        var allowed = Allowed.Select(row => ((AssessmentState)row[0], (AssessmentAction)row[1])).ToHashSet();
        Assert.Equal(allowed, Transitions.AllowedPairs.ToHashSet());
        var refused = 0;
        foreach (var state in Enum.GetValues<AssessmentState>())
        foreach (var action in Enum.GetValues<AssessmentAction>().Where(a => !allowed.Contains((state, a))))
        {
            var result = Transitions.Apply(state, action, AllMet);
            Assert.False(result.Allowed);
            Assert.Contains(state.DisplayName().Th, result.RefusalTh);
            Assert.Contains(state.DisplayName().En.ToLowerInvariant(), result.RefusalEn);
            refused++;
        }
        Assert.Equal(10 * 12 - 13, refused);
    }

    public static TheoryData<AssessmentState, AssessmentAction, string, string> Guards => new()
    {
        { AssessmentState.Submitted, AssessmentAction.StartReview, nameof(TransitionFacts.ReviewTeamAssigned), "review team" },
        { AssessmentState.UnderReview, AssessmentAction.Confirm, nameof(TransitionFacts.AllReviewsSubmitted), "Every reviewer" },
        { AssessmentState.UnderReview, AssessmentAction.Confirm, nameof(TransitionFacts.ConsensusComplete), "consensus" },
        { AssessmentState.UnderReview, AssessmentAction.Confirm, nameof(TransitionFacts.OpenClarifications), "clarification" },
        { AssessmentState.Verified, AssessmentAction.OfferSiteVisit, nameof(TransitionFacts.ReachesSiteVisitThreshold), "threshold" },
        { AssessmentState.SiteVisitScheduled, AssessmentAction.CompleteSiteVisit, nameof(TransitionFacts.VisitScheduled), "Schedule" },
        { AssessmentState.SiteVisitScheduled, AssessmentAction.CompleteSiteVisit, nameof(TransitionFacts.FindingsRecorded), "findings" },
    };

    [Theory]
    [MemberData(nameof(Guards))]
    public void A_transition_whose_precondition_fails_is_refused_and_says_why(AssessmentState from, AssessmentAction action, string fact, string why)
    {
        var facts = fact switch
        {
            nameof(TransitionFacts.ReviewTeamAssigned) => AllMet with { ReviewTeamAssigned = false },
            nameof(TransitionFacts.AllReviewsSubmitted) => AllMet with { AllReviewsSubmitted = false },
            nameof(TransitionFacts.ConsensusComplete) => AllMet with { ConsensusComplete = false },
            nameof(TransitionFacts.OpenClarifications) => AllMet with { OpenClarifications = 2 },
            nameof(TransitionFacts.ReachesSiteVisitThreshold) => AllMet with { ReachesSiteVisitThreshold = false },
            nameof(TransitionFacts.VisitScheduled) => AllMet with { VisitScheduled = false },
            _ => AllMet with { FindingsRecorded = false },
        };
        var result = Transitions.Apply(from, action, facts);
        Assert.False(result.Allowed);
        Assert.Contains(why, result.RefusalEn);
        Assert.False(string.IsNullOrWhiteSpace(result.RefusalTh));
    }

    [Fact]
    public void Only_a_draft_is_editable_and_the_verified_score_exists_from_confirmation_on()
    {
        Assert.Equal([AssessmentState.Draft], Enum.GetValues<AssessmentState>().Where(s => s.IsEditable()));
        Assert.False(AssessmentState.UnderReview.IsVerified());
        Assert.True(AssessmentState.Verified.IsVerified());
        Assert.True(AssessmentState.NotCertified.IsVerified());
    }
}
