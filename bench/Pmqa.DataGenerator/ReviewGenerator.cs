using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Reviews;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

public sealed class ReviewReport
{
    public int Candidates { get; set; }
    public int Chosen { get; set; }
    public int LeftAlone { get; set; }
    public int Reviewed { get; set; }
    public int Unticked { get; set; }
    public int Adjusted { get; set; }
    public int Rejected { get; set; }
    public int Offered { get; set; }
    public int Accepted { get; set; }
    public int Declined { get; set; }
    public int Findings { get; set; }
    public int Certified { get; set; }
    public int NotCertified { get; set; }
    public TimeSpan Time { get; set; }
    public List<string> Problems { get; } = [];
    public List<string> OpdcEmails { get; } = [];

    /// <summary>Whether a handler accepted; a refusal is noted with the organisation and the step.</summary>
    public bool Ok<T>(Outcome<T> outcome, PlannedOrganization org, string step)
    {
        if (outcome is Outcome<T>.Ok) return true;
        Problems.Add($"{org.Code}: {step} refused: {Generator.Describe(outcome)}");
        return false;
    }
}

/// <summary>
/// OPDC's review of a share of the submitted assessments, through the application's own handlers and acting as
/// the people who would: the officer gives a team of two (one lead), each reviewer declares no conflict, judges
/// every issue close to the agency's answer and submits, the lead records the consensus and confirms; those at the
/// round's threshold go on to <see cref="SiteVisitFlow"/>. The handlers' permission checks, state machine, audit
/// trail and notifications are the application's. An assessment already under review or beyond is left alone.
/// </summary>
public sealed class ReviewGenerator
{
    public const int ReviewerCount = 6;
    public const string OfficerEmail = "officer@opdc.demo.go.th";
    public static string ReviewerEmail(int n) => $"reviewer{n}@opdc.demo.go.th";

    private readonly IServiceProvider _services;
    private readonly GeneratorOptions _options;
    private readonly Generator _generator;
    private readonly ReviewReport _report;
    private readonly TextWriter _log;
    private readonly Person _officer;
    private readonly List<Person> _reviewers;

    private ReviewGenerator(IServiceProvider services, GeneratorOptions options, Generator generator, ReviewReport report, TextWriter log,
        Person officer, List<Person> reviewers)
    {
        (_services, _options, _generator, _report, _log, _officer, _reviewers) = (services, options, generator, report, log, officer, reviewers);
    }

    /// <summary>The OPDC reviewers and officer, created like the agencies' people when they do not exist yet.</summary>
    public static async Task<ReviewGenerator> CreateAsync(IServiceProvider services, GeneratorOptions options, Generator generator, Report report,
        TextWriter log, CancellationToken ct)
    {
        Guid opdc;
        await using (var scope = services.CreateAsyncScope())
        {
            opdc = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().Organizations.AsNoTracking()
                .Where(o => o.Code == StartupTasks.OpdcCode).Select(o => o.Id).SingleOrDefaultAsync(ct);
        }
        if (opdc == Guid.Empty) throw new GeneratorException($"No {StartupTasks.OpdcCode} organisation; the application creates it at start-up.");
        var r = new Random(generator.OrgSeed(-1, 20));
        var wanted = Enumerable.Range(1, ReviewerCount).Select(n => (ReviewerEmail(n), Role.Reviewer, ThaiText.PersonName(r, senior: true)))
            .Append((OfficerEmail, Role.OpdcOfficer, ThaiText.PersonName(r))).ToList();
        var people = await generator.EnsureUsersAsync(opdc, wanted, ct);
        report.Reviews.OpdcEmails.AddRange(people.Select(p => p.Email));
        return new ReviewGenerator(services, options, generator, report.Reviews, log, people[^1], people[..^1]);
    }

