using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Improvement;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Features.Reviews;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Gaps;

/// <summary>An item missing on the way to the target, with its level (Basic, Advance, Significance).</summary>
public sealed record GapItem(string Code, string Level);

/// <summary>
/// One issue's gap as the API and the pages show it: computed from the answers on every read, with the agency's
/// settings (target, impact, urgency, selection). <see cref="Version"/> is the settings' ETag (0 = never set).
/// Scores are rounded to 2 decimals; levels are the API's names.
/// </summary>
public sealed record GapView(
    string IssueCode, string CategoryCode, string Kind, string Level, decimal Score, string TargetLevel, bool TargetIsDefault,
    decimal ScoreAtTarget, bool Closed, IReadOnlyList<string> MissingItems, IReadOnlyList<GapItem> MissingItemLevels,
    IReadOnlyList<string> UncountedItems, IReadOnlyList<string> MissingExplanations, IReadOnlyList<string> Opportunities,
    IReadOnlyList<string> IndicatorsBelowTarget, IReadOnlyList<IndicatorGapView> Indicators,
    int? Impact, int? Urgency, bool Selected, string? Rationale, int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public string ETag => $"\"{Version}\"";
}

/// <summary>An indicator that needs work and why: belowTarget, worsening, rejected.</summary>
public sealed record IndicatorGapView(string Name, IReadOnlyList<string> Concerns);

public enum GapSide { Self, Verified }

/// <summary>Every gap of an assessment, with what the pages need around it.</summary>
public sealed record GapList(Assessment Assessment, FrameworkPack Pack, GapSide Side, IReadOnlyList<GapView> Gaps);

/// <summary>
/// Gaps of the agency's own answers (self view) or of the review team's consensus (verified view, once the score is
/// confirmed). Opportunities for improvement come from this assessment's consensus once verified, otherwise from
/// the organisation's latest verified assessment (last year's feedback), so the agency has them while it plans.
/// </summary>
public sealed class GapQueries(PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog)
{
    public static readonly Msg NotVerifiedYet = new(
        "มุมมองผลที่ผ่านการตรวจจะมีเมื่อคณะผู้ตรวจประเมินยืนยันผลคะแนนแล้ว ขณะนี้ดูได้เฉพาะผลการประเมินตนเอง",
        "The verified view exists once the review team has confirmed the score; until then only the self-assessed view is available.");

    public async Task<Outcome<GapList>> ListAsync(Guid assessmentId, GapSide side, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<GapList>(found);
        if (side == GapSide.Verified && !assessment.State.IsVerified()) return new Outcome<GapList>.Conflict(NotVerifiedYet);
        var pack = await catalog.PackOfAsync(assessment, ct);
        var rows = await db.IssueAnswers.AsNoTracking().Where(a => a.AssessmentId == assessmentId).ToDictionaryAsync(a => a.IssueCode, ct);
        var settings = await db.GapSettings.AsNoTracking().Where(g => g.AssessmentId == assessmentId).ToDictionaryAsync(g => g.IssueCode, ct);
        var consensus = side == GapSide.Verified
            ? await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == assessmentId).ToDictionaryAsync(c => c.IssueCode, ct)
            : [];
        var opportunities = await OpportunitiesAsync(assessment, ct);

        var gaps = new List<GapView>();
        foreach (var category in pack.Categories)
            foreach (var issue in category.Issues)
            {
                var row = rows.GetValueOrDefault(issue.Code);
                var answers = side == GapSide.Verified && consensus.GetValueOrDefault(issue.Code) is { } c
                    ? ReviewDocuments.Verified(issue, row, c.CheckedJson, c.JudgementsJson)
                    : AnswerDocuments.ToAnswers(row);
                var explained = AnswerDocuments.Explanations(row).Keys
                    .Select(k => Enum.TryParse<MaturityLevel>(k, true, out var l) ? l : MaturityLevel.None).ToHashSet();
                var setting = settings.GetValueOrDefault(issue.Code);
                var gap = Domain.Improvement.Gaps.Of(issue, answers, explained, setting?.TargetLevel, pack.Scoring);
                gaps.Add(ToView(category, gap, setting, opportunities.GetValueOrDefault(issue.Code)));
            }
        return new GapList(assessment, pack, side, gaps);
    }

    private static GapView ToView(Category category, IssueGap gap, GapSetting? setting, string? opportunities)
    {
        var indicators = gap.Indicators.Select(i => new IndicatorGapView(i.Name,
            [.. i.Concerns.Select(c => c switch
            {
                IndicatorConcern.BelowTarget => "belowTarget",
                IndicatorConcern.Worsening => "worsening",
                _ => "rejected",
            })])).ToList();
        return new GapView(gap.IssueCode, category.Code, gap.Kind == IssueKind.Process ? "process" : "results", gap.Level.ToString(),
            Scoring.Round(gap.Score), gap.TargetLevel.ToString(), gap.TargetIsDefault, gap.ScoreAtTarget, gap.Closed,
            [.. gap.MissingItems.Select(m => m.Code)], [.. gap.MissingItems.Select(m => new GapItem(m.Code, m.Level.ToString()))],
            gap.UncountedItems, [.. gap.MissingExplanations.Select(l => l.ToString())],
            opportunities is null ? [] : [.. opportunities.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            [.. indicators.Select(i => i.Name)], indicators,
            setting?.Impact, setting?.Urgency, setting?.Selected ?? false, setting?.Rationale, setting?.Version ?? 0, setting?.UpdatedAt, setting?.UpdatedBy);
    }

    /// <summary>Issue code → the review team's opportunities for improvement: this assessment's consensus once
    /// confirmed, otherwise the consensus of the organisation's latest verified assessment of an earlier year.</summary>
    private async Task<Dictionary<string, string>> OpportunitiesAsync(Assessment assessment, CancellationToken ct)
    {
        var (organizationId, year) = (assessment.OrganizationId, assessment.Round!.FiscalYear);
        var source = assessment.VerifiedAt is not null ? assessment.Id
            : await db.Assessments.AsNoTracking()
                .Where(a => a.OrganizationId == organizationId && a.VerifiedAt != null && a.Round!.FiscalYear < year)
                .OrderByDescending(a => a.Round!.FiscalYear).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (source is null) return [];
        return await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == source && c.Opportunities != "")
            .ToDictionaryAsync(c => c.IssueCode, c => c.Opportunities, ct);
    }
}
