using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0025_DashboardTickCounts")]
public sealed class M0025_DashboardTickCounts : SqlScriptMigration
{
    protected override string ScriptName => "0025_dashboard_tick_counts.sql";
}
