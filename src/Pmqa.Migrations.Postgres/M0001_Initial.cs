using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0001_Initial")]
public sealed class M0001_Initial : SqlScriptMigration
{
    protected override string ScriptName => "0001_initial.sql";
}
