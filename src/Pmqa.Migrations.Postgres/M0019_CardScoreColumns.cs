using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0019_CardScoreColumns")]
public sealed class M0019_CardScoreColumns : SqlScriptMigration
{
    protected override string ScriptName => "0019_card_score_columns.sql";
}
