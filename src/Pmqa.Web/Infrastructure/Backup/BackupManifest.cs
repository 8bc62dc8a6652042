using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>
/// What a backup folder holds, written last (<c>manifest.json</c>): a folder without it is an incomplete backup
/// and restore refuses it. The row counts are those of the database snapshot itself (not of the live database a
/// moment later), so restore can compare them exactly; the blobs are every evidence file copied, by SHA-256.
/// </summary>
public sealed record BackupManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;
    public DateTimeOffset CreatedAt { get; init; }
    public string Provider { get; init; } = "";
    /// <summary>The database file inside the folder: <c>database.sqlite</c> or <c>database.dump</c> (pg_dump -Fc).</summary>
    public string DatabaseFile { get; init; } = "";
    /// <summary>The schema version: the migrations applied in the snapshot, in order.</summary>
    public IReadOnlyList<string> Migrations { get; init; } = [];
    public IReadOnlyDictionary<string, long> RowCounts { get; init; } = new Dictionary<string, long>();
    public int BlobCount { get; init; }
    public long BlobBytes { get; init; }
    public IReadOnlyList<BlobEntry> Blobs { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static BackupManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Written to a temporary name and renamed: a manifest is either whole or absent.</summary>
    public void Write(string folder)
    {
        var temp = Path.Combine(folder, FileName + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, this, Json);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }
}

public sealed record BlobEntry(string Sha256, long Length);

/// <summary>What a backup or restore did, or why it stopped. <see cref="Problems"/> empty means success.</summary>
public sealed record BackupOutcome(BackupManifest? Manifest, IReadOnlyList<string> Problems)
{
    [JsonIgnore] public bool Succeeded => Problems.Count == 0;
    public static BackupOutcome Failed(params string[] problems) => new(null, problems);
}

/// <summary>Where the database and the evidence files are, and where pg_dump/pg_restore live.</summary>
public sealed record BackupTarget(Data.DatabaseProvider Provider, string ConnectionString, string StoragePath, string? PgBinDirectory);
