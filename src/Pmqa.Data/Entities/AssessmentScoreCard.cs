namespace Pmqa.Data.Entities;

/// <summary>
/// An assessment's self-assessed score card, stored so that reads (the score API, the assessment's home,
/// later dashboards) never rescore the answers (ADR 0015). It is written in the same transaction as every
/// change to the answers, under a lock on this row, so it cannot disagree with them. A card whose
/// <see cref="RulesVersion"/> is not the code's current one (0 for a placeholder, or after the scoring
/// rules change) is stale and is computed again from the answers when next read.
/// Derived data: not audited itself (the answers it is computed from are).
/// </summary>
public sealed class AssessmentScoreCard
{
    public Guid AssessmentId { get; set; }
    /// <summary>The version of the scoring code that computed the card; 0 = not computed yet.</summary>
    public int RulesVersion { get; set; }
    /// <summary>The sum of the versions of the answers the card reflects: it rises by one with every save,
    /// so <c>SUM("IssueAnswers"."Version")</c> equal to it shows the card is current.</summary>
    public int AnswersVersion { get; set; }
    /// <summary>The unrounded weighted total (status and site-visit eligibility follow the round's settings
    /// when read, because a round's bands and threshold may change after the card was computed).</summary>
    public decimal Total { get; set; }
    /// <summary>JSON array of {code, score} per category, unrounded, in pack order.</summary>
    public string CategoriesJson { get; set; } = "[]";
    /// <summary>JSON array of {code, score, level, complete, uncounted} per issue, unrounded, in pack order.</summary>
    public string IssuesJson { get; set; } = "[]";
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>What OPDC's dashboard reads (ADR 0020): the unrounded category scores in pack order, then the
    /// dimension scores as code=score, then the issue scores in pack order; the three parts separated by '|', the
    /// values by ';'. Short to read for thousands of assessments at once, unlike the JSON above.</summary>
    public string Figures { get; set; } = "";
    /// <summary>One character per checklist item of the pack's process issues, in pack order: '1' ticked, '0' not
    /// (<c>TickStrings</c>): which items agencies miss most, without reading their answers.</summary>
    public string Ticks { get; set; } = "";
}
