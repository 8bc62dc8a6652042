using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0008_AuditScopeAndCoalescing")]
public sealed class M0008_AuditScopeAndCoalescing : SqlScriptMigration
{
    protected override string ScriptName => "0008_audit_scope_and_coalescing.sql";
}
