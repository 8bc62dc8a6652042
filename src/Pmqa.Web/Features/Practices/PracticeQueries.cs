using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Practices;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Practices;

/// <summary>An example in the library's list, with a passage around the words searched for.</summary>
public sealed record PracticeSummary(
    Guid Id, string IssueCode, string IssueNameTh, string IssueNameEn, string OrganizationNameTh, string OrganizationNameEn,
    int FiscalYear, string Level, DateTimeOffset? ApprovedAt, string Snippet, IReadOnlyList<string> Highlights)
{
    /// <summary>The passage in pieces, the matched words marked (pages show them with &lt;mark&gt;).</summary>
    [JsonIgnore] public IReadOnlyList<SnippetPart> Parts { get; init; } = [];
}

public sealed record PracticeExplanation(string Level, string Text);

public sealed record PracticeFile(Guid Id, string FileName, string ContentType, long Length);

/// <summary>One shared example. Status is pending, approved or declined; <see cref="Version"/> is its ETag.</summary>
public sealed record PracticeView(
    Guid Id, Guid AssessmentId, Guid OrganizationId, string OrganizationNameTh, string OrganizationNameEn, string IssueCode,
    string IssueNameTh, string IssueNameEn, int FiscalYear, string Level, string Status, IReadOnlyList<PracticeExplanation> Explanations,
    IReadOnlyList<PracticeFile> Evidence, DateTimeOffset SharedAt, string SharedBy, DateTimeOffset? DecidedAt, string DecidedBy,
    string DeclineReason, int Version)
{
    public string ETag => $"\"{Version}\"";
}

