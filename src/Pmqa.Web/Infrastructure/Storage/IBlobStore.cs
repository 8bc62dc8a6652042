namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>A stored blob: its lower-case hex SHA-256 (its address) and length in bytes.</summary>
public sealed record BlobInfo(string Sha256, long Length);

/// <summary>
/// Content-addressed storage for uploaded files: the same bytes are stored once, under their SHA-256.
/// Content is always streamed, never held whole in memory. Blobs are never deleted here: the history
/// (removed evidence, the audit trail) may still refer to them. The file system is the default; an
/// object store (S3) can implement the same two calls.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads <paramref name="content"/> to its end, storing it under its SHA-256 unless those
    /// bytes are stored already.</summary>
    Task<BlobInfo> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The blob's content to stream (dispose it), or null if there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct = default);
}
