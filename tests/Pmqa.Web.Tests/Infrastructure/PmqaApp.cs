using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pmqa.Data;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real, empty database of one provider, migrated at start-up as in
/// production. One instance per test class (xunit class fixture), so no test sees another class's data.
/// </summary>
public abstract class PmqaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@opdc.go.th";
    public const string AdminPassword = "Admin-pass-2026";

    private readonly string _keys = Path.Combine(Path.GetTempPath(), "pmqa-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>This app's own blob store folder (uploaded evidence), deleted with the app.</summary>
    public string BlobPath { get; } = Path.Combine(Path.GetTempPath(), "pmqa-blobs-" + Guid.NewGuid().ToString("N"));

    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }

    /// <summary>Settings a test class may change before the app starts.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
        ["RateLimiting:SignInPermitsPerMinute"] = "1000",
        ["Storage:Path"] = BlobPath,
        // Tests age blobs on purpose (BlobSweepTests) and sweep when they choose, not half a minute after start.
        ["Storage:SweepHours"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("DataProtection:KeysPath", _keys);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
        if (Directory.Exists(BlobPath)) Directory.Delete(BlobPath, recursive: true);
    }

    /// <summary>A fresh DbContext on the app's database (dispose it).</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<PmqaDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<PmqaDbContext>());
    }
}

public class SqliteApp : PmqaApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pmqa-test-{Guid.NewGuid():N}.db");

    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={_file}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }
}

/// <summary>A database of its own on the throwaway PostgreSQL cluster that test.sh starts
/// (PMQA_TEST_POSTGRES holds the administrative connection string).</summary>
public class PostgresApp : PmqaApp
{
    private readonly string _database = $"pmqa_test_{Guid.NewGuid():N}";

    public static string AdminConnection => Environment.GetEnvironmentVariable("PMQA_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "PMQA_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL.");

    public override string Provider => "Postgres";
    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(AdminConnection) { Database = _database }.ConnectionString;

    public override async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection).ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnection);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }
}
