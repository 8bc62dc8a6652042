using System.Text.Json;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Assessments;

/// <summary>One indicator as the API and the pages carry it. <c>Code</c> names the pack's suggested
/// indicator it came from, if any; values are as typed (validated by the scoring rules).</summary>
public sealed record IndicatorDto(
    string? Code, string? Name, string? Unit, string? Direction, decimal? Target, decimal? R2, decimal? R1, decimal? R0,
    decimal? Comparison, string? ComparisonSource);

/// <summary>The body of <c>PUT …/issues/{code}</c>: ticks and explanations, or indicators.</summary>
public sealed record IssueAnswerBody(IReadOnlyList<string>? Checked, Dictionary<string, string>? Explanations, IReadOnlyList<IndicatorDto>? Indicators);

/// <summary>Reads and writes the JSON columns of <see cref="IssueAnswer"/>.</summary>
public static class AnswerDocuments
{
    private static readonly JsonSerializerOptions Json = FrameworkPackJson.Options;

    public static IReadOnlyList<string> Checked(IssueAnswer? a) => a is null ? [] : JsonSerializer.Deserialize<List<string>>(a.CheckedJson, Json) ?? [];

    public static Dictionary<string, string> Explanations(IssueAnswer? a) =>
        a is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(a.ExplanationsJson, Json) ?? [];

    public static IReadOnlyList<IndicatorDto> Indicators(IssueAnswer? a) =>
        a is null ? [] : JsonSerializer.Deserialize<List<IndicatorDto>>(a.IndicatorsJson, Json) ?? [];

    public static void Write(IssueAnswer a, IEnumerable<string> @checked, IReadOnlyDictionary<string, string> explanations, IEnumerable<IndicatorDto> indicators)
    {
        a.CheckedJson = JsonSerializer.Serialize(@checked.ToList(), Json);
        // Level names are accepted in any case ("basic") and stored by their canonical name ("Basic").
        a.ExplanationsJson = JsonSerializer.Serialize(explanations.Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .Select(e => (Level: Enum.Parse<MaturityLevel>(e.Key, ignoreCase: true), Text: e.Value.Trim()))
            .OrderBy(e => e.Level).ToDictionary(e => e.Level.ToString(), e => e.Text), Json);
        a.IndicatorsJson = JsonSerializer.Serialize(indicators.ToList(), Json);
    }

    public static IndicatorInput ToInput(IndicatorDto d) => new(
        d.Name?.Trim() ?? "", d.Unit?.Trim() ?? "",
        string.Equals(d.Direction, "lower", StringComparison.OrdinalIgnoreCase) ? Direction.Lower : Direction.Higher,
        d.Target, d.R2, d.R1, d.R0, d.Comparison);

    public static IssueAnswers ToAnswers(IssueAnswer? a) => new(Checked(a), Indicators(a).Select(ToInput).ToList());
}
