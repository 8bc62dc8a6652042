using System.Globalization;

namespace Pmqa.DataGenerator;

/// <summary>The generator's own command-line options. Everything else on the command line (e.g.
/// <c>--Database:Provider=Postgres</c>) is passed on to the application's configuration unchanged.</summary>
public sealed record GeneratorOptions
{
    public int Organizations { get; init; } = 30;
    public int Seed { get; init; } = 42;
    /// <summary>Null: the current fiscal year in Bangkok.</summary>
    public int? FiscalYear { get; init; }
    public string Password { get; init; } = "Demo-pass-2026";
    public int EvidencePerAssessment { get; init; } = 2;
    public double SubmittedShare { get; init; }
    /// <summary>Share of the submitted assessments that OPDC reviews (needs <see cref="SubmittedShare"/>).</summary>
    public double ReviewedShare { get; init; }
    public string Framework { get; init; } = "pmqa-4.0";
    /// <summary>People who edit each assessment: the coordinator and, above 1, category owners editor2@… (bench/deadline-day.sh).</summary>
    public int Editors { get; init; } = 1;
    public bool Help { get; init; }

    public const string Usage = """
        Fills the application's database with demo organisations, users and complete assessments.

        Usage: dotnet run --project bench/Pmqa.DataGenerator -- [options] [application configuration]

          --organizations N            assessed organisations to generate (default 30): about half departments,
                                       a third provinces (from seeds/organizations-th.csv), the rest public organisations
          --seed S                     random seed (default 42); the same seed and N give the same data
          --fiscal-year YYYY           fiscal year of the round, Buddhist Era (default: the current one)
          --password P                 password of every generated user (default Demo-pass-2026)
          --evidence-per-assessment K  evidence files per assessment (default 2, at most 30)
          --submitted-share F          share of the generated assessments to submit and approve, 0..1 (default 0)
          --reviewed-share F           share of the submitted assessments that OPDC reviews, 0..1 (default 0; needs
                                       --submitted-share): team of two, reviews, consensus, confirmation; at the
                                       round's threshold a site visit offered, most accepted, visited and certified
          --framework CODE             framework of the round (default pmqa-4.0)
          --editors N                  people who edit each assessment (default 1, at most 7): the coordinator and
                                       N-1 category owners editor2@<code>.demo.go.th … editorN@…, category K given
                                       to editorK (for the deadline-day benchmark's concurrent editors)

        Users: coordinator@<code>.demo.go.th, owner@<code>.demo.go.th, executive@<code>.demo.go.th
        (<code> is the organisation code in lower case, e.g. th-50 or demo-d001); with --reviewed-share also
        reviewer1@opdc.demo.go.th … reviewer6@opdc.demo.go.th and officer@opdc.demo.go.th at OPDC.
        The database, blob store and keys are the application's: Database__Provider, ConnectionStrings__Default,
        Storage__Path, DataProtection__KeysPath, Bootstrap__AdminEmail/Bootstrap__AdminPassword, or --Key=value.
        Running again skips what exists: organisations and users are matched by code and e-mail, the round of the
        fiscal year is reused, an assessment that already has answers is left alone, and so is one already
        under review or beyond.
        """;

    /// <summary>Reads the generator's options and returns the remaining arguments for the application.</summary>
    public static (GeneratorOptions Options, string[] Remaining, string? Error) Parse(string[] args)
    {
        var options = new GeneratorOptions();
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?") { options = options with { Help = true }; continue; }
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 0
                ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (name is not ("--organizations" or "--seed" or "--fiscal-year" or "--password" or "--evidence-per-assessment"
                or "--submitted-share" or "--reviewed-share" or "--framework" or "--editors"))
            {
                rest.Add(arg);
                continue;
            }
            var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null) return (options, [], $"{name} needs a value.");
            try
            {
                options = name switch
                {
                    "--organizations" => options with { Organizations = Int(value, 1, 100_000) },
                    "--seed" => options with { Seed = Int(value, int.MinValue, int.MaxValue) },
                    "--fiscal-year" => options with { FiscalYear = Int(value, 2560, 2700) },
                    "--password" => options with { Password = value },
                    "--evidence-per-assessment" => options with { EvidencePerAssessment = Int(value, 0, 30) },
                    "--submitted-share" => options with { SubmittedShare = Share(value) },
                    "--reviewed-share" => options with { ReviewedShare = Share(value) },
                    "--editors" => options with { Editors = Int(value, 1, 7) },
                    _ => options with { Framework = value },
                };
            }
            catch (FormatException e)
            {
                return (options, [], $"{name}: {e.Message}");
            }
        }
        // Only submitted (approved) assessments can be reviewed; without a submitted share there is nothing to review.
        if (options.ReviewedShare > 0 && options.SubmittedShare <= 0)
            return (options, [], "--reviewed-share applies to the submitted assessments: give --submitted-share too " +
                "(e.g. --submitted-share 0.6 --reviewed-share 0.7 reviews 70 % of the 60 % submitted).");
        return (options, rest.ToArray(), null);
    }

    private static int Int(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new FormatException($"expected a whole number from {min} to {max}, got '{value}'.");

    private static double Share(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1
            ? d : throw new FormatException($"expected a number from 0 to 1, got '{value}'.");
}
