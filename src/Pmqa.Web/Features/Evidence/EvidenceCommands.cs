using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;
using EvidenceFile = Pmqa.Data.Entities.Evidence;

namespace Pmqa.Web.Features.Evidence;

/// <summary>What an upload answers: the stored file, and whether those bytes were already in the assessment's
/// evidence (then that file is answered, and linked to any issues named).</summary>
public sealed record UploadedEvidence(Guid Id, string Sha256, string FileName, string ContentType, long Length)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AlreadyThere { get; init; }
}

/// <summary>
/// Uploading, linking and removing evidence. Only the agency's coordinator and category owners change it, and
/// only while the assessment is a draft; another agency's assessment or file is "not found". Every change is
/// an audited row: removing a file only marks it removed, so the history keeps it (its bytes stay stored).
/// </summary>
public sealed class EvidenceCommands(
    PmqaDbContext db, AssessmentAccess access, FrameworkCatalog catalog, IBlobStore blobs, IOptions<EvidenceOptions> options,
    TimeProvider clock, CurrentUser me, CategoryAssignments assignments)
{
    public long MaxBytes => options.Value.MaxBytes;

    public long RequestLimit => options.Value.RequestLimit;

    /// <summary>The assessment, if the caller may change its evidence now: "not found", a refusal, or 409 once submitted.</summary>
    public async Task<Outcome<Assessment>> EditableAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.Edit, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return found;
        return assessment.State.IsEditable() ? assessment : new Outcome<Assessment>.Conflict(Submitted);
    }

    public async Task<Outcome<UploadedEvidence>> UploadAsync(Guid assessmentId, IFormFile? file, IEnumerable<string>? issueCodes, CancellationToken ct = default)
    {
        var editable = await EditableAsync(assessmentId, ct);
        if (editable is not Outcome<Assessment>.Ok { Value: var assessment }) return Fail<UploadedEvidence>(editable);
        var codes = (issueCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (!await MayEditIssuesAsync(assessment, codes, ct)) return new Outcome<UploadedEvidence>.Forbidden(NotYourCategory);
        return await UploadToAsync(assessment, file, codes, ct);
    }

    /// <summary>Stores a file in an assessment whose access the caller has already checked, whatever its state
    /// (an agency's answer to a reviewer's clarification question arrives while the assessment is under review).</summary>
    internal async Task<Outcome<UploadedEvidence>> UploadToAsync(Assessment assessment, IFormFile? file, IEnumerable<string>? issueCodes, CancellationToken ct)
    {
        var assessmentId = assessment.Id;
        var errors = new ValidationErrors();
        if (file is null) errors.Add("file", "กรุณาเลือกไฟล์หลักฐาน", "Choose a file.");
        else if (file.Length == 0)
            errors.Add("file", $"ไฟล์ {EvidenceText.SafeFileName(file.FileName)} ว่างเปล่า (0 ไบต์) กรุณาตรวจสอบว่าบันทึกไฟล์เสร็จแล้วจึงส่งอีกครั้ง",
                $"{EvidenceText.SafeFileName(file.FileName)} is empty (0 bytes). Check that the file was saved completely and upload it again.");
        else if (file.Length > MaxBytes) errors.Add("file", TooLarge(MaxBytes).Th, TooLarge(MaxBytes).En);
        var pack = await PackOf(assessment, ct);
        var codes = (issueCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        foreach (var unknown in codes.Where(c => pack.FindIssue(c) is null))
            errors.Add("issueCodes", $"ไม่มีประเด็น {unknown} ในเกณฑ์ของการประเมินนี้", $"This assessment's framework has no issue {unknown}.");
        if (errors.Any) return errors;

        await using var upload = file!.OpenReadStream();
        // ASP.NET buffers an uploaded file (to disk above 64 KB), so it can be read twice; anything else is
        // copied to a temporary file first, never into memory.
        await using var content = upload.CanSeek ? upload : await TemporaryCopyAsync(upload, ct);
        switch (await ContentSniffer.DetectAsync(content, ct))
        {
            case SniffResult.Accepted { Kind: var kind }:
                var blob = await blobs.SaveAsync(content, ct);
                return await SaveAsync(assessmentId, kind, EvidenceText.SafeFileName(file.FileName), blob, codes, ct);
            case SniffResult.OfficeWithMacros:
                return errors.Add("file", "ไม่รับไฟล์ Office ที่มีมาโคร กรุณาบันทึกเป็น .docx, .xlsx หรือ .pptx แบบไม่มีมาโครแล้วส่งอีกครั้ง",
                    "Office files with macros are not accepted. Save it as a .docx, .xlsx or .pptx without macros and upload it again.");
            case SniffResult.OfficeTooExpanded:
                return errors.Add("file",
                    $"ไม่รับไฟล์ Office ที่ขยายแล้วมีขนาดเกิน {EvidenceText.Size(ZipBomb.MaxUncompressedBytes)} หรือบีบอัดไว้เกิน {ZipBomb.MaxRatio} เท่า ซึ่งเอกสารจริงไม่เป็นเช่นนั้น กรุณาบันทึกเอกสารใหม่แล้วส่งอีกครั้ง",
                    $"Office files that inflate beyond {EvidenceText.Size(ZipBomb.MaxUncompressedBytes)} or more than {ZipBomb.MaxRatio} times are refused: no real document does. Save the document again and upload it.");
            default:
                return errors.Add("file", UnknownType.Th, UnknownType.En);
        }
    }

    private async Task<Outcome<UploadedEvidence>> SaveAsync(Guid assessmentId, FileKind kind, string fileName, BlobInfo blob,
        List<string> codes, CancellationToken ct)
    {
        // Two uploads of the same bytes at the same moment both find no file and both add one; the unique
        // index on (assessment, bytes) lets one win, and the other, on its second pass, finds the winner's
        // file and answers it (linking its issues to it), as a later upload would.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(assessmentId, kind, fileName, blob, codes, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && Infrastructure.Data.DatabaseErrors.IsUniqueViolation(e))
            {
                // Forget only this attempt's new rows; whatever the caller tracks stays tracked.
                foreach (var added in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added).ToList()) added.State = EntityState.Detached;
            }
        }
    }

    private async Task<Outcome<UploadedEvidence>> SaveOnceAsync(Guid assessmentId, FileKind kind, string fileName, BlobInfo blob,
        List<string> codes, CancellationToken ct)
    {
        // The same bytes twice in one assessment are one file: the second upload links the first to its issues.
        var evidence = await db.Evidence.Include(e => e.Links)
            .FirstOrDefaultAsync(e => e.AssessmentId == assessmentId && e.Sha256 == blob.Sha256 && e.RemovedAt == null, ct);
        var alreadyThere = evidence is not null;
        if (evidence is null)
        {
            evidence = new EvidenceFile
            {
                AssessmentId = assessmentId, Sha256 = blob.Sha256, FileName = kind.NameFor(fileName), ContentType = kind.ContentType,
                Length = blob.Length, UploadedAt = clock.GetUtcNow(), UploadedBy = me.Name,
            };
            db.Evidence.Add(evidence);
        }
        // Added explicitly: a new row with its key already set, reached through a tracked parent, would be taken for an update.
        foreach (var code in codes.Where(c => evidence.Links.All(l => l.IssueCode != c)))
            db.EvidenceLinks.Add(new EvidenceLink { EvidenceId = evidence.Id, IssueCode = code });
        await db.SaveChangesAsync(ct);
        return new UploadedEvidence(evidence.Id, evidence.Sha256, evidence.FileName, evidence.ContentType, evidence.Length) { AlreadyThere = alreadyThere };
    }

    /// <summary>Makes the file support the issue (nothing changes if it already does).</summary>
    public async Task<Outcome<bool>> LinkAsync(Guid assessmentId, Guid evidenceId, string issueCode, CancellationToken ct = default)
    {
        var target = await FindAsync(assessmentId, evidenceId, issueCode, ct);
        if (target is not Outcome<EvidenceFile>.Ok { Value: var evidence }) return Fail<bool>(target);
        if (evidence.Links.All(l => l.IssueCode != issueCode))
        {
            db.EvidenceLinks.Add(new EvidenceLink { EvidenceId = evidence.Id, IssueCode = issueCode });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Infrastructure.Data.DatabaseErrors.IsConflict(e))
            {
                // Linked by someone else at the same moment (the unique index): the outcome is the one asked for.
            }
        }
        return true;
    }

    /// <summary>The file no longer supports the issue (nothing changes if it did not).</summary>
    public async Task<Outcome<bool>> UnlinkAsync(Guid assessmentId, Guid evidenceId, string issueCode, CancellationToken ct = default)
    {
        var target = await FindAsync(assessmentId, evidenceId, issueCode, ct);
        if (target is not Outcome<EvidenceFile>.Ok { Value: var evidence }) return Fail<bool>(target);
        if (evidence.Links.FirstOrDefault(l => l.IssueCode == issueCode) is { } link)
        {
            db.EvidenceLinks.Remove(link);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>Takes the file out of the assessment. The row stays (marked removed) and so does the blob, so
    /// the audit trail and any later inquiry can still tell what was there.</summary>
    public async Task<Outcome<bool>> RemoveAsync(Guid assessmentId, Guid evidenceId, CancellationToken ct = default)
    {
        var target = await FindAsync(assessmentId, evidenceId, issueCode: null, ct);
        if (target is not Outcome<EvidenceFile>.Ok { Value: var evidence }) return Fail<bool>(target);
        evidence.RemovedAt = clock.GetUtcNow();
        evidence.RemovedBy = me.Name;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The file, if the caller may change it: a link to <paramref name="issueCode"/> needs that issue's
    /// category; removing the file (no issue code) needs the category of every issue it supports. Evidence
    /// follows the same rule as answers: a category owner works only in the categories given to them.</summary>
    private async Task<Outcome<EvidenceFile>> FindAsync(Guid assessmentId, Guid evidenceId, string? issueCode, CancellationToken ct)
    {
        var editable = await EditableAsync(assessmentId, ct);
        if (editable is not Outcome<Assessment>.Ok { Value: var assessment }) return Fail<EvidenceFile>(editable);
        if (issueCode is not null && (await PackOf(assessment, ct)).FindIssue(issueCode) is null) return new Outcome<EvidenceFile>.NotFound();
        var evidence = await db.Evidence.Include(e => e.Links)
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == assessmentId && e.RemovedAt == null, ct);
        if (evidence is null) return new Outcome<EvidenceFile>.NotFound();
        var touched = issueCode is not null ? [issueCode] : evidence.Links.Select(l => l.IssueCode).ToList();
        return await MayEditIssuesAsync(assessment, touched, ct) ? evidence : new Outcome<EvidenceFile>.Forbidden(NotYourCategory);
    }

    /// <summary>Whether the caller may edit every one of these issues' categories (unknown codes are left to validation).</summary>
    private async Task<bool> MayEditIssuesAsync(Assessment assessment, IReadOnlyCollection<string> issueCodes, CancellationToken ct)
    {
        if (issueCodes.Count == 0) return true;
        var pack = await PackOf(assessment, ct);
        var categories = issueCodes.Select(pack.FindIssue).OfType<Issue>().Select(i => pack.CategoryOf(i).Code).Distinct();
        foreach (var category in categories)
            if (!await assignments.MayEditAsync(assessment, category, ct)) return false;
        return true;
    }

    public static readonly Msg NotYourCategory = new(
        "หลักฐานนี้เกี่ยวกับหมวดที่ยังไม่ได้มอบหมายให้คุณ ผู้ประสานงานมอบหมายหมวดได้ที่หน้าการประเมิน",
        "This evidence concerns a category not assigned to you; the coordinator assigns categories on the assessment's page.");

    private Task<FrameworkPack> PackOf(Assessment assessment, CancellationToken ct) => catalog.PackOfAsync(assessment, ct);

    private static async Task<Stream> TemporaryCopyAsync(Stream source, CancellationToken ct)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await source.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    private static Outcome<T> Fail<T>(Outcome<Assessment> failed) =>
        failed is Outcome<Assessment>.Conflict c ? new Outcome<T>.Conflict(c.Message) : AssessmentAccess.Fail<T>(failed);

    private static Outcome<T> Fail<T>(Outcome<EvidenceFile> failed) => failed switch
    {
        Outcome<EvidenceFile>.Conflict c => new Outcome<T>.Conflict(c.Message),
        Outcome<EvidenceFile>.Forbidden f => new Outcome<T>.Forbidden(f.Message),
        _ => new Outcome<T>.NotFound(),
    };

    public static readonly Msg Submitted = new("การประเมินนี้ส่งแล้ว จึงเปลี่ยนหลักฐานไม่ได้ จนกว่าสำนักงาน ก.พ.ร. จะเปิดให้แก้ไข",
        "This assessment has been submitted; its evidence cannot change unless OPDC reopens it.");

    public static readonly Msg UnknownType = new(
        "รับเฉพาะไฟล์ PDF รูปภาพ (PNG, JPEG, GIF, WebP) และเอกสาร Word, Excel, PowerPoint ระบบตรวจชนิดจากเนื้อหาของไฟล์ ไม่ใช่จากชื่อไฟล์",
        "Only PDF files, images (PNG, JPEG, GIF, WebP) and Word, Excel or PowerPoint documents are accepted. The type is checked from the file's content, not its name.");

    public static Msg TooLarge(long maxBytes) => new(
        $"ไฟล์ใหญ่เกินกำหนด ไฟล์หลักฐานแต่ละไฟล์ต้องไม่เกิน {EvidenceText.Size(maxBytes)}",
        $"The file is too large: each evidence file may be at most {EvidenceText.Size(maxBytes)}.");
}
