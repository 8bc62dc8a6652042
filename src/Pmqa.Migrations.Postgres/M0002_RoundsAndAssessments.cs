using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0002_RoundsAndAssessments")]
public sealed class M0002_RoundsAndAssessments : SqlScriptMigration
{
    protected override string ScriptName => "0002_rounds_and_assessments.sql";
}
