using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Plans;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Gaps;
using Pmqa.Web.Features.Plans;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

using StoredScore = Pmqa.Web.Features.Assessments.CodeScore;

/// <summary>
/// Builds the agency report from what exists: the stored self-assessed score card (ADR 0015), the verified and
/// final cards fixed on the assessment at confirmation and after the site visit, the gap list and exact path of
/// issue 9, the review team's consensus texts and the improvement plan. Nothing is rescored here.
/// </summary>
public sealed class ReportQueries(PmqaDbContext db, AssessmentAccess access, AssessmentScores scores, GapQueries gaps, PathQueries paths,
    Frameworks.FrameworkCatalog catalog, TimeProvider clock)
{
    /// <summary>The profile is summarised in the report: the first characters of each section (the Word document has it whole).</summary>
    public const int ProfileSummaryLength = 600;

    public async Task<Outcome<AgencyReport>> GetAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<AgencyReport>(found);
        var (pack, self) = await scores.CardAsync(assessment, ct);
        var verified = Stored(assessment.VerifiedScoreJson);
        var final = Stored(assessment.FinalScoreJson);
        var lastYear = await LastYearAsync(assessment, ct);
        var framework = await catalog.VersionOfAsync(assessment, ct);
        var organization = assessment.Organization!;

        var cover = new ReportCover(organization.Code, organization.NameTh, organization.NameEn, organization.Type.ToString(), assessment.Round!.FiscalYear,
            $"{pack.NameTh} ({framework.Version})", $"{pack.NameEn} ({framework.Version})", assessment.State.ToString(), assessment.SubmittedAt,
            assessment.ApproverName, assessment.ApproverPosition, assessment.VerifiedAt);
        var headline = final ?? verified;
        var totals = new ReportTotals(self.RoundedTotal, self.Status.ToString(), verified?.Total, verified?.Status, final?.Total, final?.Status,
            headline?.Total ?? self.RoundedTotal, final is not null ? "final" : verified is not null ? "verified" : "self",
            assessment.Round.SiteVisitThreshold, headline?.SiteVisitEligible ?? self.SiteVisitEligible);
        var categories = pack.Categories.Select((c, n) => new ReportCategory(c.Code, c.NameTh, c.NameEn, c.Weight, self.Categories[n].Rounded,
            ScoreOf(verified?.Categories, c.Code), ScoreOf(final?.Categories, c.Code), lastYear?.Categories.FirstOrDefault(x => x.Code == c.Code)?.Score)).ToList();
        var issues = pack.Issues.Select((i, n) =>
        {
            var v = verified?.Issues.FirstOrDefault(x => x.Code == i.Code);
            var f = final?.Issues.FirstOrDefault(x => x.Code == i.Code);
            return new ReportIssue(i.Code, pack.CategoryOf(i).Code, i.NameTh, i.NameEn, i.Kind == IssueKind.Process ? "process" : "results",
                self.Issues[n].Rounded, self.Issues[n].Level.ToString(), v?.Score, v?.Level, f?.Score, f?.Level);
        }).ToList();
        var dimensions = self.Dimensions.Select(d =>
        {
            var dimension = pack.Dimensions.First(x => x.Code == d.Code);
            return new ReportDimension(d.Code, dimension.NameTh, dimension.NameEn, d.Rounded, ScoreOf(verified?.Dimensions, d.Code), ScoreOf(final?.Dimensions, d.Code));
        }).ToList();

        return new AgencyReport(assessment.Id, cover, await ProfileAsync(assessment, pack, ct), totals, categories, issues, dimensions, lastYear,
            await GapsAsync(assessment, ct), await PathAsync(assessment, pack, self, ct), await FeedbackAsync(assessment, pack, ct),
            await PlanAsync(assessment.Id, ct), clock.GetUtcNow());
    }

    /// <summary>A card fixed on the assessment (API shape, already rounded); null when there is none yet.</summary>
    private static ScoreJson? Stored(string? json) => json is null ? null : JsonSerializer.Deserialize<ScoreJson>(json);

    private static decimal? ScoreOf(IReadOnlyList<StoredScore>? scores, string code) => scores?.FirstOrDefault(s => s.Code == code)?.Score;

    private async Task<List<ReportProfileSection>> ProfileAsync(Assessment assessment, FrameworkPack pack, CancellationToken ct)
    {
        var texts = await db.ProfileAnswers.AsNoTracking().Where(p => p.AssessmentId == assessment.Id)
            .ToDictionaryAsync(p => p.SectionCode, p => p.Text, ct);
        return pack.ProfileSections.Select(s =>
        {
            var text = texts.GetValueOrDefault(s.Code) ?? "";
            var shortened = text.Length > ProfileSummaryLength;
            return new ReportProfileSection(s.Code, s.Group, s.NameTh, s.NameEn, shortened ? text[..ProfileSummaryLength].TrimEnd() + "…" : text, shortened);
        }).ToList();
    }

    /// <summary>The organisation's latest assessment of an earlier fiscal year, by its final, verified or own score.</summary>
    private async Task<ReportLastYear?> LastYearAsync(Assessment assessment, CancellationToken ct)
    {
        var (organizationId, year) = (assessment.OrganizationId, assessment.Round!.FiscalYear);
        var last = await db.Assessments.AsNoTracking().Include(a => a.Round)
            .Where(a => a.OrganizationId == organizationId && a.Round!.FiscalYear < year)
            .OrderByDescending(a => a.Round!.FiscalYear).FirstOrDefaultAsync(ct);
        if (last is null) return null;
        if (Stored(last.FinalScoreJson) is { } final) return new(last.Id, last.Round!.FiscalYear, "final", final.Total, Codes(final.Categories));
        if (Stored(last.VerifiedScoreJson) is { } verified) return new(last.Id, last.Round!.FiscalYear, "verified", verified.Total, Codes(verified.Categories));
        var (_, card) = await scores.CardAsync(last, ct);
        return new(last.Id, last.Round!.FiscalYear, "self", card.RoundedTotal, [.. card.Categories.Select(c => new ReportCodeScore(c.Code, c.Rounded))]);
    }

    private static List<ReportCodeScore> Codes(IEnumerable<StoredScore> scores) => [.. scores.Select(s => new ReportCodeScore(s.Code, s.Score))];

    private async Task<ReportGaps> GapsAsync(Assessment assessment, CancellationToken ct)
    {
        var side = assessment.State.IsVerified() ? GapSide.Verified : GapSide.Self;
        if (await gaps.ListAsync(assessment.Id, side, ct) is not Outcome<GapList>.Ok { Value: var list }) return new(side.ToString().ToLowerInvariant(), []);
        return new(side.ToString().ToLowerInvariant(), [.. list.Gaps.Select(g => new ReportGap(g.IssueCode, g.CategoryCode, g.Level, g.Score, g.TargetLevel,
            g.ScoreAtTarget, g.Closed, g.MissingItems, g.IndicatorsBelowTarget, g.Impact, g.Urgency, g.Selected))]);
    }

    /// <summary>The next line above the agency's own total: the site-visit threshold or a status band's start, whichever comes first.</summary>
    private async Task<ReportPath?> PathAsync(Assessment assessment, FrameworkPack pack, ScoreCard self, CancellationToken ct)
    {
        var threshold = assessment.Round!.SiteVisitThreshold;
        var lines = AssessmentScores.BandsOf(assessment.Round, pack).Select(b => (From: b.From, Kind: b.Level.ToString()))
            .Append((From: threshold, Kind: "siteVisit"))
            .Where(l => l.From > self.RoundedTotal && l.From <= pack.Scoring.SignificancePoints)
            .OrderBy(l => l.From).ThenBy(l => l.Kind == "siteVisit" ? 0 : 1).ToList();
        if (lines.Count == 0) return null;
        var (target, kind) = lines[0];
        if (await paths.PathAsync(assessment.Id, target, ct) is not Outcome<PathFound>.Ok { Value.Path: var path }) return null;
        return new ReportPath(path.Current, path.Target, kind, path.Reachable, path.Ticks.Count, path.TotalAfter, path.Shortfall,
            [.. path.Steps.Select(s => new ReportPathStep(s.IssueCode, s.Items, s.ScoreBefore, s.ScoreAfter))]);
    }

    private async Task<List<ReportFeedback>> FeedbackAsync(Assessment assessment, FrameworkPack pack, CancellationToken ct)
    {
        if (!assessment.State.IsVerified()) return [];
        var rows = await db.ConsensusAnswers.AsNoTracking().Where(c => c.AssessmentId == assessment.Id && (c.Strengths != "" || c.Opportunities != ""))
            .ToDictionaryAsync(c => c.IssueCode, ct);
        return [.. pack.Issues.Where(i => rows.ContainsKey(i.Code)).Select(i => new ReportFeedback(i.Code, rows[i.Code].Strengths, rows[i.Code].Opportunities))];
    }

    private async Task<ReportPlan?> PlanAsync(Guid assessmentId, CancellationToken ct)
    {
        var plan = await db.ImprovementPlans.AsNoTracking().Where(p => p.AssessmentId == assessmentId)
            .OrderByDescending(p => p.FiscalYear).ThenByDescending(p => p.VersionNumber).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var projects = await db.PlanProjects.AsNoTracking().Include(p => p.Actions).Where(p => p.PlanId == plan.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var standings = projects.SelectMany(p => p.Actions).Select(a => PlanRules.Standing(a.Status, a.EndDate, now)).ToList();
        var reports = await db.PlanReports.AsNoTracking().Where(r => r.PlanId == plan.Id && r.SubmittedAt != null).Select(r => r.Period).ToListAsync(ct);
        return new ReportPlan(plan.Id, PlanNames.Api(plan.Horizon), plan.VersionNumber, PlanNames.Api(plan.Status), projects.Sum(p => p.Budget),
            projects.Count, standings.Count, standings.Count(s => s == ActionStanding.OnTrack), standings.Count(s => s == ActionStanding.Late),
            standings.Count(s => s == ActionStanding.Done), [.. reports.Order().Select(r => PlanNames.Api(r))]);
    }
}
