using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Plans;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Rounds;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

/// <summary>
/// Gives every other demo agency with an approved plan next fiscal year's assessment, so the comparison page (results
/// against last year) has something to show: the next year's round is created and opened with the application's own
/// handlers (as for the current year), then the coordinator starts the draft from last year ("start from last year",
/// CopyForward) and saves, through the issue handler, the progress the plan's projects made: on most of the issues a
/// project addressed, the next one to four items up the levels are ticked; every indicator gets this year's result,
/// mostly a little better than last year's in its direction. The drafts stay drafts. Agencies whose next-year
/// assessment already has answers are left alone.
/// </summary>
public static class NextYearGenerator
{
    public static async Task<int> RunAsync(IServiceProvider services, string framework, IEnumerable<(Guid AssessmentId, Team Team)> agencies, int fiscalYear,
        TextWriter log, CancellationToken ct)
    {
        var withPlans = new List<(Guid AssessmentId, Team Team, Guid OrganizationId, List<string> Issues)>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            foreach (var (assessmentId, team) in agencies)
            {
                var plan = await db.ImprovementPlans.AsNoTracking().Where(p => p.AssessmentId == assessmentId && p.Status == PlanStatus.Approved)
                    .Select(p => new { p.Id, p.OrganizationId }).FirstOrDefaultAsync(ct);
                if (plan is null) continue;
                var issues = await db.PlanProjects.AsNoTracking().Where(p => p.PlanId == plan.Id).Select(p => p.IssueCodes).ToListAsync(ct);
                withPlans.Add((assessmentId, team, plan.OrganizationId, [.. issues.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct()]));
            }
        }
        // Every other one: the rest show what an agency sees before next year's round reaches it.
        var chosen = withPlans.Where((_, index) => index % 2 == 0).ToList();
        if (chosen.Count == 0) return 0;
        var round = await EnsureRoundAsync(services, framework, fiscalYear + 1, log, ct);
        if (round is null) return 0;

        var made = 0;
        foreach (var (_, team, organizationId, issues) in chosen)
        {
            Guid next;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
                var found = await db.Assessments.AsNoTracking().Where(a => a.RoundId == round.Value && a.OrganizationId == organizationId)
                    .Select(a => new { a.Id, HasAnswers = db.IssueAnswers.Any(x => x.AssessmentId == a.Id) }).FirstOrDefaultAsync(ct);
                if (found is null || found.HasAnswers) continue;
                next = found.Id;
            }
            await using (var scope = Acting.As(services, team.Coordinator))
                if (await scope.ServiceProvider.GetRequiredService<CopyForward>().HandleAsync(next, ct) is not Outcome<CopyForward.Result>.Ok)
                {
                    log.WriteLine($"  next year's assessment {next}: starting from last year was refused");
                    continue;
                }
            await ImproveAsync(services, team, next, issues, new Random(next.GetHashCode()), ct);
            made++;
        }
        return made;
    }

    /// <summary>The next year's round: the newest existing one on the framework (opened again, which gives organisations
    /// added since their draft), or one created on the usual calendar and opened.</summary>
    private static async Task<Guid?> EnsureRoundAsync(IServiceProvider services, string framework, int fiscalYear, TextWriter log, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PmqaDbContext>();
        var id = await db.Rounds.AsNoTracking().Where(r => r.FiscalYear == fiscalYear && r.FrameworkVersion!.Code == framework)
            .OrderByDescending(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            if (RoundCalendar.Suggested(fiscalYear, clock.GetUtcNow()) is not { } d) return null;
            var created = await sp.GetRequiredService<CreateRound>().HandleAsync(new RoundInput(fiscalYear, framework, CreateRound.AudienceNames,
                d.OpensAt, d.SubmissionDeadline, d.VerificationEndsAt, d.SiteVisitFrom, d.SiteVisitTo, d.AwardDate), ct);
            if (created is not Outcome<Guid>.Ok { Value: var newId })
            {
                log.WriteLine($"  next year's round ({fiscalYear}) refused: {Generator.Describe(created)}");
                return null;
            }
            id = newId;
            log.WriteLine($"  created the round of fiscal year {fiscalYear} for next year's assessments");
        }
        await sp.GetRequiredService<OpenRound>().HandleAsync(id.Value, ct);
        return id;
    }

    /// <summary>What a year of the plan changed, saved issue by issue through the application's issue handler as the coordinator.</summary>
    private static async Task ImproveAsync(IServiceProvider services, Team team, Guid assessmentId, IReadOnlyCollection<string> projectIssues, Random r,
        CancellationToken ct)
    {
        await using var scope = Acting.As(services, team.Coordinator);
        var handlers = scope.ServiceProvider.GetRequiredService<IssueAnswerHandlers>();
        var codes = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().IssueAnswers.AsNoTracking()
            .Where(a => a.AssessmentId == assessmentId).Select(a => a.IssueCode).ToListAsync(ct);
        foreach (var code in codes)
        {
            if (await handlers.GetAsync(assessmentId, code, ct) is not Outcome<(Pmqa.Data.Entities.Assessment Assessment, FrameworkPack Pack, Issue Issue, IssueAnswerView View)>.Ok
                { Value: var (_, _, issue, view) }) continue;
            IssueAnswerBody? body = null;
            if (issue.Kind == IssueKind.Process && projectIssues.Contains(code) && r.NextDouble() < 0.75)
            {
                // The next unticked items in level order: what the project worked on.
                var more = issue.Levels.OrderBy(l => l.Level).SelectMany(l => l.Items).Select(i => i.Code).Where(c => !view.Checked.Contains(c)).Take(1 + r.Next(4));
                body = new IssueAnswerBody([.. view.Checked, .. more], new Dictionary<string, string>(view.Explanations), null);
            }
            else if (issue.Kind == IssueKind.Results && view.Indicators.Count > 0)
            {
                body = new IssueAnswerBody(null, null, [.. view.Indicators.Select(k => k with { R0 = ThisYear(k, r) })]);
            }
            if (body is not null) await handlers.SaveAsync(assessmentId, code, view.Version, body, ct);
        }
    }

    /// <summary>Last year's result moved a little, in the better direction three times in four.</summary>
    private static decimal? ThisYear(IndicatorDto k, Random r)
    {
        if (k.R1 is not { } last) return k.Target;
        var better = string.Equals(k.Direction, "lower", StringComparison.OrdinalIgnoreCase) ? -1 : 1;
        var step = Math.Max(Math.Abs(last) * (decimal)(0.02 + r.NextDouble() * 0.08), 1m) * (r.NextDouble() < 0.75 ? better : -better);
        var value = Math.Round(last + step, 2);
        return k.Unit == "ร้อยละ" ? Math.Clamp(value, 0, 100) : Math.Max(0, value);
    }
}
