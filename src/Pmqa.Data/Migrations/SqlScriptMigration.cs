using Microsoft.EntityFrameworkCore.Migrations;

namespace Pmqa.Data.Migrations;

/// <summary>
/// A migration whose steps are a provider-specific SQL script embedded in the migrations assembly
/// (see docs/decisions/0002-migrations-as-sql-scripts.md: the EF design-time package cannot be
/// restored here, so migrations are written as SQL and checked against the model by a test).
/// </summary>
public abstract class SqlScriptMigration : Migration
{
    /// <summary>The embedded resource's name, e.g. <c>0001_initial.sql</c>.</summary>
    protected abstract string ScriptName { get; }

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(ReadScript());

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("Migrations go forward only: restore a backup to go back.");

    private string ReadScript()
    {
        using var stream = GetType().Assembly.GetManifestResourceStream(ScriptName)
            ?? throw new InvalidOperationException($"Migration script {ScriptName} is not embedded in {GetType().Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
