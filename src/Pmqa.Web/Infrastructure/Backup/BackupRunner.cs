using Pmqa.Web.Infrastructure.Data;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>
/// Backup and restore of the database and the evidence files together (the <c>backup</c> and <c>restore</c>
/// verbs; ADR 0026). Order matters while the application runs: the database snapshot is taken first, then the
/// blobs are copied. An upload writes its blob before it commits the row that points at it (ADR 0006), so
/// every blob the snapshot refers to already exists when the copy starts; blobs uploaded later are copied too
/// and are simply unreferenced in the restored database. The manifest is written last.
/// </summary>
public static class BackupRunner
{
    public const string BlobFolderName = "blobs";

    public static IDatabaseCopy DatabaseOf(BackupTarget target) => target.Provider == DatabaseProvider.Postgres
        ? new PostgresCopy(target.ConnectionString, target.PgBinDirectory)
        : new SqliteCopy(target.ConnectionString);

    public static async Task<BackupOutcome> BackupAsync(BackupTarget target, string folder, TimeProvider clock, CancellationToken ct = default)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            return BackupOutcome.Failed($"{folder} is not empty: back up into a new or empty folder.");
        Directory.CreateDirectory(folder);
        var database = DatabaseOf(target);
        var createdAt = clock.GetUtcNow();
        DatabaseContents contents;
        try
        {
            contents = await database.BackupAsync(Path.Combine(folder, database.FileName), ct);
        }
        catch (BackupException e)
        {
            return BackupOutcome.Failed(e.Message);
        }

        var problems = new List<string>();
        var blobs = new List<BlobEntry>();
        var copies = Path.Combine(folder, BlobFolderName);
        foreach (var sha256 in BlobFolder.List(target.StoragePath).Order(StringComparer.Ordinal))
        {
            var length = await BlobFolder.CopyCheckedAsync(target.StoragePath, copies, sha256, ct);
            if (length is { } l) blobs.Add(new BlobEntry(sha256, l));
            // Swept while the backup ran (ADR 0040): no row needed it; had one, the check below names it.
            else if (!File.Exists(BlobFolder.PathOf(target.StoragePath, sha256))) continue;
            else problems.Add($"The evidence file {sha256} is damaged in the store (its bytes no longer hash to its name).");
        }
        var copied = blobs.Select(b => b.Sha256).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(contents.ReferencedBlobs.Where(s => !copied.Contains(s)).Order(StringComparer.Ordinal)
            .Select(s => $"The database refers to the evidence file {s}, which is not in the store ({target.StoragePath})."));
        if (problems.Count > 0) return new BackupOutcome(null, problems); // no manifest: an incomplete backup

        var manifest = new BackupManifest
        {
            CreatedAt = createdAt,
            Provider = target.Provider.ToString(),
            DatabaseFile = database.FileName,
            Migrations = contents.Migrations,
            RowCounts = contents.RowCounts,
            BlobCount = blobs.Count,
            BlobBytes = blobs.Sum(b => b.Length),
            Blobs = blobs,
        };
        manifest.Write(folder);
        return new BackupOutcome(manifest, []);
    }

    public static async Task<BackupOutcome> RestoreAsync(BackupTarget target, string folder, bool force, CancellationToken ct = default)
    {
        BackupManifest? manifest;
        try
        {
            manifest = BackupManifest.Read(folder);
        }
        catch (System.Text.Json.JsonException e)
        {
            return BackupOutcome.Failed($"{Path.Combine(folder, BackupManifest.FileName)} cannot be read: {e.Message}");
        }
        if (manifest is null)
            return BackupOutcome.Failed($"{folder} has no {BackupManifest.FileName}: it is not a backup, or the backup did not finish.");
        if (manifest.Format != BackupManifest.CurrentFormat)
            return BackupOutcome.Failed($"The backup's format {manifest.Format} is not {BackupManifest.CurrentFormat}, the one this version reads.");
        if (!string.Equals(manifest.Provider, target.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            return BackupOutcome.Failed($"The backup is of a {manifest.Provider} database but Database:Provider is {target.Provider}.");

        var database = DatabaseOf(target);
        try
        {
            var storeHasBlobs = BlobFolder.List(target.StoragePath).Any();
            if (!force && (!await database.IsEmptyAsync(ct) || storeHasBlobs))
                return BackupOutcome.Failed("The target is not empty (the database has tables or the evidence store has files). " +
                    "Restore into an empty database and store, or add --force to replace the database (evidence files already there are kept: each is named by its content).");

            // Evidence first: a database that points at missing files is worse than files nobody points at.
            var problems = new List<string>();
            var copies = Path.Combine(folder, BlobFolderName);
            foreach (var blob in manifest.Blobs)
                if (await BlobFolder.CopyCheckedAsync(copies, target.StoragePath, blob.Sha256, ct) is null)
                    problems.Add($"The backup's evidence file {blob.Sha256} is missing or damaged.");
            if (problems.Count > 0) return new BackupOutcome(manifest, problems);

            await database.RestoreAsync(Path.Combine(folder, manifest.DatabaseFile), force, ct);
            return new BackupOutcome(manifest, await VerifyAsync(database, target.StoragePath, manifest, ct));
        }
        catch (BackupException e)
        {
            return BackupOutcome.Failed(e.Message);
        }
    }

    /// <summary>Compares the restored database and store with the manifest: every table's row count, the
    /// migrations, and every blob re-read and hashed. Returns the differences (none: the restore is exact).</summary>
    public static async Task<List<string>> VerifyAsync(IDatabaseCopy database, string storagePath, BackupManifest manifest, CancellationToken ct)
    {
        var problems = new List<string>();
        var restored = await database.ReadAsync(ct);
        foreach (var table in manifest.RowCounts.Keys.Union(restored.RowCounts.Keys).Order(StringComparer.Ordinal))
        {
            var expected = manifest.RowCounts.GetValueOrDefault(table, -1);
            var actual = restored.RowCounts.GetValueOrDefault(table, -1);
            if (expected != actual) problems.Add($"Table {table}: {actual} rows restored, the backup has {expected}.");
        }
        if (!restored.Migrations.SequenceEqual(manifest.Migrations))
            problems.Add($"Migrations restored ({string.Join(", ", restored.Migrations)}) differ from the backup's ({string.Join(", ", manifest.Migrations)}).");
        foreach (var blob in manifest.Blobs)
            if (await BlobFolder.HashAsync(storagePath, blob.Sha256, ct) != blob.Sha256)
                problems.Add($"The evidence file {blob.Sha256} is missing or damaged after the restore.");
        return problems;
    }
}
