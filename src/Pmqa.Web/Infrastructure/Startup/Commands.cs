using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>
/// Command-line verbs for operators and developers:
/// <c>migrate</c> applies pending migrations and exits (for production, with Database:MigrateOnStartup=false);
/// <c>schema-script</c> prints the full CREATE script of the current model for the configured provider,
/// the starting point of a new migration script (docs/decisions/0002-migrations-as-sql-scripts.md);
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt; [--force]</c> copy the database and the evidence files
/// together, the application running or not (ADR 0026); <c>sweep-blobs [--grace-hours=N]</c> deletes the stored files
/// no row needs that were last stored more than N hours ago (24 by default, at least 1; ADR 0040). A failed verb exits with 1.
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (verb is "backup" or "restore") return await BackupCommands.RunAsync(app, verb, args);
        if (verb is "sweep-blobs") return await SweepAsync(app, args);
        if (verb is not ("migrate" or "schema-script")) return false;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        if (verb == "migrate")
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
            await Data.DatabaseMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrate"));
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", pending)}");
        }
        else
        {
            Console.WriteLine(db.Database.GenerateCreateScript());
        }
        return true;
    }

    private static async Task<bool> SweepAsync(WebApplication app, string[] args)
    {
        var hours = args.Select(a => a.StartsWith("--grace-hours=", StringComparison.Ordinal) ? a["--grace-hours=".Length..] : null)
            .LastOrDefault(a => a is not null);
        var grace = Storage.BlobSweep.DefaultGrace;
        if (hours is not null)
        {
            if (!double.TryParse(hours, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h) || h < 1)
            {
                Console.Error.WriteLine("Usage: sweep-blobs [--grace-hours=N] (N >= 1: a younger blob may be an upload whose row is not yet written)");
                Environment.ExitCode = 2;
                return true;
            }
            grace = TimeSpan.FromHours(h);
        }
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<Storage.BlobSweep>().RunAsync(grace);
        Console.WriteLine(System.FormattableString.Invariant(
            $"Swept {result.Deleted} stored files no row needs ({result.DeletedBytes} bytes); kept {result.Kept}."));
        return true;
    }
}
