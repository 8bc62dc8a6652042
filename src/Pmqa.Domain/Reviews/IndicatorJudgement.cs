using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Reviews;

/// <summary>What a reviewer decides about one indicator the agency reported.</summary>
public enum IndicatorDecision { Accept, Adjust, Reject }

/// <summary>
/// A reviewer's judgement of the agency's indicator at <see cref="Index"/> (its position in the issue's
/// list). <c>Adjust</c> replaces the five numbers with the reviewer's (name, unit and direction stay the
/// agency's); <c>Adjust</c> and <c>Reject</c> need a reason. An indicator without a judgement is accepted.
/// </summary>
public sealed record IndicatorJudgement(
    int Index,
    IndicatorDecision Decision,
    string? Reason = null,
    decimal? Target = null,
    decimal? R2 = null,
    decimal? R1 = null,
    decimal? R0 = null,
    decimal? Comparison = null);

/// <summary>A problem with one judgement; <see cref="Field"/> is the API's path, e.g. "judgements[1].reason".</summary>
public sealed record JudgementError(string Field, string MessageTh, string MessageEn);

public static class Judgements
{
    /// <summary>The indicators as the reviewer verifies them: accepted as reported, adjusted values, or rejected.</summary>
    public static IReadOnlyList<IndicatorInput> Apply(IReadOnlyList<IndicatorInput> reported, IReadOnlyCollection<IndicatorJudgement> judgements)
    {
        var byIndex = judgements.GroupBy(j => j.Index).ToDictionary(g => g.Key, g => g.Last());
        return reported.Select((indicator, n) => byIndex.GetValueOrDefault(n) switch
        {
            { Decision: IndicatorDecision.Reject } => indicator with { Rejected = true },
            { Decision: IndicatorDecision.Adjust } j => indicator with { Target = j.Target, R2 = j.R2, R1 = j.R1, R0 = j.R0, Comparison = j.Comparison },
            _ => indicator,
        }).ToList();
    }

    /// <summary>Field-level problems: an index that names no reported indicator, a missing reason, and
    /// adjusted values the scoring rules would refuse.</summary>
    public static IReadOnlyList<JudgementError> Validate(IReadOnlyList<IndicatorInput> reported, IReadOnlyList<IndicatorJudgement> judgements)
    {
        var errors = new List<JudgementError>();
        for (var n = 0; n < judgements.Count; n++)
        {
            var j = judgements[n];
            var at = $"judgements[{n}]";
            if (j.Index < 0 || j.Index >= reported.Count)
            {
                errors.Add(new($"{at}.index", $"ไม่มีตัวชี้วัดลำดับที่ {j.Index + 1} ในรายงานของหน่วยงาน",
                    $"The agency reported no indicator number {j.Index + 1}."));
                continue;
            }
            if (!Enum.IsDefined(j.Decision))
                errors.Add(new($"{at}.decision", "กรุณาเลือกผลการพิจารณา (ยอมรับ ปรับค่า หรือไม่ยอมรับ)", "Choose accept, adjust or reject."));
            if (j.Decision != IndicatorDecision.Accept && string.IsNullOrWhiteSpace(j.Reason))
                errors.Add(new($"{at}.reason", "กรุณาระบุเหตุผลของการปรับค่าหรือไม่ยอมรับตัวชี้วัด",
                    "Give the reason for adjusting or rejecting the indicator."));
            if (j.Decision == IndicatorDecision.Adjust)
            {
                var adjusted = Apply(reported, [j])[j.Index];
                errors.AddRange(Scoring.Scoring.Validate(adjusted).Select(e => new JudgementError($"{at}.{e.Field}", e.MessageTh, e.MessageEn)));
            }
        }
        return errors;
    }
}
