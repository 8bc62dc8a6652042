using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0021_DigitalRegister")]
public sealed class M0021_DigitalRegister : SqlScriptMigration
{
    protected override string ScriptName => "0021_digital_register.sql";
}
