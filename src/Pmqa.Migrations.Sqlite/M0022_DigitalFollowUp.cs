using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0022_DigitalFollowUp")]
public sealed class M0022_DigitalFollowUp : SqlScriptMigration
{
    protected override string ScriptName => "0022_digital_follow_up.sql";
}
