using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Pmqa.Browser.Tests;

/// <summary>Runs axe-core on the page as it is now and fails on any serious or critical violation.
/// Minor and moderate ones are written to the test output so they are seen, without failing.</summary>
public static class AxeCheck
{
    private static readonly string[] Failing = ["serious", "critical"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name, ITestOutputHelper output)
    {
        await SettleAsync(page);
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {name}; did it run on the page?");
        foreach (var v in result.Violations.Where(v => !Failing.Contains(v.Impact)))
            output.WriteLine($"[{name}] note: {Describe(v)}");
        var failing = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(failing.Count == 0,
            $"axe found {failing.Count} serious or critical violation(s) on {name} ({page.Url}):\n" +
            string.Join("\n", failing.Select(Describe)));
    }

    /// <summary>axe reads colours as they are drawn: a button the test just clicked may still be fading into its hover
    /// colour (Bootstrap's .15 s transition) and measure a contrast it never keeps. Move the pointer off the page and
    /// wait for running finite transitions and animations to end (at most a second).</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.EvaluateAsync("""
            () => Promise.race([
              Promise.all(document.getAnimations()
                .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null))),
              new Promise(resolve => setTimeout(resolve, 1000))])
            """);
    }

    private static string Describe(AxeResultItem v) =>
        $"{v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}\n" +
        string.Join("\n", v.Nodes.Select(n => $"    at {n.Target}: {n.Html}\n" + string.Join("\n",
            n.Any.Concat(n.All).Concat(n.None).Select(c => $"      {c.Message}"))));
}
