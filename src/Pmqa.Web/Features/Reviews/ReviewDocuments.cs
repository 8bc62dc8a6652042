using System.Text.Json;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Reviews;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;

namespace Pmqa.Web.Features.Reviews;

/// <summary>One indicator judgement as the API and the pages carry it (<c>decision</c>: accept, adjust, reject).</summary>
public sealed record JudgementDto(int Index, string? Decision, string? Reason, decimal? Target, decimal? R2, decimal? R1, decimal? R0, decimal? Comparison);

/// <summary>A reviewer's (or the consensus') answer to one issue.</summary>
public sealed record ReviewIssueBody(IReadOnlyList<string>? Checked, IReadOnlyList<JudgementDto>? Judgements, string? Strengths,
    string? Opportunities, string? Rationale = null);

/// <summary>Reads and writes the JSON columns of review and consensus answers.</summary>
public static class ReviewDocuments
{
    private static readonly JsonSerializerOptions Json = FrameworkPackJson.Options;

    public static IReadOnlyList<string> Checked(string json) => JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    public static IReadOnlyList<JudgementDto> Judgements(string json) => JsonSerializer.Deserialize<List<JudgementDto>>(json, Json) ?? [];

    public static string Write(IEnumerable<string> codes) => JsonSerializer.Serialize(codes.Distinct().ToList(), Json);

    public static string Write(IEnumerable<JudgementDto> judgements) => JsonSerializer.Serialize(judgements.OrderBy(j => j.Index).ToList(), Json);

    public static bool TryParseDecision(string? text, out IndicatorDecision decision) =>
        Enum.TryParse(text, ignoreCase: true, out decision) && Enum.IsDefined(decision);

    public static IndicatorJudgement ToDomain(JudgementDto d) => new(d.Index,
        TryParseDecision(d.Decision, out var decision) ? decision : (IndicatorDecision)(-1), d.Reason, d.Target, d.R2, d.R1, d.R0, d.Comparison);

    /// <summary>
    /// The answers an issue is verified with: for a process issue the reviewer's ticks, for a results issue
    /// the agency's indicators as the reviewer judged them. No answer yet means the agency's own answer.
    /// </summary>
    public static IssueAnswers Verified(Issue issue, IssueAnswer? agency, string? checkedJson, string? judgementsJson)
    {
        var own = AnswerDocuments.ToAnswers(agency);
        if (issue.Kind == IssueKind.Process) return checkedJson is null ? own : new IssueAnswers(Checked(checkedJson), []);
        if (judgementsJson is null) return own;
        return new IssueAnswers([], Domain.Reviews.Judgements.Apply(own.Indicators, Judgements(judgementsJson).Select(ToDomain).ToList()));
    }
}
