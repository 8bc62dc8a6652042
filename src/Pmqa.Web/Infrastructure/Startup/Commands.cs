using Microsoft.EntityFrameworkCore;
using Pmqa.Data;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>
/// Command-line verbs for operators and developers:
/// <c>migrate</c> applies pending migrations and exits (for production, with Database:MigrateOnStartup=false);
/// <c>schema-script</c> prints the full CREATE script of the current model for the configured provider,
/// the starting point of a new migration script (docs/decisions/0002-migrations-as-sql-scripts.md);
/// <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt; [--force]</c> copy the database and the evidence files
/// together, the application running or not (ADR 0026). A failed verb exits with 1.
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (verb is "backup" or "restore") return await BackupCommands.RunAsync(app, verb, args);
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
}
