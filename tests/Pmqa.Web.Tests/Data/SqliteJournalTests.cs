using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Data;

/// <summary>The embedded database runs with write-ahead logging (ADR 0032), so that pages read while an editor's save
/// commits; <c>Database:SqliteJournalMode</c> can turn it back to the rollback journal.</summary>
public class SqliteJournalTests(SqliteJournalTests.WalApp app) : IClassFixture<SqliteJournalTests.WalApp>
{
    public class WalApp : SqliteApp;

    [Fact]
    public async Task The_database_file_is_in_write_ahead_logging_after_start_up()
    {
        app.CreateClient();
        Assert.Equal("wal", await JournalModeAsync(app));
    }

    internal static Task<string> JournalModeAsync(PmqaApp app) => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return ((string)(await command.ExecuteScalarAsync())!).ToLowerInvariant();
    });
}

public class SqliteRollbackJournalTests(SqliteRollbackJournalTests.DeleteApp app) : IClassFixture<SqliteRollbackJournalTests.DeleteApp>
{
    public class DeleteApp : SqliteApp
    {
        protected override IDictionary<string, string?> Settings
        {
            get { var s = base.Settings; s["Database:SqliteJournalMode"] = "delete"; return s; }
        }
    }

    [Fact]
    public async Task The_setting_keeps_the_rollback_journal()
    {
        app.CreateClient();
        Assert.Equal("delete", await SqliteJournalTests.JournalModeAsync(app));
    }
}
