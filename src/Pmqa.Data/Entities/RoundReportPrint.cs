namespace Pmqa.Data.Entities;

/// <summary>
/// OPDC's "print every agency's report of this round" (ADR 0038): a background job, one row per agency in
/// <see cref="RoundReportPrintItem"/>. Audited when queued and when it ends; its lease and progress are written with
/// set-based updates (not audited: they are bookkeeping). <see cref="ZipSha256"/> is set only once the whole ZIP is in
/// the blob store, so a half ZIP is never offered.
/// </summary>
public sealed class RoundReportPrint : IAudited
{
    public const string Queued = "queued", Running = "running", Done = "done", Failed = "failed";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoundId { get; set; }
    public Guid RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary>"th" or "en": the reports are printed in the language of the person who asked.</summary>
    public string Language { get; set; } = "th";
    public string State { get; set; } = Queued;
    public int Total { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? ZipSha256 { get; set; }
    public long? ZipLength { get; set; }
    public string? Failure { get; set; }
    /// <summary>The instance running the job and until when: another instance takes over a lease that has run out
    /// (its holder stopped or died) and carries on from the reports already stored.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

/// <summary>One agency's report within a <see cref="RoundReportPrint"/>: its PDF's blob once printed.</summary>
public sealed class RoundReportPrintItem
{
    public Guid JobId { get; set; }
    public Guid AssessmentId { get; set; }
    /// <summary>The entry's name in the ZIP: organisation code and Thai name, sanitised.</summary>
    public string FileName { get; set; } = "";
    public string? PdfSha256 { get; set; }
}
