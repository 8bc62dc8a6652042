using Pmqa.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Plans;

public sealed record ActionView(
    Guid Id, string Title, Guid OwnerId, string OwnerName, DateOnly StartDate, DateOnly EndDate, decimal Budget,
    string Status, int Progress, string Standing);

public sealed record ProjectView(
    Guid Id, string Title, string Objective, IReadOnlyList<string> IssueCodes, Guid OwnerId, string OwnerName, DateOnly StartDate, DateOnly EndDate,
    decimal Budget, string IndicatorName, string IndicatorUnit, decimal? Baseline, decimal? Target, IReadOnlyList<ActionView> Actions);

public sealed record CommentView(Guid Id, Guid? ProjectId, Guid? ReportId, Guid? ReplyToId, bool FromAgency, string Text, string AuthorName, DateTimeOffset At);

public sealed record YearBudget(int FiscalYear, decimal Budget);

public sealed record ReportSummary(Guid Id, string Period, DateTimeOffset? SubmittedAt, DateTimeOffset? Deadline, bool Late);

public sealed record PlanVersionRef(Guid Id, int VersionNumber, string Status);

/// <summary>A whole plan as the API answers it (its <see cref="Version"/> is the ETag of every change to it).</summary>
public sealed record PlanView(
    Guid Id, Guid OrganizationId, string OrganizationNameTh, string OrganizationNameEn, Guid AssessmentId, int FiscalYear, string Horizon,
    int VersionNumber, string Status, string Summary, DateTimeOffset? SubmittedAt, string SubmittedBy, string ApproverName, string ApproverPosition,
    DateTimeOffset? ApprovedAt, string RejectionReason, DateTimeOffset? PlanDeadline, int Version, decimal TotalBudget,
    IReadOnlyList<YearBudget> BudgetByYear, IReadOnlyList<ProjectView> Projects, IReadOnlyList<CommentView> Comments,
    IReadOnlyList<ReportSummary> Reports, IReadOnlyList<PlanVersionRef> Versions);

public sealed record PlanListItem(Guid Id, int FiscalYear, string Horizon, int VersionNumber, string Status, decimal TotalBudget, int Projects, DateTimeOffset UpdatedAt);

public sealed record ReportEntryView(Guid ActionId, Guid ProjectId, string ActionTitle, string Status, int Progress, string Narrative, IReadOnlyList<Guid> EvidenceIds);

public sealed record ReportResultView(Guid ProjectId, string ProjectTitle, string IndicatorName, string IndicatorUnit, decimal? Baseline, decimal? Target, decimal? Actual, string Narrative, bool? TargetReached);

public sealed record ReportView(
    Guid Id, Guid PlanId, string Period, DateTimeOffset? SubmittedAt, string SubmittedBy, DateTimeOffset? Deadline, bool Late, int Version,
    IReadOnlyList<ReportEntryView> Actions, IReadOnlyList<ReportResultView> Results, IReadOnlyList<CommentView> Comments);

/// <summary>One agency's line in OPDC's round table.</summary>
public sealed record RoundPlanRow(
    Guid OrganizationId, string OrganizationCode, string NameTh, string NameEn, Guid? PlanId, string? Horizon, int? VersionNumber, string? Status,
    decimal ApprovedBudget, int OnTrack, int Late, int Done, IReadOnlyList<string> ReportsSubmitted);

