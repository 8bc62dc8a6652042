using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;

namespace Pmqa.Domain.Improvement;

/// <summary>Hypothetical answers: the real answers with some process issues' ticks replaced, scored by the real scorer.</summary>
public static class WhatIf
{
    /// <summary>Issues named in <paramref name="checkedByIssue"/> take those ticks (explanations and indicators
    /// are not part of a score); every other issue keeps its answers.</summary>
    public static ScoreCard Score(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> answers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> checkedByIssue, decimal siteVisitThreshold, IReadOnlyList<StatusBand> statusBands)
    {
        var hypothetical = new Dictionary<string, IssueAnswers>(answers);
        foreach (var (code, ticks) in checkedByIssue)
            hypothetical[code] = (answers.TryGetValue(code, out var a) ? a : IssueAnswers.Empty) with { Checked = ticks };
        return Scoring.Scoring.Score(pack, hypothetical, siteVisitThreshold, statusBands);
    }

    /// <summary>Problems with hypothetical ticks, as (issue code, message Thai, message English): an unknown issue,
    /// a results issue (answered with indicators), or an item that is not the issue's.</summary>
    public static IReadOnlyList<(string Field, string Th, string En)> Validate(FrameworkPack pack, IReadOnlyDictionary<string, IReadOnlyList<string>> checkedByIssue)
    {
        var errors = new List<(string, string, string)>();
        foreach (var (code, ticks) in checkedByIssue)
        {
            var field = $"checked.{code}";
            if (pack.FindIssue(code) is not { } issue)
                errors.Add((field, $"ไม่มีประเด็น {code} ในเกณฑ์นี้", $"The framework has no issue {code}."));
            else if (issue.Kind != IssueKind.Process)
                errors.Add((field, $"ประเด็น {code} เป็นเชิงผลลัพธ์ ตอบด้วยตัวชี้วัด ไม่ใช่รายการตรวจสอบ", $"Issue {code} is a results issue: it is answered with indicators, not ticks."));
            else
            {
                var items = issue.Levels.SelectMany(l => l.Items).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
                foreach (var unknown in (ticks ?? []).Where(t => !items.Contains(t)).Distinct())
                    errors.Add((field, $"ไม่มีรายการ {unknown} ในประเด็น {code}", $"Issue {code} has no item {unknown}."));
            }
        }
        return errors;
    }
}
