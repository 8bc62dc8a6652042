using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports.RoundPrints;

/// <summary>A round's report-printing job as the page and the API show it. <see cref="DownloadUrl"/> is there only
/// when the whole ZIP is stored.</summary>
public sealed record RoundReportPrintView(Guid Id, Guid RoundId, string State, int Total, int Printed, DateTimeOffset RequestedAt,
    string RequestedBy, DateTimeOffset? FinishedAt, long? ZipLength, string? Failure, string? DownloadUrl)
{
    public bool Active => State is RoundReportPrint.Queued or RoundReportPrint.Running;

    /// <summary>As the API answers it: the ZIP's address is the API's (a bearer token opens it), not the page's.</summary>
    public RoundReportPrintView ForApi() => this with { DownloadUrl = DownloadUrl is null ? null : "/api/v1" + DownloadUrl };
}

/// <summary>
/// OPDC queues "print every agency's report of this round" (ADR 0038) and follows it: one job per round at a time (asking
/// again while one runs answers that job), the agencies that have submitted, each report's ZIP entry named by its
/// organisation's code and Thai name. The printing itself is <see cref="RoundReportPrinter"/>'s.
/// </summary>
public sealed class RoundReportPrints(PmqaDbContext db, CurrentUser me, TimeProvider clock, RoundReportPrintSignal signal, IBlobStore blobs)
{
    public static readonly Msg NothingSubmitted = new("ยังไม่มีหน่วยงานใดส่งแบบประเมินในรอบนี้ จึงยังไม่มีรายงานให้พิมพ์",
        "No agency has submitted in this round yet, so there is no report to print.");

    public async Task<Outcome<RoundReportPrintView>> StartAsync(Guid roundId, CancellationToken ct = default)
    {
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, ct)) return new Outcome<RoundReportPrintView>.NotFound();
        if (await ActiveAsync(roundId, ct) is { } running) return await ViewAsync(running, ct);
        // Submitted means approved by the executive and sent (or beyond): a draft sent back keeps its SubmittedAt.
        var agencies = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId && AssessmentStates.SubmittedOrBeyond.Contains(a.State))
            .OrderBy(a => a.Organization!.Code).Select(a => new { a.Id, a.Organization!.Code, a.Organization.NameTh }).ToListAsync(ct);
        if (agencies.Count == 0) return new Outcome<RoundReportPrintView>.Conflict(NothingSubmitted);

        var job = new RoundReportPrint
        {
            RoundId = roundId, RequestedById = me.Id ?? Guid.Empty, RequestedByName = me.Name, RequestedAt = clock.GetUtcNow(),
            Language = Bilingual.IsThai ? "th" : "en", Total = agencies.Count,
        };
        db.RoundReportPrints.Add(job);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in agencies)
            db.RoundReportPrintItems.Add(new RoundReportPrintItem { JobId = job.Id, AssessmentId = a.Id, FileName = ZipEntryName.Unique(a.Code, a.NameTh, names) });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Asked twice at once (a double click, or two instances): the unique index on the round's active job let the
            // first one in; this request answers that job.
            db.ChangeTracker.Clear();
            if (await ActiveAsync(roundId, ct) is not { } first) throw;
            return await ViewAsync(first, ct);
        }
        signal.Wake();
        return await ViewAsync(job, ct);
    }

    /// <summary>The round's newest job, or null (none yet, or no such round).</summary>
    public async Task<RoundReportPrintView?> LatestAsync(Guid roundId, CancellationToken ct = default) =>
        await db.RoundReportPrints.AsNoTracking().Where(j => j.RoundId == roundId).OrderByDescending(j => j.RequestedAt).FirstOrDefaultAsync(ct) is { } job
            ? await ViewAsync(job, ct) : null;

    /// <summary>The finished job's ZIP to stream, with its download name; null while it is not done (or not this round's).</summary>
    public async Task<(Stream Content, string FileName)?> OpenZipAsync(Guid roundId, Guid jobId, CancellationToken ct = default)
    {
        var job = await db.RoundReportPrints.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.RoundId == roundId, ct);
        if (job is not { State: RoundReportPrint.Done, ZipSha256: { } sha }) return null;
        var year = await db.Rounds.Where(r => r.Id == roundId).Select(r => r.FiscalYear).FirstAsync(ct);
        return await blobs.OpenReadAsync(sha, ct) is { } stream ? (stream, $"pmqa-reports-{year}.zip") : null;
    }

    private Task<RoundReportPrint?> ActiveAsync(Guid roundId, CancellationToken ct) =>
        db.RoundReportPrints.AsNoTracking().Where(j => j.RoundId == roundId && (j.State == RoundReportPrint.Queued || j.State == RoundReportPrint.Running))
            .OrderByDescending(j => j.RequestedAt).FirstOrDefaultAsync(ct);

    private async Task<RoundReportPrintView> ViewAsync(RoundReportPrint job, CancellationToken ct)
    {
        var printed = job.State == RoundReportPrint.Done ? job.Total
            : await db.RoundReportPrintItems.CountAsync(i => i.JobId == job.Id && i.PdfSha256 != null, ct);
        return new RoundReportPrintView(job.Id, job.RoundId, job.State, job.Total, printed, job.RequestedAt, job.RequestedByName, job.FinishedAt,
            job.ZipLength, job.Failure, job.State == RoundReportPrint.Done ? DownloadPath(job.RoundId, job.Id) : null);
    }

    public static string DownloadPath(Guid roundId, Guid jobId) => $"/rounds/{roundId}/report-prints/{jobId}/reports.zip";
}

/// <summary>ZIP entry names: "<c>code</c> <c>Thai name</c>.pdf", with what a file system refuses (separators, control
/// characters, reserved punctuation) replaced, so that every operating system unpacks them as they are.</summary>
public static class ZipEntryName
{
    private const int MaxLength = 120;

    public static string For(string code, string nameTh)
    {
        var text = new StringBuilder();
        foreach (var c in $"{code} {nameTh}".Normalize(NormalizationForm.FormC))
            text.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        var name = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (name.Length > MaxLength) name = name[..MaxLength].TrimEnd('.', ' ');
        return (name.Length == 0 ? "report" : name) + ".pdf";
    }

    /// <summary>As <see cref="For"/>, numbered when the name is taken already (two organisations may sanitise alike).</summary>
    public static string Unique(string code, string nameTh, ISet<string> taken)
    {
        var name = For(code, nameTh);
        for (var n = 2; !taken.Add(name); n++) name = $"{For(code, nameTh)[..^4]} ({n}).pdf";
        return name;
    }
}
