using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0028_DashboardOrganizationLocks")]
public sealed class M0028_DashboardOrganizationLocks : SqlScriptMigration
{
    protected override string ScriptName => "0028_dashboard_organization_locks.sql";
}
