using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0003_Evidence")]
public sealed class M0003_Evidence : SqlScriptMigration
{
    protected override string ScriptName => "0003_evidence.sql";
}