    /// <summary>
    /// Chooses the share among the generated assessments that are submitted or further on (so a second run chooses
    /// the same ones and finds them already reviewed), and reviews those still just submitted.
    /// </summary>
    public async Task RunAsync(List<(PlannedOrganization Org, Guid AssessmentId, Team Team)> all, Round round, FrameworkPack pack, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        Dictionary<Guid, AssessmentState> states;
        int assigned;
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            var ids = all.Select(a => a.AssessmentId).ToList();
            states = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.State, ct);
            // Round-robin goes on from the teams earlier runs gave.
            var reviewerIds = _reviewers.Select(p => p.Id).ToList();
            assigned = await db.ReviewAssignments.CountAsync(r => r.IsLead && reviewerIds.Contains(r.UserId), ct);
        }
        var candidates = all.Where(a => states[a.AssessmentId] >= AssessmentState.Submitted).ToList();
        var count = (int)Math.Round(candidates.Count * _options.ReviewedShare, MidpointRounding.AwayFromZero);
        var chosen = candidates.OrderBy(c => new Random(_generator.OrgSeed(c.Org.Index, 4)).Next()).Take(count)
            .OrderBy(c => c.Org.Index).ToList();
        _report.Candidates = candidates.Count;
        _report.Chosen = chosen.Count;
        var step = Math.Max(1, chosen.Count / 5);
        foreach (var (org, assessmentId, team) in chosen)
        {
            if (states[assessmentId] != AssessmentState.Submitted)
            {
                _report.LeftAlone++;
                continue;
            }
            var lead = _reviewers[assigned % ReviewerCount];
            var second = _reviewers[(assigned + 1 + assigned / ReviewerCount % (ReviewerCount - 1)) % ReviewerCount];
            var state = await ReviewAsync(org, assessmentId, lead, second, pack, ct);
            assigned++;
            if (state is null) continue;
            _report.Reviewed++;
            if (state == AssessmentState.SiteVisitOffered)
            {
                _report.Offered++;
                await new SiteVisitFlow(_services, _generator, _report, _officer).RunAsync(org, assessmentId, team, [lead, second], round, pack, assigned, ct);
            }
            if (_report.Reviewed % step == 0) _log.WriteLine($"  {_report.Reviewed} assessments reviewed…");
        }
        _report.Time = watch.Elapsed;
    }

    /// <summary>Team, two independent reviews, consensus and confirmation; the state it ends in, or null when a
    /// handler refused (the refusal is reported and the assessment stays where it stopped).</summary>
    private async Task<AssessmentState?> ReviewAsync(PlannedOrganization org, Guid assessmentId, Person lead, Person second, FrameworkPack pack,
        CancellationToken ct)
    {
        await using (var scope = Acting.As(_services, _officer))
        {
            var team = await scope.ServiceProvider.GetRequiredService<ReviewTeams>().AssignAsync(assessmentId, lead.Id, [second.Id], ct);
            if (!Ok(team, org, "team")) return null;
        }
        var agency = await AgencyAnswersAsync(assessmentId, ct);
        var judge = new ReviewJudge(pack, agency, _report);
        var reviews = new List<Dictionary<string, ReviewIssueBody>>();
        foreach (var (reviewer, slot) in new[] { (lead, 0), (second, 1) })
        {
            var bodies = judge.Review(new Random(_generator.OrgSeed(org.Index, 10 + slot)));
            reviews.Add(bodies);
            await using var scope = Acting.As(_services, reviewer);
            var work = scope.ServiceProvider.GetRequiredService<ReviewWork>();
            if (!Ok(await work.DeclareNoConflictAsync(assessmentId, ct), org, $"{reviewer.Email} declaration")) return null;
            foreach (var issue in pack.Issues)
                if (!Ok(await work.SaveIssueAsync(assessmentId, issue.Code, 0, bodies[issue.Code], ct), org, $"{reviewer.Email} issue {issue.Code}"))
                    return null;
            if (!Ok(await work.SubmitAsync(assessmentId, ct), org, $"{reviewer.Email} submission")) return null;
        }
        await using (var scope = Acting.As(_services, lead))
        {
            var consensus = scope.ServiceProvider.GetRequiredService<Consensus>();
            var agreed = judge.Consensus(new Random(_generator.OrgSeed(org.Index, 12)), reviews[0], reviews[1]);
            foreach (var issue in pack.Issues)
                if (!Ok(await consensus.SaveAsync(assessmentId, issue.Code, 0, agreed[issue.Code], ct), org, $"consensus {issue.Code}")) return null;
            var confirmed = await consensus.ConfirmAsync(assessmentId, ct);
            return Ok(confirmed, org, "confirmation") ? ((Outcome<AssessmentState>.Ok)confirmed).Value : null;
        }
    }

    private async Task<Dictionary<string, IssueAnswers>> AgencyAnswersAsync(Guid assessmentId, CancellationToken ct)
    {
        await using var scope = _services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().IssueAnswers.AsNoTracking()
            .Where(a => a.AssessmentId == assessmentId).ToListAsync(ct);
        return rows.ToDictionary(a => a.IssueCode, AnswerDocuments.ToAnswers);
    }

    private bool Ok<T>(Outcome<T> outcome, PlannedOrganization org, string step) => _report.Ok(outcome, org, step);
}