public sealed class PlanQueries(PmqaDbContext db, PlanAccess access, CurrentUser me, TimeProvider clock)
{
    public async Task<Outcome<PlanView>> GetAsync(Guid planId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.View, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<PlanView>();
        var now = clock.GetUtcNow();
        var projects = await db.PlanProjects.AsNoTracking().Include(p => p.Actions).Where(p => p.PlanId == planId)
            .OrderBy(p => p.StartDate).ThenBy(p => p.Title).ToListAsync(ct);
        var names = await NamesAsync(projects.Select(p => p.OwnerUserId).Concat(projects.SelectMany(p => p.Actions).Select(a => a.OwnerUserId)), ct);
        var comments = await CommentsAsync(planId, null, ct);
        var round = plan.Assessment?.Round;
        var reports = (await db.PlanReports.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(ct)).OrderBy(r => r.Period)
            .Select(r => Summary(r, round, now)).ToList();
        var versions = await db.ImprovementPlans.AsNoTracking()
            .Where(p => p.OrganizationId == plan.OrganizationId && p.FiscalYear == plan.FiscalYear && p.Horizon == plan.Horizon)
            .OrderBy(p => p.VersionNumber).Select(p => new { p.Id, p.VersionNumber, p.Status }).ToListAsync(ct);
        var byYear = PlanRules.BudgetByFiscalYear(projects.Select(p => (p.StartDate, p.EndDate, p.Budget)));
        return new PlanView(
            plan.Id, plan.OrganizationId, plan.Organization?.NameTh ?? "", plan.Organization?.NameEn ?? "", plan.AssessmentId, plan.FiscalYear,
            PlanNames.Api(plan.Horizon), plan.VersionNumber, PlanNames.Api(plan.Status), plan.Summary, plan.SubmittedAt, plan.SubmittedBy,
            plan.ApproverName, plan.ApproverPosition, plan.ApprovedAt, plan.RejectionReason, round?.PlanDeadline, plan.Version,
            projects.Sum(p => p.Budget), byYear.Select(y => new YearBudget(y.Key, y.Value)).ToList(),
            projects.Select(p => new ProjectView(p.Id, p.Title, p.Objective, Codes(p.IssueCodes), p.OwnerUserId, names.GetValueOrDefault(p.OwnerUserId, ""),
                p.StartDate, p.EndDate, p.Budget, p.IndicatorName, p.IndicatorUnit, p.Baseline, p.Target,
                p.Actions.OrderBy(a => a.StartDate).ThenBy(a => a.Title).Select(a => new ActionView(a.Id, a.Title, a.OwnerUserId, names.GetValueOrDefault(a.OwnerUserId, ""),
                    a.StartDate, a.EndDate, a.Budget, PlanNames.Api(a.Status), a.Progress, PlanNames.Api(PlanRules.Standing(a.Status, a.EndDate, now)))).ToList())).ToList(),
            comments, reports, versions.Select(v => new PlanVersionRef(v.Id, v.VersionNumber, PlanNames.Api(v.Status))).ToList());
    }

