using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pmqa.Data;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Data;

/// <summary>
/// Migrations are hand-checked SQL scripts (ADR 0002), so this test is what keeps them honest: the schema
/// the migrations build must equal the schema EF would create from the current model, column for column
/// and index for index. A model change without a migration script fails here.
/// </summary>
public abstract class MigrationSchemaTests(PmqaApp app)
{
    protected abstract string FreshConnectionString();
    protected abstract Task DropAsync(string connection);
    protected abstract string SchemaQuery { get; }

    [Fact]
    public async Task The_migrated_schema_matches_the_model()
    {
        var migrated = await app.WithDbAsync(db => ReadSchemaAsync(db.Database.GetDbConnection()));
        var connection = FreshConnectionString();
        try
        {
            var options = new DbContextOptionsBuilder<PmqaDbContext>();
            DatabaseSetup.Configure(options, Enum.Parse<DatabaseProvider>(app.Provider), connection);
            await using var db = new PmqaDbContext(options.Options);
            await db.Database.EnsureCreatedAsync();
            var modelled = await ReadSchemaAsync(db.Database.GetDbConnection());
            Assert.Equal(modelled, migrated);
            Assert.Contains(migrated, row => row.StartsWith("Organizations."));
        }
        finally
        {
            await DropAsync(connection);
        }
    }

    private async Task<List<string>> ReadSchemaAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = SchemaQuery;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(string.Join(".", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        return rows.Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class MigrationSchemaTests_Sqlite(SqliteApp app) : MigrationSchemaTests(app), IClassFixture<SqliteApp>
{
    protected override string SchemaQuery => """
        SELECT m.name, p.name, p.type, p."notnull", p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE '\_\_EF%' ESCAPE '\' AND m.name NOT LIKE 'sqlite_%'
        UNION ALL
        SELECT tbl_name, name, 'index', sql, '' FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pmqa-schema-{Guid.NewGuid():N}.db");

    protected override string FreshConnectionString() => $"Data Source={_file}";

    protected override Task DropAsync(string connection)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
        return Task.CompletedTask;
    }
}

public sealed class MigrationSchemaTests_Postgres(PostgresApp app) : MigrationSchemaTests(app), IClassFixture<PostgresApp>
{
    private readonly string _database = $"pmqa_schema_{Guid.NewGuid():N}";

    protected override string SchemaQuery => """
        SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, 0)
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
        UNION ALL
        SELECT tablename, indexname, 'index', indexdef, 0 FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
        """;

    protected override string FreshConnectionString() =>
        new NpgsqlConnectionStringBuilder(PostgresApp.AdminConnection) { Database = _database }.ConnectionString;

    protected override async Task DropAsync(string connection)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresApp.AdminConnection);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
