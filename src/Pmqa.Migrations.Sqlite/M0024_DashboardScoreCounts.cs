using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0024_DashboardScoreCounts")]
public sealed class M0024_DashboardScoreCounts : SqlScriptMigration
{
    protected override string ScriptName => "0024_dashboard_score_counts.sql";
}
