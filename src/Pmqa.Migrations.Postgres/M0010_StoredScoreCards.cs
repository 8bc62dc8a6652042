using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0010_StoredScoreCards")]
public sealed class M0010_StoredScoreCards : SqlScriptMigration
{
    protected override string ScriptName => "0010_stored_score_cards.sql";
}
