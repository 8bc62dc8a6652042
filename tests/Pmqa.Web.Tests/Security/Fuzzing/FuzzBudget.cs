namespace Pmqa.Web.Tests.Security.Fuzzing;

/// <summary>How long the fuzzers run. CI runs a few generated inputs per target (every target still gets the whole
/// fixed corpus); <c>bench/fuzz.sh</c> raises <c>PMQA_FUZZ_ITERATIONS</c> for a longer, bounded campaign and
/// <c>PMQA_FUZZ_SEED</c> replays one.</summary>
public static class FuzzBudget
{
    public static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("PMQA_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 4;

    public static string? Seed => Environment.GetEnvironmentVariable("PMQA_FUZZ_SEED") is { Length: > 0 } s ? s : null;
}
