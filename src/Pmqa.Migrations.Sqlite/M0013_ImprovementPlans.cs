using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0013_ImprovementPlans")]
public sealed class M0013_ImprovementPlans : SqlScriptMigration
{
    protected override string ScriptName => "0013_improvement_plans.sql";
}
