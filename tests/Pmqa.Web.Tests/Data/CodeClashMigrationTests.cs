using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Data;

/// <summary>Migration 0011 makes organisation codes unique whatever their case. On a database that already
/// holds "DLA" beside "dla" it must say so, naming the codes, and change nothing: not fail with an obscure
/// unique-index error, and not rename anyone's code.</summary>
public abstract class CodeClashMigrationTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract string FreshConnectionString();
    protected abstract Task DropAsync();

    [Fact]
    public async Task Codes_that_differ_only_by_case_are_reported_by_name_and_the_migration_is_not_applied()
    {
        try
        {
            var options = new DbContextOptionsBuilder<PmqaDbContext>();
            DatabaseSetup.Configure(options, Provider, FreshConnectionString());
            await using var db = new PmqaDbContext(options.Options);
            await MigrateBeforeAsync(db, DatabaseMigrator.CaseInsensitiveCodes);
            foreach (var code in new[] { "DLA", "dla", "TH-50", "OPDC2", "opdc2", "Opdc2" })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Organizations" ("Id", "Code", "NameTh", "NameEn", "Type", "ParentId", "IsActive", "Version")
                    VALUES ({Guid.NewGuid()}, {code}, {"กรม " + code}, {"Department " + code}, 'Department', NULL, {true}, 0)
                    """);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseMigrator.MigrateAsync(db, NullLogger.Instance));

            Assert.Contains("DLA, dla", refused.Message);
            Assert.Contains("OPDC2, Opdc2, opdc2", refused.Message);
            Assert.DoesNotContain("TH-50", refused.Message);
            Assert.DoesNotContain(DatabaseMigrator.CaseInsensitiveCodes, await db.Database.GetAppliedMigrationsAsync());
            var codes = await db.Database.SqlQueryRaw<string>("SELECT \"Code\" AS \"Value\" FROM \"Organizations\"").ToListAsync();
            Assert.Equal(6, codes.Count); // nothing renamed or removed
        }
        finally
        {
            await DropAsync();
        }
    }

    /// <summary>Applies the migrations older than <paramref name="migrationId"/> as the migrator would (EF's
    /// migrate-to-target cannot parse ids without a timestamp, such as ours).</summary>
    private static async Task MigrateBeforeAsync(PmqaDbContext db, string migrationId)
    {
        var assembly = db.GetService<IMigrationsAssembly>();
        var history = db.GetService<IHistoryRepository>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        async Task RunAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        await RunAsync(history.GetCreateIfNotExistsScript());
        foreach (var (id, type) in assembly.Migrations.Where(m => string.CompareOrdinal(m.Key, migrationId) < 0))
        {
            foreach (var step in assembly.CreateMigration(type, db.Database.ProviderName!).UpOperations.OfType<SqlOperation>())
                await RunAsync(step.Sql);
            await RunAsync(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())));
        }
    }
}

public sealed class CodeClashMigrationTests_Sqlite : CodeClashMigrationTests
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pmqa-clash-{Guid.NewGuid():N}.db");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string FreshConnectionString() => $"Data Source={_file}";

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

public sealed class CodeClashMigrationTests_Postgres : CodeClashMigrationTests
{
    private readonly string _database = $"pmqa_clash_{Guid.NewGuid():N}";

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string FreshConnectionString()
    {
        using var admin = new NpgsqlConnection(PostgresApp.AdminConnection);
        admin.Open();
        new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin).ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(PostgresApp.AdminConnection) { Database = _database }.ConnectionString;
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresApp.AdminConnection);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
