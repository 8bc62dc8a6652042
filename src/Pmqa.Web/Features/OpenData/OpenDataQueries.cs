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

    /// <summary>When the open data last changed: the latest publication or withholding (a withholding removes rows).</summary>
    public async Task<DateTimeOffset?> LastModifiedAsync(int? fiscalYear = null, CancellationToken ct = default)
    {
        var published = (await db.PublishedResults.Where(p => fiscalYear == null || p.FiscalYear == fiscalYear)
            .Select(p => p.PublishedAt).ToListAsync(ct)).DefaultIfEmpty().Max();
        var withheld = (await db.ResultWithholdings.Select(w => w.WithheldAt).ToListAsync(ct)).DefaultIfEmpty().Max();
        var last = published > withheld ? published : withheld;
        return last == default ? null : last;
    }

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
