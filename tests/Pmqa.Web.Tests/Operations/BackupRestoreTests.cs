using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pmqa.Web.Infrastructure.Backup;
using Pmqa.Web.Infrastructure.Data;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Operations;

/// <summary>
/// The backup and restore verbs' work (ADR 0026) on a running application: a backup taken while evidence is
/// being uploaded restores into an empty database and store with every table's rows and every blob's hash as
/// the manifest says; a non-empty target is refused unless forced; a folder without a manifest is refused.
/// </summary>
public abstract class BackupRestoreTests(PmqaApp app) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("pmqa-backup-test-").FullName;

    /// <summary>An empty database of the app's provider (SQLite file, or a PostgreSQL database restore will create).</summary>
    protected abstract string EmptyDatabase();

    protected virtual bool CanRun => true;

    private BackupTarget Live()
    {
        var config = app.Services.GetRequiredService<IConfiguration>();
        return new BackupTarget(DatabaseSetup.Provider(config), config.GetConnectionString("Default")!, app.BlobPath, null);
    }

    [Fact]
    public async Task A_backup_taken_while_evidence_is_uploaded_restores_into_an_empty_instance_exactly()
    {
        if (!CanRun) return; // no pg_dump on this machine (test.sh installs it)
        var team = await app.AgencyAsync();
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsync(url, Form(Pdf($"before-{i}"), $"ก่อน-{i}.pdf", "1.1"))).StatusCode);

        // Uploads keep coming while the backup runs.
        using var stop = new CancellationTokenSource();
        var uploads = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
                await team.Coordinator.PostAsync(url, Form(Pdf($"during-{n++}"), $"ระหว่าง-{n}.pdf", "1.1"));
            return n;
        });
        var folder = Path.Combine(_work, "backup");
        var backup = await BackupRunner.BackupAsync(Live(), folder, TimeProvider.System);
        await stop.CancelAsync();
        await uploads;

        Assert.True(backup.Succeeded, string.Join("\n", backup.Problems));
        var manifest = BackupManifest.Read(folder)!;
        Assert.Equal(app.Provider, manifest.Provider);
        Assert.Contains("0001_Initial", manifest.Migrations);
        Assert.True(manifest.RowCounts["Evidence"] >= 3);
        Assert.True(manifest.BlobCount >= 3);
        Assert.Equal(manifest.BlobCount, manifest.Blobs.Count);

        // Into an empty database and store: restored, then verified against the manifest.
        var empty = new BackupTarget(Live().Provider, EmptyDatabase(), Path.Combine(_work, "restored-blobs"), null);
        var restore = await BackupRunner.RestoreAsync(empty, folder, force: false);
        Assert.True(restore.Succeeded, string.Join("\n", restore.Problems));
        var restored = await BackupRunner.DatabaseOf(empty).ReadAsync(CancellationToken.None);
        Assert.Equal(manifest.RowCounts, restored.RowCounts);
        Assert.Subset(manifest.Blobs.Select(b => b.Sha256).ToHashSet(), restored.ReferencedBlobs.ToHashSet());
        Assert.Empty(await BackupRunner.VerifyAsync(BackupRunner.DatabaseOf(empty), empty.StoragePath, manifest, CancellationToken.None));

        // The restored instance is not empty any more: a second restore is refused, unless forced.
        var again = await BackupRunner.RestoreAsync(empty, folder, force: false);
        Assert.Contains("not empty", Assert.Single(again.Problems));
        Assert.True((await BackupRunner.RestoreAsync(empty, folder, force: true)).Succeeded);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_before_the_target_is_touched()
    {
        if (!CanRun) return;
        var team = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence", Form(Pdf("damaged"), "ชำรุด.pdf"))).StatusCode);
        var folder = Path.Combine(_work, "damaged");
        Assert.True((await BackupRunner.BackupAsync(Live(), folder, TimeProvider.System)).Succeeded);
        Assert.Contains("not empty", Assert.Single((await BackupRunner.BackupAsync(Live(), folder, TimeProvider.System)).Problems));
        var target = new BackupTarget(Live().Provider, EmptyDatabase(), Path.Combine(_work, "damaged-blobs"), null);

        // A blob whose bytes changed: refused, and the database is not restored.
        var manifest = BackupManifest.Read(folder)!;
        var blob = BlobFolder.PathOf(Path.Combine(folder, BackupRunner.BlobFolderName), manifest.Blobs[0].Sha256);
        await File.AppendAllTextAsync(blob, "tampered");
        var damaged = await BackupRunner.RestoreAsync(target, folder, force: false);
        Assert.Contains("missing or damaged", Assert.Single(damaged.Problems));
        Assert.True(await BackupRunner.DatabaseOf(target).IsEmptyAsync(CancellationToken.None));

        // Without its manifest (a backup that did not finish): refused.
        File.Delete(Path.Combine(folder, BackupManifest.FileName));
        var incomplete = await BackupRunner.RestoreAsync(target, folder, force: true);
        Assert.Contains("did not finish", Assert.Single(incomplete.Problems));
    }

    public virtual void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class BackupRestoreTests_Sqlite(SqliteApp app) : BackupRestoreTests(app), IClassFixture<SqliteApp>
{
    private readonly List<string> _files = [];

    protected override string EmptyDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pmqa-restore-{Guid.NewGuid():N}.db");
        _files.Add(file);
        return $"Data Source={file}";
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (var file in _files) File.Delete(file);
    }
}

public sealed class BackupRestoreTests_Postgres(PostgresApp app) : BackupRestoreTests(app), IClassFixture<PostgresApp>
{
    private readonly List<string> _databases = [];

    protected override bool CanRun
    {
        get
        {
            try { PgTools.Find("pg_dump", null); return true; }
            catch (BackupException) { return false; }
        }
    }

    protected override string EmptyDatabase()
    {
        var name = $"pmqa_restore_{Guid.NewGuid():N}";
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(PostgresApp.AdminConnection) { Database = name }.ConnectionString;
    }

    public override void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresApp.AdminConnection);
        connection.Open();
        foreach (var name in _databases)
            new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQuery();
        base.Dispose();
    }
}