    public async Task<Outcome<IReadOnlyList<PlanListItem>>> ListAsync(Guid orgId, CancellationToken ct = default)
    {
        if (!await me.CanSeeOrganizationAsync(orgId)) return new Outcome<IReadOnlyList<PlanListItem>>.NotFound();
        var rows = await db.ImprovementPlans.AsNoTracking().Where(p => p.OrganizationId == orgId)
            .Select(p => new { p.Id, p.FiscalYear, p.Horizon, p.VersionNumber, p.Status, p.UpdatedAt, Projects = db.PlanProjects.Count(x => x.PlanId == p.Id) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // Sums of decimals are added up here: SQLite stores them as text.
        var budgets = (await db.PlanProjects.AsNoTracking().Where(p => ids.Contains(p.PlanId)).Select(p => new { p.PlanId, p.Budget }).ToListAsync(ct))
            .GroupBy(p => p.PlanId).ToDictionary(g => g.Key, g => g.Sum(p => p.Budget));
        return rows.OrderByDescending(r => r.FiscalYear).ThenBy(r => r.Horizon).ThenByDescending(r => r.VersionNumber)
            .Select(r => new PlanListItem(r.Id, r.FiscalYear, PlanNames.Api(r.Horizon), r.VersionNumber, PlanNames.Api(r.Status),
                budgets.GetValueOrDefault(r.Id), r.Projects, r.UpdatedAt)).ToList();
    }

    public async Task<Outcome<ReportView>> ReportAsync(Guid planId, Guid reportId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(planId, PlanPermission.View, ct);
        if (found is not Outcome<ImprovementPlan>.Ok { Value: var plan }) return found.As<ReportView>();
        var report = await db.PlanReports.AsNoTracking().Include(r => r.Entries).Include(r => r.Results).SingleOrDefaultAsync(r => r.Id == reportId && r.PlanId == planId, ct);
        if (report is null) return new Outcome<ReportView>.NotFound();
        var projects = await db.PlanProjects.AsNoTracking().Include(p => p.Actions).Where(p => p.PlanId == planId).OrderBy(p => p.StartDate).ToListAsync(ct);
        var actions = projects.SelectMany(p => p.Actions.OrderBy(a => a.StartDate).Select(a => (Project: p, Action: a))).ToList();
        var entries = report.Entries.ToDictionary(e => e.ActionId);
        var summary = Summary(report, plan.Assessment?.Round, clock.GetUtcNow());
        return new ReportView(report.Id, planId, PlanNames.Api(report.Period), report.SubmittedAt, report.SubmittedBy, summary.Deadline, summary.Late, report.Version,
            actions.Where(x => entries.ContainsKey(x.Action.Id)).Select(x =>
            {
                var e = entries[x.Action.Id];
                return new ReportEntryView(x.Action.Id, x.Project.Id, x.Action.Title, PlanNames.Api(e.Status), e.Progress, e.Narrative, Ids(e.EvidenceIds));
            }).ToList(),
            report.Results.Select(r => (Result: r, Project: projects.FirstOrDefault(p => p.Id == r.ProjectId))).Where(x => x.Project is not null)
                .Select(x => new ReportResultView(x.Project!.Id, x.Project.Title, x.Project.IndicatorName, x.Project.IndicatorUnit, x.Project.Baseline, x.Project.Target,
                    x.Result.Actual, x.Result.Narrative, x.Result.Actual is { } a && x.Project.Target is { } t ? Reached(a, t, x.Project.Baseline) : null)).ToList(),
            await CommentsAsync(planId, reportId, ct));
    }

    /// <summary>Every organisation of the round with its latest plan of the round's fiscal years (a one-year plan first).</summary>
    public async Task<List<RoundPlanRow>> RoundAsync(Guid roundId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var orgs = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId)
            .Select(a => new { a.Id, a.OrganizationId, a.Organization!.Code, a.Organization.NameTh, a.Organization.NameEn }).ToListAsync(ct);
        var assessmentIds = orgs.Select(o => o.Id).ToList();
        var plans = await db.ImprovementPlans.AsNoTracking().Where(p => assessmentIds.Contains(p.AssessmentId)).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var projects = await db.PlanProjects.AsNoTracking().Include(p => p.Actions).Where(p => planIds.Contains(p.PlanId)).ToListAsync(ct);
        var reports = await db.PlanReports.AsNoTracking().Where(r => planIds.Contains(r.PlanId) && r.SubmittedAt != null).ToListAsync(ct);
        return orgs.OrderBy(o => o.Code).Select(o =>
        {
            // The plan OPDC looks at: the approved one when there is one, else the newest version; one-year before three-year.
            var plan = plans.Where(p => p.OrganizationId == o.OrganizationId)
                .OrderBy(p => p.Horizon).ThenByDescending(p => p.Status == PlanStatus.Approved).ThenByDescending(p => p.VersionNumber).FirstOrDefault();
            if (plan is null) return new RoundPlanRow(o.OrganizationId, o.Code, o.NameTh, o.NameEn, null, null, null, null, 0, 0, 0, 0, []);
            var mine = projects.Where(p => p.PlanId == plan.Id).ToList();
            var standings = mine.SelectMany(p => p.Actions).Select(a => PlanRules.Standing(a.Status, a.EndDate, now)).ToList();
            return new RoundPlanRow(o.OrganizationId, o.Code, o.NameTh, o.NameEn, plan.Id, PlanNames.Api(plan.Horizon), plan.VersionNumber, PlanNames.Api(plan.Status),
                plan.Status == PlanStatus.Approved ? mine.Sum(p => p.Budget) : 0,
                standings.Count(s => s == ActionStanding.OnTrack), standings.Count(s => s == ActionStanding.Late), standings.Count(s => s == ActionStanding.Done),
                reports.Where(r => r.PlanId == plan.Id).OrderBy(r => r.Period).Select(r => PlanNames.Api(r.Period)).ToList());
        }).ToList();
    }

    /// <summary>The organisation's members, who may own projects and actions.</summary>
    public async Task<List<(Guid Id, string Name)>> MembersAsync(Guid orgId, CancellationToken ct = default) =>
        (await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == orgId).Select(m => new { m.UserId, m.User!.DisplayName, m.User.Email }).ToListAsync(ct))
            .DistinctBy(m => m.UserId).Select(m => (m.UserId, string.IsNullOrWhiteSpace(m.DisplayName) ? m.Email ?? "" : m.DisplayName)).OrderBy(m => m.Item2).ToList();

