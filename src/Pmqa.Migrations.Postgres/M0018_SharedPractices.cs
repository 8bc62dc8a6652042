using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0018_SharedPractices")]
public sealed class M0018_SharedPractices : SqlScriptMigration
{
    protected override string ScriptName => "0018_shared_practices.sql";
}
