using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>Gaps, priorities, the exact path to a target total and what-if scoring (issue 9, steps 2 and 3).</summary>
public static class GapsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var one = api.MapGroup("/assessments/{assessmentId:guid}").WithTags("Gaps").RequireAuthorization(Policies.AssessmentMember);

        one.MapGet("/gaps", async Task<Results<Ok<IReadOnlyList<GapView>>, ValidationProblem, OutcomeProblem>> (
                Guid assessmentId, string? view, GapQueries gaps, CancellationToken ct) =>
            {
                if (!TryView(view, out var side))
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["view"] = [Bilingual.T("มุมมองต้องเป็น self หรือ verified", "The view must be self or verified.")],
                    }, title: Bilingual.T("ข้อมูลไม่ถูกต้อง", "The request has invalid fields"));
                return (await gaps.ListAsync(assessmentId, side, ct)).ToHttp(list => TypedResults.Ok(list.Gaps));
            })
            .WithSummary("Every issue's gap: level and score now, target and score at it, missing items and explanations, opportunities, indicators, priority (view=self|verified; verified 409 until confirmed)");

        one.MapPut("/gaps/{issueCode}", PutGapAsync).ProducesVersioned<GapView>()
            .WithSummary("Set an issue's target level, impact, urgency, selection and rationale; If-Match carries the gap's ETag (\"0\" when never set)");

        one.MapGet("/path", async (Guid assessmentId, decimal? target, PathQueries path, CancellationToken ct) =>
                (await path.PathAsync(assessmentId, target, ct)).ToHttp(found => TypedResults.Ok(found.Path)))
            .WithSummary("The fewest additional ticks that lift the rounded total to the target (default: the round's site-visit threshold), issue by issue; exact (ADR 0016)");

        one.MapPost("/what-if", async (Guid assessmentId, WhatIfBody body, PathQueries path, CancellationToken ct) =>
                (await path.WhatIfAsync(assessmentId, body, ct)).ToHttp(card => TypedResults.Ok(card)))
            .WithSummary("The score card hypothetical ticks would give ({checked: {issueCode: [itemCodes]}}); nothing is stored");
    }

    private static bool TryView(string? view, out GapSide side)
    {
        side = string.Equals(view, "verified", StringComparison.OrdinalIgnoreCase) ? GapSide.Verified : GapSide.Self;
        return view is null || side == GapSide.Verified || string.Equals(view, "self", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<IResult> PutGapAsync(Guid assessmentId, string issueCode, GapSettingBody body, HttpRequest request,
        HttpResponse response, GapCommands commands, CancellationToken ct)
    {
        if (Preconditions.IsAny(request)) return Preconditions.BlindOverwriteRefused(Preconditions.SharedEditing);
        if (!Preconditions.TryIfMatch(request, out var version)) return Preconditions.IfMatchRequired();
        var outcome = await commands.SaveAsync(assessmentId, issueCode, version, body, ct);
        if (outcome is Outcome<GapView>.Conflict c && c.Message == GapCommands.StaleMessage
            && await commands.CurrentAsync(assessmentId, issueCode, ct) is { } current)
        {
            response.Headers.ETag = current.ETag;
            return Preconditions.Stale(c.Message, new Dictionary<string, object?> { ["current"] = current });
        }
        return outcome.ToHttp(view =>
        {
            response.Headers.ETag = view.ETag;
            return TypedResults.Ok(view);
        });
    }
}
