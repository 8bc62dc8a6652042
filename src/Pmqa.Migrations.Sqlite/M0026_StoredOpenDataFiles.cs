using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Sqlite;

[DbContext(typeof(PmqaDbContext))]
[Migration("0026_StoredOpenDataFiles")]
public sealed class M0026_StoredOpenDataFiles : SqlScriptMigration
{
    protected override string ScriptName => "0026_stored_open_data_files.sql";
}
