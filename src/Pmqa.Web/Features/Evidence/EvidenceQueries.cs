using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Evidence;

/// <summary>A file in an assessment's evidence, with the issues it supports.</summary>
public sealed record EvidenceItem(
    Guid Id, string FileName, string ContentType, long Length, string Sha256, DateTimeOffset UploadedAt, string UploadedBy,
    IReadOnlyList<string> IssueCodes);

/// <summary>A file to send: close <see cref="Content"/> when done (the HTTP result does).</summary>
public sealed record EvidenceDownload(Stream Content, string FileName, string ContentType, string Sha256);

public sealed class EvidenceQueries(PmqaDbContext db, AssessmentAccess access, IBlobStore blobs, ILogger<EvidenceQueries> log)
{
    /// <summary>The assessment's files that have not been removed, oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<EvidenceItem>>> ListAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok) return AssessmentAccess.Fail<IReadOnlyList<EvidenceItem>>(found);
        return await ItemsAsync(assessmentId, ct);
    }

    /// <summary>Reads without checking access: for callers that have just checked it.</summary>
    internal async Task<List<EvidenceItem>> ItemsAsync(Guid assessmentId, CancellationToken ct)
    {
        var rows = await db.Evidence.AsNoTracking().Include(e => e.Links)
            .Where(e => e.AssessmentId == assessmentId && e.RemovedAt == null)
            .ToListAsync(ct);
        return rows
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceItem(e.Id, e.FileName, e.ContentType, e.Length, e.Sha256, e.UploadedAt, e.UploadedBy,
                e.Links.Select(l => l.IssueCode).Order(IssueCodeOrder.Instance).ToList()))
            .ToList();
    }

    public async Task<Outcome<EvidenceDownload>> OpenAsync(Guid assessmentId, Guid evidenceId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok) return AssessmentAccess.Fail<EvidenceDownload>(found);
        var evidence = await db.Evidence.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == assessmentId && e.RemovedAt == null, ct);
        if (evidence is null) return new Outcome<EvidenceDownload>.NotFound();
        var content = await blobs.OpenReadAsync(evidence.Sha256, ct);
        if (content is null)
        {
            log.LogError("Evidence {EvidenceId} refers to blob {Sha256}, which the blob store does not have", evidence.Id, evidence.Sha256);
            return new Outcome<EvidenceDownload>.NotFound();
        }
        return new EvidenceDownload(content, evidence.FileName, evidence.ContentType, evidence.Sha256);
    }
}

/// <summary>Orders issue codes as people read them: 1.2 before 1.10.</summary>
public sealed class IssueCodeOrder : IComparer<string>
{
    public static readonly IssueCodeOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n) ? m.CompareTo(n) : string.CompareOrdinal(a[i], b[i]);
            if (order != 0) return order;
        }
        return a.Length.CompareTo(b.Length);
    }
}
