using Pmqa.Domain.Assessments;

namespace Pmqa.Domain.OpenData;

/// <summary>What the public is told about an assessment's site visit: only the outcome, never the findings.</summary>
public static class SiteVisitOutcome
{
    public static string Of(AssessmentState state, bool declined, bool hasFinalScore)
    {
        if (declined) return "declined";
        if (hasFinalScore || state == AssessmentState.SiteVisited) return "visited";
        return state switch
        {
            AssessmentState.SiteVisitOffered => "offered",
            AssessmentState.SiteVisitScheduled => "scheduled",
            _ => "none",
        };
    }

    /// <summary>Only verified results are ever published: from confirmation on.</summary>
    public static bool IsPublishable(AssessmentState state) => state.IsVerified();
}
