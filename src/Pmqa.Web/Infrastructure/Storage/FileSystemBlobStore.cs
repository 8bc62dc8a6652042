using System.Security.Cryptography;

namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>
/// Blobs as files: <c>&lt;root&gt;/&lt;first two hex digits&gt;/&lt;sha256&gt;</c>. A new blob is written to
/// <c>&lt;root&gt;/tmp</c> while its hash is computed, then renamed into place (same volume, so the rename is
/// atomic and a reader never sees half a file). The file and then its folder are flushed to the disk before
/// <see cref="SaveAsync"/> returns, so the database row that points at the blob (committed afterwards) never
/// outlives the blob in a power loss. Temporary files left by a process killed mid-write are removed on start.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 81_920;
    private readonly string _root;
    private readonly string _temp;

    public FileSystemBlobStore(string root, TimeProvider? clock = null)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
        RemoveLeftovers((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
    }

    /// <summary>How old a temporary file must be to count as left behind: another instance sharing the folder
    /// may be writing a younger one right now.</summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    private void RemoveLeftovers(DateTime now)
    {
        var before = now - LeftoverAge;
        foreach (var file in new DirectoryInfo(_temp).EnumerateFiles())
        {
            try
            {
                if (file.LastWriteTimeUtc < before) file.Delete();
            }
            catch (IOException)
            {
                // In use or already gone: the next start tries again.
            }
        }
    }

    public string Root => _root;

    public async Task<BlobInfo> SaveAsync(Stream content, CancellationToken ct = default)
    {
        try
        {
            return await WriteAsync(content, ct);
        }
        catch (Exception e) when (BlobStoreUnavailableException.IsStoreFailure(e))
        {
            // Disk full (ENOSPC), read-only folder (EACCES/EROFS): the caller answers "try again later", no row is written.
            throw new BlobStoreUnavailableException(e);
        }
    }

    private async Task<BlobInfo> WriteAsync(Stream content, CancellationToken ct)
    {
        var temp = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            string sha256;
            long length = 0;
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    length += read;
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true); // fsync: the bytes are on the disk before the name is
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var target = PathOf(sha256);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temp, target, overwrite: false);
                    Durable.FlushDirectory(Path.GetDirectoryName(target)!); // the rename itself survives a power loss
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Someone stored the same bytes at the same moment: theirs is identical.
                }
            }
            return new BlobInfo(sha256, length);
        }
        finally
        {
            try
            {
                File.Delete(temp); // a partly written file of a full disk goes at once, freeing its space
            }
            catch (Exception e) when (BlobStoreUnavailableException.IsStoreFailure(e))
            {
                // Read-only folder: nothing could be written there either; the start-up sweep removes any leftover.
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct = default)
    {
        if (!IsSha256(sha256)) return Task.FromResult<Stream?>(null);
        var path = PathOf(sha256);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult<Stream?>(stream);
    }

    /// <summary>Only 64 lower-case hex digits ever become a path, so no name can escape the root.</summary>
    public static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256);
}

/// <summary>fsync of a folder, which .NET has no API for: after a rename, the folder's entry must reach the disk
/// too. POSIX only; on Windows NTFS journals the rename and nothing is needed.</summary>
internal static partial class Durable
{
    public static void FlushDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, 0 /* O_RDONLY */);
        if (fd < 0) return; // best effort: the file itself is already flushed
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int fd);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
