using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Infrastructure.Storage;

namespace Pmqa.DataGenerator;

/// <summary>
/// Entry point. Builds the application's services exactly as Program.cs does (minus Razor Pages, rate limits and
/// the HTTP pipeline), runs its start-up preparation (migrations, OPDC, framework packs, bootstrap administrator),
/// then generates through a DI scope's PmqaDbContext and the application's handlers. No top-level statements:
/// Pmqa.Web already has a public <c>Program</c>.
/// </summary>
public static class DataGeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.OutputEncoding = Encoding.UTF8;
        var (options, rest, error) = GeneratorOptions.Parse(args);
        if (error is not null)
        {
            await Console.Error.WriteLineAsync(error + Environment.NewLine + Environment.NewLine + GeneratorOptions.Usage);
            return 2;
        }
        if (options.Help)
        {
            Console.WriteLine(GeneratorOptions.Usage);
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(rest);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // On a fresh PostgreSQL database EF logs the failed read of the not yet created migrations history as an
        // error before creating it; a command that really fails throws, and the generator stops with it.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical);
        builder.AddPmqaDatabase();
        builder.AddPmqaAuth();
        builder.AddPmqaStorage();
        // Registered by AddPmqaWeb in the application; PrepareAsync asks for it when no administrator exists.
        builder.Services.AddSingleton<SetupLink>();
        builder.Services.AddPmqaFeatures();
        await using var app = builder.Build();

        var provider = DatabaseSetup.Provider(app.Configuration);
        Console.WriteLine($"Database: {provider}, {Describe(app.Configuration.GetConnectionString("Default"), provider)}");
        Console.WriteLine($"Blobs:    {Path.GetFullPath(app.Configuration["Storage:Path"] is { Length: > 0 } p ? p : StorageSetup.DefaultPath)}");
        await app.PrepareAsync();
        var prepared = watch.Elapsed;

        Report report;
        try
        {
            report = await new Generator(app.Services, options, Console.Out).RunAsync();
        }
        catch (GeneratorException e)
        {
            await Console.Error.WriteLineAsync("Stopped: " + e.Message);
            return 1;
        }
        Print(report, options, prepared, watch.Elapsed);
        await PrintTotalsAsync(app, report.RoundId);
        if (!await HasAdministratorAsync(app))
            Console.WriteLine("No administrator exists yet: start the application to get its one-time setup link, " +
                "or run with Bootstrap__AdminEmail and Bootstrap__AdminPassword.");
        return report.SubmitProblems.Count == 0 && report.Reviews.Problems.Count == 0 ? 0 : 1;
    }

    private static void Print(Report r, GeneratorOptions options, TimeSpan prepared, TimeSpan total)
    {
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine($"Fiscal year {r.FiscalYear}, framework {options.Framework}: round {r.RoundId} {r.RoundNote}");
        if (r.OtherDraftsFromOpenRound > 0)
            o.WriteLine($"  OpenRound also gave {r.OtherDraftsFromOpenRound} other active organisations (e.g. the provinces not generated) an empty draft");
        if (r.AssessmentsAddedToOpenRound > 0)
            o.WriteLine($"  {r.AssessmentsAddedToOpenRound} new organisations joined the already open round");
        o.WriteLine($"Organisations:  {r.Organizations.Count} assessed ({r.OrganizationsCreated} created, {r.OrganizationsExisting} existed)" +
            $" = {r.Organizations.Count(x => x.Type == OrganizationType.Department)} departments," +
            $" {r.Organizations.Count(x => x.Type == OrganizationType.Province)} provinces," +
            $" {r.Organizations.Count(x => x.Type == OrganizationType.PublicOrganization)} public organisations" +
            (r.SeedOrganizationsImported > 0 ? $"; {r.SeedOrganizationsImported} imported from the seed list" : ""));
        o.WriteLine($"Users:          {r.UsersCreated} created, {r.MembershipsCreated} memberships (password: {options.Password})");
        o.WriteLine($"Assessments:    {r.AssessmentsFilled} filled, {r.AssessmentsSkipped} already had answers (left alone), {r.Submitted} submitted and approved");
        o.WriteLine($"Answers:        {r.Answers} issue answers, {r.Indicators} indicators, {r.ProfileSections} organisation-profile sections");
        o.WriteLine($"Evidence:       {r.EvidenceFiles} files ({r.EvidenceBytes / 1024.0:0.#} KB), {r.EvidenceLinks} links to issues");
        if (r.Scores.Count > 0)
        {
            var totals = r.Scores.Select(s => s.Total).Order().ToList();
            o.WriteLine($"Scores:         min {totals[0]:0.00}, median {(totals[(totals.Count - 1) / 2] + totals[totals.Count / 2]) / 2:0.00}, max {totals[^1]:0.00};" +
                $" {string.Join(", ", r.Scores.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Band(g.Key)}"))};" +
                $" {r.Scores.Count(s => s.Total >= 350)} at 350 or more");
        }
        foreach (var problem in r.SubmitProblems) o.WriteLine("  " + problem);
        if (options.ReviewedShare > 0) PrintReviews(r.Reviews);
        var sample = r.Organizations.Take(3).Select(x => x.CoordinatorEmail);
        o.WriteLine($"Sign in as e.g. {string.Join(", ", sample)} (also owner@… and executive@…)");
        o.WriteLine($"Time:           {total.TotalSeconds:0.0} s ({prepared.TotalSeconds:0.0} s start-up and migrations, {(total - prepared).TotalSeconds:0.0} s generating)");
    }

    private static void PrintReviews(ReviewReport v)
    {
        var o = Console.Out;
        o.WriteLine($"Reviews:        {v.Reviewed} reviewed and confirmed of {v.Chosen} chosen ({v.Candidates} submitted or further;" +
            $" {v.LeftAlone} already under review or beyond, left alone); {v.Unticked} items unticked, {v.Adjusted} indicators adjusted, {v.Rejected} rejected");
        o.WriteLine($"Site visits:    {v.Offered} offered, {v.Accepted} accepted, {v.Declined} declined; {v.Findings} findings;" +
            $" {v.Certified} certified, {v.NotCertified} not certified ({v.Time.TotalSeconds:0.0} s for the reviews and visits)");
        foreach (var problem in v.Problems) o.WriteLine("  " + problem);
        if (v.OpdcEmails.Count > 0)
            o.WriteLine($"OPDC:           {v.OpdcEmails[0]} … {v.OpdcEmails[^2]} (reviewers), {v.OpdcEmails[^1]} (officer)");
    }

    private static string Band(MaturityLevel level) => level == MaturityLevel.None ? "below Basic" : level.ToString();

    private static string Describe(string? connection, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
            return Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                string.IsNullOrWhiteSpace(connection) ? DatabaseSetup.DefaultSqliteConnection : connection).DataSource);
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection ?? "" };
        builder.Remove("Password");
        return builder.ConnectionString;
    }

    /// <summary>The lines above count what this run did; a second run creates little, so this line says what the
    /// database holds now, whoever made it.</summary>
    private static async Task PrintTotalsAsync(WebApplication app, Guid roundId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        var organizations = await db.Organizations.CountAsync();
        var users = await db.Users.CountAsync();
        var states = await db.Assessments.Where(a => a.RoundId == roundId).GroupBy(a => a.State)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"In the database now: {organizations} organisations, {users} users; the round's " +
            $"{states.Sum(s => s.Count)} assessments: {string.Join(", ", states.OrderBy(s => s.State).Select(s => $"{s.Count} {s.State}"))}");
    }

    private static async Task<bool> HasAdministratorAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Memberships, m => m.Role == Role.SystemAdmin);
    }
}
