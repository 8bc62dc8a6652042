using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0015_DashboardFigures")]
public sealed class M0015_DashboardFigures : SqlScriptMigration
{
    protected override string ScriptName => "0015_dashboard_figures.sql";
}
