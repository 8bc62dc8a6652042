using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0017_SharedDataProtectionKeys")]
public sealed class M0017_SharedDataProtectionKeys : SqlScriptMigration
{
    protected override string ScriptName => "0017_shared_data_protection_keys.sql";
}
