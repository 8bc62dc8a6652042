using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0012_GapSettings")]
public sealed class M0012_GapSettings : SqlScriptMigration
{
    protected override string ScriptName => "0012_gap_settings.sql";
}
