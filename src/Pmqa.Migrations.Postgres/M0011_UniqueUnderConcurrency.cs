using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

/// <summary>Unique indexes that hold when two requests race (evidence bytes, organisation codes in any case,
/// rounds per fiscal year and audience, certificate numbers). Organisation codes that clash by case are
/// reported before this runs (Pmqa.Web DatabaseMigrator), never renamed.</summary>
[DbContext(typeof(PmqaDbContext))]
[Migration(Name)]
public sealed class M0011_UniqueUnderConcurrency : SqlScriptMigration
{
    public const string Name = "0011_UniqueUnderConcurrency";

    protected override string ScriptName => "0011_unique_under_concurrency.sql";
}
