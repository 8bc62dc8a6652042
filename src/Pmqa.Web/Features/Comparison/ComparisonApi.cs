using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Comparison;

/// <summary>Measure results and impact (issue 9, step 5): an assessment against the previous fiscal year's.</summary>
public static class ComparisonApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessments/{assessmentId:guid}/comparison", async (Guid assessmentId, ComparisonQueries comparison, CancellationToken ct) =>
                (await comparison.CompareAsync(assessmentId, ct)).ToHttp(found => TypedResults.Ok(found.View)))
            .WithTags("Gaps").RequireAuthorization(Policies.AssessmentMember)
            .WithSummary("Against the organisation's assessment of the previous fiscal year: per issue the score and level then and now and whether " +
                "last year's gap closed, per category 7 indicator its values by fiscal year and trend, per project of last year's approved plans the " +
                "issues improved and not; hasPrevious false (previous values null, no projects) when there is no previous assessment");
}