    /// <summary>What a project can address: the gaps the agency selected on the gaps page first (whatever their level),
    /// then the other issues below the top level; lowest score first in each group.</summary>
    public static List<(Issue Issue, decimal Score, MaturityLevel Level, bool Selected)> IssuesToImprove(FrameworkPack pack,
        Pmqa.Domain.Scoring.ScoreCard card, IReadOnlySet<string> selected) =>
        card.Issues.Where(i => i.Level != MaturityLevel.Significance || selected.Contains(i.Code))
            .Select(i => (Issue: pack.FindIssue(i.Code)!, i.Rounded, i.Level, Selected: selected.Contains(i.Code))).Where(x => x.Issue is not null)
            .OrderByDescending(x => x.Selected).ThenBy(x => x.Rounded).ThenBy(x => x.Issue.Code, Evidence.IssueCodeOrder.Instance).ToList();

    /// <summary>The issues whose gaps the agency selected to act on (gaps page), for the assessment a plan builds on.</summary>
    public async Task<HashSet<string>> SelectedGapsAsync(Guid assessmentId, CancellationToken ct = default) =>
        [.. await db.GapSettings.AsNoTracking().Where(g => g.AssessmentId == assessmentId && g.Selected).Select(g => g.IssueCode).ToListAsync(ct)];

    private async Task<List<CommentView>> CommentsAsync(Guid planId, Guid? reportId, CancellationToken ct) =>
        (await db.PlanComments.AsNoTracking().Where(c => c.PlanId == planId && (reportId == null ? c.ReportId == null : c.ReportId == reportId)).ToListAsync(ct))
            .OrderBy(c => c.At).Select(c => new CommentView(c.Id, c.ProjectId, c.ReportId, c.ReplyToId, c.FromAgency, c.Text, c.AuthorName, c.At)).ToList();

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : u.DisplayName);
    }

    private static ReportSummary Summary(PlanReport r, Round? round, DateTimeOffset now)
    {
        var deadline = r.Period == ReportPeriod.Month6 ? round?.Month6ReportDeadline : round?.Month12ReportDeadline;
        return new ReportSummary(r.Id, PlanNames.Api(r.Period), r.SubmittedAt, deadline, PlanRules.IsReportLate(deadline, r.SubmittedAt, now));
    }

    /// <summary>Reached: at or beyond the target in the direction from the baseline (a falling target when below the baseline).</summary>
    private static bool Reached(decimal actual, decimal target, decimal? baseline) =>
        baseline is { } b && target < b ? actual <= target : actual >= target;

    public static IReadOnlyList<string> Codes(string joined) => joined.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static IReadOnlyList<Guid> Ids(string joined) => joined.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}
