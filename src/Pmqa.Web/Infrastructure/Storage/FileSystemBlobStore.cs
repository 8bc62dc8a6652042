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
    private readonly TimeProvider _clock;

    public FileSystemBlobStore(string root, TimeProvider? clock = null)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        _clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(_temp);
        RemoveLeftovers(_clock.GetUtcNow().UtcDateTime);
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
                if (file.Name.EndsWith(".swept", StringComparison.Ordinal)) PutBack(file);
                else if (file.LastWriteTimeUtc < before) file.Delete();
            }
            catch (IOException)
            {
                // In use or already gone: the next start tries again.
            }
        }
    }

    /// <summary>A blob a sweep had moved aside when its process died: put back (it is swept again if no row needs it),
    /// since the process may have died just before putting back one that a save had marked stored.</summary>
    private void PutBack(FileInfo swept)
    {
        var sha256 = swept.Name[..swept.Name.IndexOf('.')];
        if (!IsSha256(sha256) || File.Exists(PathOf(sha256)))
        {
            swept.Delete();
            return;
        }
        var path = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        swept.MoveTo(path);
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
            if (!MarkStored(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temp, target, overwrite: false);
                    Durable.FlushDirectory(Path.GetDirectoryName(target)!); // the rename itself survives a power loss
                    MarkStored(target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Someone stored the same bytes at the same moment: theirs is identical.
                    MarkStored(target);
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

    /// <summary>The blob's time of last storing is its file's modification time, set from the clock (so that a test's
    /// clock and the sweep's agree). False when there is no such blob (never stored, or just swept).</summary>
    private bool MarkStored(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, _clock.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield(); // the folder walk runs off the caller's thread
        foreach (var sha256 in Backup.BlobFolder.List(_root))
        {
            ct.ThrowIfCancellationRequested();
            var file = new FileInfo(PathOf(sha256));
            if (file.Exists) yield return new StoredBlob(sha256, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
        }
    }

    /// <summary>
    /// The blob is first moved aside into <c>tmp</c>, then its time is read again: a save of the same bytes either
    /// marked it stored before the move (the time shows it: it is moved back) or finds no blob after the move and
    /// writes its own copy. Either way the row that save is about to write points at a blob that is there.
    /// </summary>
    public Task<bool> DeleteIfStoredBeforeAsync(string sha256, DateTimeOffset storedBefore, CancellationToken ct = default)
    {
        if (!IsSha256(sha256)) return Task.FromResult(false);
        var path = PathOf(sha256);
        var before = storedBefore.UtcDateTime;
        var file = new FileInfo(path);
        if (!file.Exists || file.LastWriteTimeUtc >= before) return Task.FromResult(false);
        var aside = Path.Combine(_temp, $"{sha256}.{Guid.NewGuid():N}.swept");
        try
        {
            File.Move(path, aside);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult(false); // another instance's sweep took it
        }
        if (File.GetLastWriteTimeUtc(aside) >= before)
        {
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(aside); // a save wrote the same bytes again meanwhile
            }
            return Task.FromResult(false);
        }
        File.Delete(aside);
        return Task.FromResult(true);
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
