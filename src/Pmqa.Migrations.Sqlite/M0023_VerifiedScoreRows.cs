using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0023_VerifiedScoreRows")]
public sealed class M0023_VerifiedScoreRows : SqlScriptMigration
{
    protected override string ScriptName => "0023_verified_score_rows.sql";
}
