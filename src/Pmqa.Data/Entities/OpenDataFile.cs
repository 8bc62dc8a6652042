namespace Pmqa.Data.Entities;

/// <summary>
/// An open-data results file as last written (ADR 0037): its bytes are a blob in the evidence store under their
/// SHA-256 (shared by every instance), this row says which blob is the file and what it was made from. The file is
/// current while <see cref="SourceKey"/> equals the key made from the <see cref="OpenDataRevision"/>s it shows; else
/// it is written again. Not audited: it is derived from the published rows, which are.
/// </summary>
public sealed class OpenDataFile
{
    /// <summary>The file's name, e.g. "results-2568.csv", "results-all.json", "results-all.all-versions.csv".</summary>
    public string Name { get; set; } = "";
    /// <summary>The layout, public address and fiscal years' revisions the file was made from.</summary>
    public string SourceKey { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Length { get; set; }
    /// <summary>The Last-Modified the file is served with: the latest publication or withholding it reflects.</summary>
    public DateTimeOffset? LastModified { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
}

/// <summary>
/// A counter per fiscal year, raised by database triggers in the transaction of every insert, update or delete of
/// that year's published results or of a withholding of its rounds (ADR 0037), whoever makes it (the application,
/// SQL by hand, a restore): a stored file made from an older revision is stale.
/// </summary>
public sealed class OpenDataRevision
{
    public int FiscalYear { get; set; }
    public long Revision { get; set; }
}
