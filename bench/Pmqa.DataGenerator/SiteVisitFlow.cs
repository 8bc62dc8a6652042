using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Reviews;
using Pmqa.Web.Features.SiteVisits;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

/// <summary>
/// An offered site visit, through the application's SiteVisitHandlers: the executive declines about one in five
/// (with a Thai reason) and accepts the rest; the officer schedules the visit in the round's site-visit window
/// with the review team as the visiting team; the lead records one or two findings (sometimes adjusting the
/// issue's score, with a reason); the officer marks it done and certifies, or not when the final score is below
/// Basic. So the awards page and the certificates have data.
/// </summary>
public sealed class SiteVisitFlow(IServiceProvider services, Generator generator, ReviewReport report, Person officer)
{
    private const double DeclineShare = 0.2;

    public async Task RunAsync(PlannedOrganization org, Guid assessmentId, Team agency, IReadOnlyList<Person> team, Round round, FrameworkPack pack,
        int ordinal, CancellationToken ct)
    {
        var r = new Random(generator.OrgSeed(org.Index, 13));
        int version;
        await using (var scope = Acting.As(services, agency.Executive))
        {
            var handlers = scope.ServiceProvider.GetRequiredService<SiteVisitHandlers>();
            if (r.NextDouble() < DeclineShare)
            {
                if (report.Ok(await handlers.AnswerOfferAsync(assessmentId, false, ThaiText.Pick(r, ReviewText.DeclineReasons), ct), org, "declining the visit"))
                    report.Declined++;
                return;
            }
            var accepted = await handlers.AnswerOfferAsync(assessmentId, true, null, ct);
            if (!report.Ok(accepted, org, "accepting the visit")) return;
            version = ((Outcome<VisitView>.Ok)accepted).Value.Version;
            report.Accepted++;
        }

        await using (var scope = Acting.As(services, officer))
        {
            var online = r.Next(4) == 0;
            var body = new VisitBody(VisitDay(round, ordinal, r), online ? "online" : "onSite",
                online ? $"https://meet.demo.go.th/pmqa-{org.Code.ToLowerInvariant()}" : $"ห้องประชุมชั้น {2 + r.Next(6)} {org.NameTh}",
                team.Select(p => p.Id).ToList(), ReviewText.Agenda(org.NameTh), version);
            if (!report.Ok(await scope.ServiceProvider.GetRequiredService<SiteVisitHandlers>().ScheduleAsync(assessmentId, body, ct), org, "scheduling")) return;
        }

        await using (var scope = Acting.As(services, team[0]))
        {
            var scores = await VerifiedIssueScoresAsync(scope.ServiceProvider, assessmentId, ct);
            var handlers = scope.ServiceProvider.GetRequiredService<SiteVisitHandlers>();
            foreach (var issue in pack.Issues.OrderBy(_ => r.Next()).Take(1 + r.Next(2)).OrderBy(i => i.Code, StringComparer.Ordinal))
            {
                var direction = r.Next(3) - 1;
                decimal? adjusted = direction != 0 && r.NextDouble() < 0.6
                    ? Math.Clamp(scores[issue.Code] + direction * (10 + r.Next(31)), 0, 500) : null;
                var finding = new FindingBody(ReviewText.Finding(r, issue, direction), adjusted,
                    adjusted is null ? null : ReviewText.FindingAdjustReason(direction));
                if (!report.Ok(await handlers.SaveFindingAsync(assessmentId, issue.Code, finding, ct), org, $"finding {issue.Code}")) return;
                report.Findings++;
            }
        }

        await using (var scope = Acting.As(services, officer))
        {
            var handlers = scope.ServiceProvider.GetRequiredService<SiteVisitHandlers>();
            if (!report.Ok(await handlers.CompleteAsync(assessmentId, ct), org, "completing the visit")) return;
            // Certification is refused below Basic (the handler says so): such an agency is then not certified, with the reason.
            var certified = await handlers.DecideAsync(assessmentId, true, null, ct);
            if (certified is Outcome<VisitView>.Ok) report.Certified++;
            else if (report.Ok(await handlers.DecideAsync(assessmentId, false, ReviewText.NotCertifiedReason, ct), org, "not certifying"))
                report.NotCertified++;
        }
    }

    /// <summary>A weekday in the round's site-visit window at 09:00 Bangkok, visits spread across the window.</summary>
    private static DateTimeOffset VisitDay(Round round, int ordinal, Random r)
    {
        var from = round.SiteVisitFrom ?? round.SubmissionDeadline.AddDays(60);
        var to = round.SiteVisitTo ?? from.AddDays(60);
        var span = Math.Max(1, (int)(to - from).TotalDays - 3);
        var day = from.UtcDateTime.Date.AddDays((ordinal * 3 + r.Next(3)) % span);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(2), TimeSpan.Zero); // 02:00 UTC is 09:00 in Bangkok
    }

    /// <summary>The confirmed (consensus) score of each issue, computed by the application's ReviewScores.</summary>
    private static async Task<Dictionary<string, decimal>> VerifiedIssueScoresAsync(IServiceProvider sp, Guid assessmentId, CancellationToken ct)
    {
        var assessment = await sp.GetRequiredService<PmqaDbContext>().Assessments.AsNoTracking()
            .Include(a => a.Round).ThenInclude(x => x!.FrameworkVersion).SingleAsync(a => a.Id == assessmentId, ct);
        var scores = sp.GetRequiredService<ReviewScores>();
        var card = await scores.ConsensusCardAsync(assessment, await scores.ContextAsync(assessment, ct), ct);
        return card.Issues.ToDictionary(i => i.Code, i => i.Rounded);
    }
}
