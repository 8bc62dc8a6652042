using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0027_RoundReportPrints")]
public sealed class M0027_RoundReportPrints : SqlScriptMigration
{
    protected override string ScriptName => "0027_round_report_prints.sql";
}
