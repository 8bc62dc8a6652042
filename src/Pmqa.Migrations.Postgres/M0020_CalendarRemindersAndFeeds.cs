using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pmqa.Data;
using Pmqa.Data.Migrations;

namespace Pmqa.Migrations.Postgres;

[DbContext(typeof(PmqaDbContext))]
[Migration("0020_CalendarRemindersAndFeeds")]
public sealed class M0020_CalendarRemindersAndFeeds : SqlScriptMigration
{
    protected override string ScriptName => "0020_calendar_reminders_and_feeds.sql";
}
