using System.Globalization;
using Pmqa.Web.Infrastructure.Backup;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Infrastructure.Storage;

namespace Pmqa.Web.Infrastructure.Startup;

/// <summary>The <c>backup &lt;folder&gt;</c> and <c>restore &lt;folder&gt; [--force]</c> verbs: the configured database
/// (Database:Provider, ConnectionStrings:Default) and evidence store (Storage:Path); PostgreSQL's programs from
/// Backup:PgBinDirectory or the PATH.</summary>
public static class BackupCommands
{
    public static async Task<bool> RunAsync(WebApplication app, string verb, string[] args)
    {
        var config = app.Configuration;
        var rest = args.SkipWhile(a => a != verb).Skip(1).ToList();
        var folder = rest.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (folder is null)
        {
            Console.Error.WriteLine($"Usage: {verb} <folder>{(verb == "restore" ? " [--force]" : "")}");
            Environment.ExitCode = 2;
            return true;
        }
        var provider = DatabaseSetup.Provider(config);
        var connection = config.GetConnectionString("Default");
        if (string.IsNullOrWhiteSpace(connection)) connection = DatabaseSetup.DefaultSqliteConnection;
        var storage = config["Storage:Path"];
        var target = new BackupTarget(provider, connection, string.IsNullOrWhiteSpace(storage) ? StorageSetup.DefaultPath : storage,
            config["Backup:PgBinDirectory"]);
        folder = Path.GetFullPath(folder);

        var outcome = verb == "backup"
            ? await BackupRunner.BackupAsync(target, folder, TimeProvider.System)
            : await BackupRunner.RestoreAsync(target, folder, force: rest.Contains("--force"));
        if (outcome.Succeeded)
        {
            var m = outcome.Manifest!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(verb == "backup" ? "Backed up" : "Restored and verified")}: {m.Provider}, {m.Migrations.Count} migrations (last {m.Migrations.LastOrDefault() ?? "none"}), " +
                $"{m.RowCounts.Values.Sum()} rows in {m.RowCounts.Count} tables, {m.BlobCount} evidence files ({m.BlobBytes} bytes), taken {m.CreatedAt:u}; folder {folder}"));
        }
        else
        {
            Console.Error.WriteLine($"{verb} failed:");
            foreach (var problem in outcome.Problems) Console.Error.WriteLine("  " + problem);
            Environment.ExitCode = 1;
        }
        return true;
    }
}
