using System.Security.Cryptography;
using Pmqa.Web.Infrastructure.Storage;

namespace Pmqa.Web.Infrastructure.Backup;

/// <summary>
/// The evidence files of a blob store folder (<c>&lt;root&gt;/&lt;2 hex&gt;/&lt;sha256&gt;</c>, ADR 0006), copied
/// with their hashes checked: the name of a blob is the SHA-256 of its bytes, so a copy whose bytes hash to
/// anything else is damaged and is never put in place.
/// </summary>
public static class BlobFolder
{
    /// <summary>Every blob file under <paramref name="root"/> (the <c>tmp</c> folder of uploads in progress is not one).</summary>
    public static IEnumerable<string> List(string root)
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var prefix = Path.GetFileName(folder);
            if (prefix.Length != 2) continue;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(file);
                if (FileSystemBlobStore.IsSha256(name) && name.StartsWith(prefix, StringComparison.Ordinal)) yield return name;
            }
        }
    }

    public static string PathOf(string root, string sha256) => Path.Combine(root, sha256[..2], sha256);

    /// <summary>Copies one blob, hashing as it goes; the copy is renamed into place only when its hash is its name.
    /// Returns its length, or null when the source is missing or damaged (nothing is left behind then).</summary>
    public static async Task<long?> CopyCheckedAsync(string fromRoot, string toRoot, string sha256, CancellationToken ct = default)
    {
        var source = PathOf(fromRoot, sha256);
        if (!File.Exists(source)) return null;
        var target = PathOf(toRoot, sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + ".partial";
        long length = 0;
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan))
            await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81_920))
            {
                var buffer = new byte[81_920];
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                    length += read;
                }
                output.Flush(flushToDisk: true);
            }
            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != sha256)
            {
                File.Delete(temp);
                return null;
            }
        }
        File.Move(temp, target, overwrite: true);
        return length;
    }

    /// <summary>The SHA-256 of a stored blob's bytes, or null when it is missing.</summary>
    public static async Task<string?> HashAsync(string root, string sha256, CancellationToken ct = default)
    {
        var path = PathOf(root, sha256);
        if (!File.Exists(path)) return null;
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(input, ct));
    }
}
