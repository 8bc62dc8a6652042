using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pmqa.Data;
using Pmqa.Data.Auditing;

namespace Pmqa.Web.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=data/pmqa.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static WebApplicationBuilder AddPmqaDatabase(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var connection = builder.Configuration.GetConnectionString("Default");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AuditInterceptor>();
        builder.Services.AddDbContext<PmqaDbContext>((services, options) =>
        {
            Configure(options, provider, connection);
            options.AddInterceptors(services.GetRequiredService<AuditInterceptor>());
        });
        builder.Services.AddHealthChecks().AddDbContextCheck<PmqaDbContext>("database");
        return builder;
    }

    /// <param name="compiledModel">Use the provider's compiled model (<see cref="CompiledModel"/>); false builds the
    /// model from the configuration classes, as the generator of the compiled models and their test need.</param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connection, bool compiledModel = true)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Default is not set.");
            options.UseNpgsql(WithoutResetOnClose(connection), o => o.MigrationsAssembly("Pmqa.Migrations.Postgres"));
        }
        else
        {
            connection = string.IsNullOrWhiteSpace(connection) ? DefaultSqliteConnection : connection;
            EnsureSqliteFolder(connection);
            options.UseSqlite(connection, o => o.MigrationsAssembly("Pmqa.Migrations.Sqlite"));
        }
        if (compiledModel && CompiledModel.For(provider) is { } model) options.UseModel(model);
        // Migrations are SQL scripts without an EF model snapshot (ADR 0002); the schema test guards them instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>EF opens and closes the pooled connection around every statement; by default Npgsql then
    /// resets the session (<c>DISCARD ALL</c>) on each reuse, a cost per statement. The application keeps no
    /// session state (no SET, no temporary tables, no prepared statements of its own), so the reset is
    /// switched off unless the connection string says otherwise (ADR 0010).</summary>
    public static string WithoutResetOnClose(string connection)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!connection.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static void EnsureSqliteFolder(string connection)
    {
        var file = new SqliteConnectionStringBuilder(connection).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
    }
}