/// <summary>
/// Reads the library (ADR 0022). Approved examples are every signed-in user's to read; one that is pending or
/// declined is only its agency's and OPDC's (anyone else gets 404, as for any agency's data).
/// </summary>
public sealed class PracticeQueries(PmqaDbContext db, CurrentUser me, PracticeSearch search, IBlobStore blobs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] LevelOrder = ["Basic", "Advance", "Significance"];

    /// <summary>Approved examples, of one issue or all, holding every word of <paramref name="q"/> when given.</summary>
    public async Task<IReadOnlyList<PracticeSummary>> ListAsync(string? issue, string? q, CancellationToken ct = default)
    {
        issue = string.IsNullOrWhiteSpace(issue) ? null : issue.Trim();
        var approved = db.SharedPractices.AsNoTracking().Where(p => p.Status == PracticeStatus.Approved);
        List<Guid>? ranked = null;
        var words = new HashSet<string>();
        if (!string.IsNullOrWhiteSpace(q))
        {
            await EnsureIndexAsync(ct);
            ranked = [.. search.Search(q, issue)];
            words = [.. search.Words(q)];
            approved = approved.Where(p => ranked.Contains(p.Id)); // the database has the last word on what is approved
        }
        else if (issue is not null) approved = approved.Where(p => p.IssueCode == issue);
        var rows = await approved.Include(p => p.Organization).ToListAsync(ct);
        var ordered = ranked is null
            ? rows.OrderBy(r => r.IssueCode, IssueCodeOrder.Instance).ThenByDescending(r => r.FiscalYear).ThenBy(r => r.Organization!.NameTh, StringComparer.Ordinal)
            : rows.OrderBy(r => ranked.IndexOf(r.Id));
        return [.. ordered.Select(r =>
        {
            var parts = search.Snippet(TextOf(r), words);
            return new PracticeSummary(r.Id, r.IssueCode, r.IssueNameTh, r.IssueNameEn, r.Organization!.NameTh, r.Organization.NameEn,
                r.FiscalYear, r.Level, r.DecidedAt, string.Concat(parts.Select(p => p.Text)),
                [.. parts.Where(p => p.Hit).Select(p => p.Text).Distinct()]) { Parts = parts };
        })];
    }

    /// <summary>Examples waiting for OPDC, oldest first.</summary>
    public async Task<IReadOnlyList<PracticeView>> PendingAsync(CancellationToken ct = default)
    {
        var rows = await db.SharedPractices.AsNoTracking().Include(p => p.Organization)
            .Where(p => p.Status == PracticeStatus.Pending).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.SharedAt).Select(r => ToView(r, []))];
    }

    /// <summary>The examples an assessment shared, by issue code.</summary>
    public async Task<IReadOnlyDictionary<string, PracticeView>> OfAssessmentAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var rows = await db.SharedPractices.AsNoTracking().Include(p => p.Organization).Where(p => p.AssessmentId == assessmentId).ToListAsync(ct);
        return rows.ToDictionary(r => r.IssueCode, r => ToView(r, []));
    }

    public async Task<Outcome<PracticeView>> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.SharedPractices.AsNoTracking().Include(p => p.Organization).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null || !await MaySeeAsync(row)) return new Outcome<PracticeView>.NotFound();
        var ids = row.EvidenceIdList;
        var files = await db.Evidence.AsNoTracking().Where(e => e.AssessmentId == row.AssessmentId && ids.Contains(e.Id) && e.RemovedAt == null)
            .Select(e => new PracticeFile(e.Id, e.FileName, e.ContentType, e.Length)).ToListAsync(ct);
        return ToView(row, [.. files.OrderBy(f => f.FileName, StringComparer.Ordinal)]);
    }

    /// <summary>A file shared with an example: readable exactly when the example is (approved: every signed-in user).</summary>
    public async Task<Outcome<EvidenceDownload>> OpenFileAsync(Guid id, Guid evidenceId, CancellationToken ct = default)
    {
        var row = await db.SharedPractices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null || !row.EvidenceIdList.Contains(evidenceId) || !await MaySeeAsync(row)) return new Outcome<EvidenceDownload>.NotFound();
        var evidence = await db.Evidence.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.AssessmentId == row.AssessmentId && e.RemovedAt == null, ct);
        if (evidence is null || await blobs.OpenReadAsync(evidence.Sha256, ct) is not { } content) return new Outcome<EvidenceDownload>.NotFound();
        return new EvidenceDownload(content, evidence.FileName, evidence.ContentType, evidence.Sha256);
    }

    private async Task<bool> MaySeeAsync(SharedPractice row) =>
        row.Status == PracticeStatus.Approved || await me.CanSeeOrganizationAsync(row.OrganizationId);

    /// <summary>Rebuilds the in-memory index when the approved set changed since it was built (count and last decision).</summary>
    private async Task EnsureIndexAsync(CancellationToken ct)
    {
        var approved = db.SharedPractices.AsNoTracking().Where(p => p.Status == PracticeStatus.Approved);
        var stamp = $"{await approved.CountAsync(ct)}:{(await approved.MaxAsync(p => p.DecidedAt, ct))?.UtcTicks}";
        await search.EnsureAsync(stamp, async () => [.. (await approved.ToListAsync(ct)).Select(r => new IndexedPractice(r.Id, r.IssueCode, TextOf(r)))]);
    }

    public static IReadOnlyList<PracticeExplanation> Explanations(string json) =>
        [.. (JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [])
            .Where(e => !string.IsNullOrWhiteSpace(e.Value))
            .OrderBy(e => Array.IndexOf(LevelOrder, e.Key))
            .Select(e => new PracticeExplanation(e.Key, e.Value))];

    private static string TextOf(SharedPractice row) => string.Join("\n", Explanations(row.ExplanationsJson).Select(e => e.Text));

    private static PracticeView ToView(SharedPractice r, IReadOnlyList<PracticeFile> files) => new(
        r.Id, r.AssessmentId, r.OrganizationId, r.Organization?.NameTh ?? "", r.Organization?.NameEn ?? "", r.IssueCode, r.IssueNameTh,
        r.IssueNameEn, r.FiscalYear, r.Level, r.Status.ToString().ToLowerInvariant(), Explanations(r.ExplanationsJson), files, r.SharedAt,
        r.SharedBy, r.DecidedAt, r.DecidedBy, r.DeclineReason, r.Version);
}
