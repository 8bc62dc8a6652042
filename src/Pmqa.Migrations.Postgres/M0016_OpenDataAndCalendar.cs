using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0016_OpenDataAndCalendar")]
public sealed class M0016_OpenDataAndCalendar : SqlScriptMigration
{
    protected override string ScriptName => "0016_open_data_and_calendar.sql";
}
