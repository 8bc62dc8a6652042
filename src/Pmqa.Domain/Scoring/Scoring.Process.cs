using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Scoring;

public static partial class Scoring
{
    /// <summary>
    /// A process issue: levels are cumulative, so a level's ticks count only once every item of the
    /// levels below is ticked. Ticked codes that are not items of this issue are ignored here (rejecting
    /// them is the caller's validation); a code ticked twice counts once.
    /// </summary>
    public static IssueScore ScoreProcess(Issue issue, IReadOnlyCollection<string> @checked, ScoringParameters parameters)
    {
        if (issue.Kind != IssueKind.Process)
            throw new ArgumentException($"Issue {issue.Code} is not a process issue.", nameof(issue));

        var ticked = @checked.ToHashSet(StringComparer.Ordinal);
        var ladder = new[]
        {
            (Level: MaturityLevel.Basic, From: 0m, To: parameters.BasicPoints),
            (Level: MaturityLevel.Advance, From: parameters.BasicPoints, To: parameters.AdvancePoints),
            (Level: MaturityLevel.Significance, From: parameters.AdvancePoints, To: parameters.SignificancePoints),
        };

        var reached = MaturityLevel.None;
        var score = 0m;
        var uncounted = new List<string>();
        foreach (var step in ladder)
        {
            var items = issue.Levels.Where(l => l.Level == step.Level).SelectMany(l => l.Items).ToList();
            var done = items.Count(i => ticked.Contains(i.Code));
            if (reached != step.Level - 1)
            {
                // A lower level is incomplete: these ticks are kept but do not count yet.
                uncounted.AddRange(items.Where(i => ticked.Contains(i.Code)).Select(i => i.Code));
                continue;
            }
            if (done == items.Count)
            {
                // A level with no items is trivially complete, so it never divides by zero.
                reached = step.Level;
                score = step.To;
            }
            else
            {
                score = step.From + Share(step.To - step.From, done, items.Count);
            }
        }

        return new IssueScore(issue.Code, score, reached, Complete: true, uncounted);
    }
}
