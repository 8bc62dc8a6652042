using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Assessments;

namespace Pmqa.Web.Features.OpenData;

/// <summary>A published result as the open data shows it: exactly the dictionary's fields (DataDictionary).</summary>
public sealed record PublicResult(
    int FiscalYear, string OrganizationCode, string OrganizationNameTh, string OrganizationNameEn, string OrganizationType,
    string GroupCode, string GroupNameTh, string GroupNameEn, decimal VerifiedTotal, IReadOnlyList<CodeScore> Categories,
    string StatusBand, string SiteVisitOutcome, bool Certified, string CertificateNumber, DateOnly? CertificateValidUntil,
    Guid? CertificateId, int PublishedVersion, DateTimeOffset PublishedAt, string CorrectionNote, bool Current);

/// <summary>
/// Reads the open data: only published rows, never a withheld one (its withholding may come after publication),
/// nothing from the assessments themselves. Every file, page and feed of the open data reads through here.
/// </summary>
public sealed class OpenDataQueries(PmqaDbContext db)
{
    /// <summary>The current published results (of one fiscal year, or all), or every version when asked.</summary>
    public async Task<List<PublicResult>> ResultsAsync(int? fiscalYear = null, bool allVersions = false, CancellationToken ct = default)
    {
        var rows = await Visible(fiscalYear, allVersions).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.FiscalYear).ThenBy(r => r.OrganizationCode, StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(r => r.VersionNumber).Select(ToPublic)];
    }

    /// <summary>One organisation's published history, newest fiscal year first (every version).</summary>
    public async Task<List<PublicResult>> HistoryAsync(string organizationCode, CancellationToken ct = default)
    {
        var key = Organization.KeyOf(organizationCode);
        var rows = await Visible(null, true).Where(p => p.OrganizationCode.ToLower() == key).AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.VersionNumber).Select(ToPublic)];
    }

    /// <summary>The fiscal years with published results, newest first.</summary>
    public Task<List<int>> FiscalYearsAsync(CancellationToken ct = default) =>
        Visible(null, false).Select(p => p.FiscalYear).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    /// <summary>When the open data last changed: the latest publication or withholding (a withholding removes rows).
    /// The newest row of each, not every row's date (45,000 rows at stress scale).</summary>
    public async Task<DateTimeOffset?> LastModifiedAsync(int? fiscalYear = null, CancellationToken ct = default)
    {
        var published = await db.PublishedResults.Where(p => fiscalYear == null || p.FiscalYear == fiscalYear)
            .OrderByDescending(p => p.PublishedAt).Select(p => (DateTimeOffset?)p.PublishedAt).FirstOrDefaultAsync(ct);
        var withheld = await db.ResultWithholdings.OrderByDescending(w => w.WithheldAt).Select(w => (DateTimeOffset?)w.WithheldAt).FirstOrDefaultAsync(ct);
        var last = published > withheld || withheld is null ? published : withheld;
        return last;
    }

    /// <summary>Each fiscal year with visible results (any version), newest first, with its first and last publication.</summary>
    public async Task<List<DcatCatalog.YearInfo>> PublicationSpansAsync(CancellationToken ct = default)
    {
        // One grouped query (ADR 0037), not two per year.
        var spans = await Visible(null, true).GroupBy(p => p.FiscalYear)
            .Select(g => new { Year = g.Key, First = g.Min(p => p.PublishedAt), Last = g.Max(p => p.PublishedAt) })
            .ToListAsync(ct);
        return [.. spans.OrderByDescending(s => s.Year).Select(s => new DcatCatalog.YearInfo(s.Year, s.First, s.Last))];
    }

    /// <summary>The fiscal years with published rows (current or not, withheld or not), newest first: the batches in
    /// which a file of every year is read, so that no more than one year's rows are in memory at once.</summary>
    public Task<List<int>> YearsWithRowsAsync(int? fiscalYear, CancellationToken ct = default) =>
        db.PublishedResults.Where(p => fiscalYear == null || p.FiscalYear == fiscalYear).Select(p => p.FiscalYear).Distinct()
            .OrderByDescending(y => y).ToListAsync(ct);

    private IQueryable<PublishedResult> Visible(int? fiscalYear, bool allVersions) =>
        db.PublishedResults.Where(p => (allVersions || p.IsCurrent) && (fiscalYear == null || p.FiscalYear == fiscalYear)
            && !db.ResultWithholdings.Any(w => w.RoundId == p.RoundId && w.OrganizationId == p.OrganizationId));

    private static PublicResult ToPublic(PublishedResult p) => new(
        p.FiscalYear, p.OrganizationCode, p.NameTh, p.NameEn, p.OrganizationType, p.GroupCode, p.GroupNameTh, p.GroupNameEn,
        p.VerifiedTotal, JsonSerializer.Deserialize<List<CodeScore>>(p.CategoriesJson) ?? [], p.StatusBand, p.SiteVisitOutcome,
        p.CertificateId is not null, p.CertificateNumber,
        p.CertificateValidUntil is { } until ? DateOnly.FromDateTime(Domain.Time.ThaiTime.ToBangkok(until)) : null,
        p.CertificateId, p.VersionNumber, p.PublishedAt, p.Note, p.IsCurrent);
}
