using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;

namespace Pmqa.Web.Features.Reviews;

/// <summary>One indicator judgement as typed: numbers stay text so nothing typed is lost on an error.</summary>
public sealed class JudgementForm
{
    public string Decision { get; set; } = "accept";
    public string? Reason { get; set; }
    public string? Target { get; set; }
    public string? R2 { get; set; }
    public string? R1 { get; set; }
    public string? R0 { get; set; }
    public string? Comparison { get; set; }

    public static JudgementForm From(JudgementDto? j, IndicatorDto reported) => j is null || j.Decision == "accept" && j.Target is null
        ? new JudgementForm { Target = Text(reported.Target), R2 = Text(reported.R2), R1 = Text(reported.R1), R0 = Text(reported.R0), Comparison = Text(reported.Comparison), Decision = j?.Decision ?? "accept", Reason = j?.Reason }
        : new JudgementForm { Decision = j.Decision ?? "accept", Reason = j.Reason, Target = Text(j.Target), R2 = Text(j.R2), R1 = Text(j.R1), R0 = Text(j.R0), Comparison = Text(j.Comparison) };

    /// <summary>Only an adjustment carries values; a number that does not parse is reported on its field.</summary>
    public JudgementDto ToDto(int index, string prefix, ModelStateDictionary state)
    {
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (decimal.TryParse(text.Trim().Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
            state.AddModelError($"{prefix}.{field}", Infrastructure.Web.Bilingual.T("กรุณากรอกตัวเลข", "Enter a number."));
            return null;
        }
        var adjust = Decision == "adjust";
        return new JudgementDto(index, Decision, Reason,
            adjust ? Number(Target, "target") : null, adjust ? Number(R2, "r2") : null, adjust ? Number(R1, "r1") : null,
            adjust ? Number(R0, "r0") : null, adjust ? Number(Comparison, "comparison") : null);
    }

    private static string? Text(decimal? v) => v?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the <c>_JudgeForm</c> partial draws: the agency's answer next to the reviewer's (or the lead's) judgement.</summary>
public sealed record JudgeFormModel(
    Issue Issue, IssueAnswer? Agency, IReadOnlyList<string> Checked, IReadOnlyList<JudgementForm> Judgements, string? Strengths, string? Opportunities,
    string? Rationale, bool ShowRationale, bool Disabled, IReadOnlySet<string> DisputedItems, IReadOnlySet<int> DisputedIndicators,
    ModelStateDictionary State)
{
    public string? ErrorFor(string key) => State.TryGetValue(key, out var e) && e.Errors.Count > 0 ? e.Errors[0].ErrorMessage : null;
}
