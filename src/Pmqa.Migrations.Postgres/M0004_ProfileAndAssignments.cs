using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0004_ProfileAndAssignments")]
public sealed class M0004_ProfileAndAssignments : SqlScriptMigration
{
    protected override string ScriptName => "0004_profile_and_assignments.sql";
}
