using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Dashboards;

/// <summary>
/// An assessment's ticks as one string, stored on its score card so that "which items do agencies miss most" reads
/// one short column per assessment instead of every answer: one character per checklist item of the pack's process
/// issues, in pack order (issue, level, item), '1' when ticked and '0' when not.
/// </summary>
public static class TickStrings
{
    /// <summary>Every checklist item in the order of the string, with its issue.</summary>
    public static IReadOnlyList<(Issue Issue, ChecklistItem Item)> Items(FrameworkPack pack) =>
        [.. pack.Issues.Where(i => i.Kind == IssueKind.Process).SelectMany(i => i.Levels.SelectMany(l => l.Items).Select(item => (i, item)))];

    /// <summary>
    /// The tick string after some issues' ticks changed: <paramref name="changed"/> gives an issue's ticked codes, or
    /// null for an issue whose ticks did not change, which keeps its part of <paramref name="previous"/> (unticked
    /// when there is no previous string).
    /// </summary>
    public static string Compose(FrameworkPack pack, Func<string, IReadOnlyCollection<string>?> changed, string? previous)
    {
        var chars = new char[Items(pack).Count];
        var old = previous is not null && previous.Length == chars.Length ? previous : null;
        var at = 0;
        foreach (var issue in pack.Issues.Where(i => i.Kind == IssueKind.Process))
        {
            var ticked = changed(issue.Code);
            foreach (var item in issue.Levels.SelectMany(l => l.Items))
            {
                chars[at] = ticked is not null ? (ticked.Contains(item.Code) ? '1' : '0') : old?[at] ?? '0';
                at++;
            }
        }
        return new string(chars);
    }
}
