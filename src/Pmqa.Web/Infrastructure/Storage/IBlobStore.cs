namespace Pmqa.Web.Infrastructure.Storage;

/// <summary>A stored blob: its lower-case hex SHA-256 (its address) and length in bytes.</summary>
public sealed record BlobInfo(string Sha256, long Length);

/// <summary>A blob as the sweep sees it: when its bytes were last stored (written, or stored again as a copy).</summary>
public sealed record StoredBlob(string Sha256, long Length, DateTimeOffset LastStored);

/// <summary>
/// Content-addressed storage for uploaded files: the same bytes are stored once, under their SHA-256.
/// Content is always streamed, never held whole in memory. A blob is deleted only by the sweep
/// (<see cref="BlobSweep"/>, ADR 0040) once no row needs it and it has not been stored for a day: evidence,
/// removed evidence included, is always needed (the history refers to it); superseded open-data files and old
/// round report prints are not. The file system is the default; an object store (S3) can implement the same calls
/// (its own lifecycle rules could then replace the age check).
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads <paramref name="content"/> to its end, storing it under its SHA-256 unless those
    /// bytes are stored already (then it marks them stored now, so the sweep leaves them to the row about to
    /// point at them).</summary>
    Task<BlobInfo> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The blob's content to stream (dispose it), or null if there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct = default);

    /// <summary>Every blob, for the sweep: streamed, in no particular order.</summary>
    IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken ct = default);

    /// <summary>Deletes the blob unless it was stored at or after <paramref name="storedBefore"/> (a save of the same
    /// bytes racing the sweep wins: the blob stays). True when it was deleted.</summary>
    Task<bool> DeleteIfStoredBeforeAsync(string sha256, DateTimeOffset storedBefore, CancellationToken ct = default);
}
