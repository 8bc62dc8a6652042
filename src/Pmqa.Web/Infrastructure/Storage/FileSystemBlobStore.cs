using System.Security.Cryptography;

namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>
/// Blobs as files: <c>&lt;root&gt;/&lt;first two hex digits&gt;/&lt;sha256&gt;</c>. A new blob is written to
/// <c>&lt;root&gt;/tmp</c> while its hash is computed, then renamed into place (same volume, so the rename is
/// atomic and a reader never sees half a file).
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const int BufferSize = 81_920;
    private readonly string _root;
    private readonly string _temp;

    public FileSystemBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(_temp);
    }

    public string Root => _root;

    public async Task<BlobInfo> SaveAsync(Stream content, CancellationToken ct = default)
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
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            var target = PathOf(sha256);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temp, target, overwrite: false);
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
            File.Delete(temp);
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
