using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Scoring;
using Pmqa.Web.Features.Reviews;

namespace Pmqa.DataGenerator;

/// <summary>
/// What a reviewer makes of one assessment, and what the lead agrees with the team: pure, from a seeded Random,
/// so the same seed gives the same reviews. A reviewer starts from the agency's answer (as the review page does)
/// and is a little stricter: it unticks now and then (higher levels more often), accepts most indicators and
/// now and then adjusts this year's result or rejects one, always with a Thai reason.
/// </summary>
public sealed class ReviewJudge(FrameworkPack pack, IReadOnlyDictionary<string, IssueAnswers> agency, ReviewReport report)
{
    private const double RejectShare = 0.03, AdjustShare = 0.08;

    public Dictionary<string, ReviewIssueBody> Review(Random r)
    {
        var strictness = 0.01 + r.NextDouble() * 0.025;
        return pack.Issues.ToDictionary(i => i.Code, i => i.Kind == IssueKind.Process ? Process(r, i, strictness) : Results(r, i));
    }

    private ReviewIssueBody Process(Random r, Issue issue, double strictness)
    {
        var ticked = Answer(issue).Checked.ToHashSet();
        var kept = new List<ChecklistItem>();
        var missing = new List<ChecklistItem>();
        foreach (var level in issue.Levels.OrderBy(l => l.Level))
        {
            var weight = level.Level switch { MaturityLevel.Basic => 0.4, MaturityLevel.Advance => 1.2, _ => 2.5 };
            foreach (var item in level.Items)
            {
                var keep = ticked.Contains(item.Code) && r.NextDouble() >= strictness * weight;
                if (ticked.Contains(item.Code) && !keep) report.Unticked++;
                (keep ? kept : missing).Add(item);
            }
        }
        // Opportunities name what is missing at the lowest levels first, as a feedback report would.
        return new ReviewIssueBody(kept.Select(i => i.Code).ToList(), null,
            ReviewText.Strengths(r, issue, kept.Select(i => ThaiText.Shorten(i.TextTh)).ToList()),
            ReviewText.Opportunities(r, issue, missing.Take(3).Select(i => ThaiText.Shorten(i.TextTh)).ToList()));
    }

    private ReviewIssueBody Results(Random r, Issue issue)
    {
        var indicators = Answer(issue).Indicators;
        var judgements = new List<JudgementDto>();
        var accepted = new List<string>();
        for (var n = 0; n < indicators.Count; n++)
        {
            var x = indicators[n];
            var roll = r.NextDouble();
            if (roll < RejectShare)
            {
                judgements.Add(new JudgementDto(n, "reject", ReviewText.RejectReason(r, x.Name), null, null, null, null, null));
                report.Rejected++;
            }
            else if (roll < RejectShare + AdjustShare && x.R0 is > 0 and var reported)
            {
                // This year's result a few per cent worse than reported: what evidence usually corrects.
                var d = (decimal)(0.02 + r.NextDouble() * 0.06);
                var verified = Math.Round(x.Direction == Direction.Higher ? reported * (1 - d) : reported * (1 + d), 2, MidpointRounding.AwayFromZero);
                judgements.Add(new JudgementDto(n, "adjust", ReviewText.AdjustReason(r, x.Name, reported, verified, x.Unit),
                    x.Target, x.R2, x.R1, verified, x.Comparison));
                report.Adjusted++;
            }
            else
            {
                judgements.Add(new JudgementDto(n, "accept", null, null, null, null, null, null));
                accepted.Add(x.Name);
            }
        }
        return new ReviewIssueBody(null, judgements, ReviewText.Strengths(r, issue, accepted), ReviewText.Opportunities(r, issue, []));
    }

    /// <summary>
    /// The lead's consensus: the ticks both reviewers made, and where they differ mostly the lead's view (now and
    /// then the other's, after discussion); the same for indicator judgements; both texts merged; a Thai rationale.
    /// </summary>
    public Dictionary<string, ReviewIssueBody> Consensus(Random r, Dictionary<string, ReviewIssueBody> lead, Dictionary<string, ReviewIssueBody> other) =>
        pack.Issues.ToDictionary(i => i.Code, issue =>
        {
            var (a, b) = (lead[issue.Code], other[issue.Code]);
            int disputed = 0, leadWins = 0;
            bool Settle(bool leadView, bool otherView)
            {
                if (leadView == otherView) return leadView;
                disputed++;
                var withLead = r.NextDouble() < 0.7;
                if (withLead) leadWins++;
                return withLead ? leadView : otherView;
            }
            IReadOnlyList<string>? ticks = null;
            List<JudgementDto>? judgements = null;
            if (issue.Kind == IssueKind.Process)
                ticks = issue.Levels.SelectMany(l => l.Items).Select(item => item.Code)
                    .Where(code => Settle(a.Checked!.Contains(code), b.Checked!.Contains(code))).ToList();
            else
                judgements = a.Judgements!.Zip(b.Judgements!, (x, y) => x.Decision == y.Decision || Settle(true, false) ? x : y).ToList();
            string Merge(string? x, string? y) => string.Join("\n", new[] { x, y }.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct());
            return new ReviewIssueBody(ticks, judgements, Merge(a.Strengths, b.Strengths), Merge(a.Opportunities, b.Opportunities),
                ReviewText.Rationale(r, issue, disputed, leadWins * 2 >= disputed));
        });

    private IssueAnswers Answer(Issue issue) => agency.GetValueOrDefault(issue.Code) ?? new IssueAnswers([], []);
}
