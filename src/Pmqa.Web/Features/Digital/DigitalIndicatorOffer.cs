using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>The register's figures offered to an assessment as category 7 indicators: <see cref="Years"/> are the fiscal
/// years of R2, R1 and R0; the indicators are in the shape the answer save takes (<c>PUT …/issues/{code}</c>).</summary>
public sealed record DigitalIndicatorOffer(int FiscalYear, int[] Years, List<IndicatorDto> Indicators);

/// <summary>Reads an assessment's organisation's register for the category 7 offer (ADR 0028). Whoever may see the
/// assessment may see the offer (its organisation's members and OPDC); anyone else is told nothing (404).</summary>
public sealed class DigitalIndicatorQueries(PmqaDbContext db, AssessmentAccess access, TimeProvider clock)
{
    public async Task<Outcome<DigitalIndicatorOffer>> OfferAsync(Guid assessmentId, CancellationToken ct = default)
    {
        var found = await access.FindAsync(assessmentId, AssessmentPermission.View, ct);
        if (found is not Outcome<Assessment>.Ok { Value: var assessment }) return AssessmentAccess.Fail<DigitalIndicatorOffer>(found);
        var fiscalYear = assessment.Round?.FiscalYear
            ?? await db.Rounds.AsNoTracking().Where(r => r.Id == assessment.RoundId).Select(r => r.FiscalYear).SingleAsync(ct);
        var orgId = assessment.OrganizationId;
        var services = (await db.DigitalServices.AsNoTracking().Where(s => s.OrganizationId == orgId)
                .Select(s => new { s.FullyDigital, s.Channel, s.TargetYear, Granted = s.ExceptionGrantedAt != null, s.DigitisedYear }).ToListAsync(ct))
            .Select(s => new ServiceFacts(s.FullyDigital, s.Channel, s.TargetYear, s.Granted, s.DigitisedYear)).ToList();
        // When each dataset was registered is in the audit trail (the dataset row has no date of its own).
        var datasetIds = await db.CatalogDatasets.AsNoTracking().Where(d => d.OrganizationId == orgId).Select(d => d.Id).ToListAsync(ct);
        var keys = datasetIds.Select(id => id.ToString()).ToList();
        var added = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(CatalogDataset) && a.Action == AuditAction.Created && keys.Contains(a.EntityKey))
                .Select(a => new { a.EntityKey, a.At }).ToListAsync(ct))
            .GroupBy(a => a.EntityKey).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        var datasetYears = keys.Select(k => added.TryGetValue(k, out var at) ? ThaiTime.FiscalYearOf(at) : (int?)null).ToList();
        var currentYearBe = ThaiTime.ToBangkok(clock.GetUtcNow()).Year + ThaiTime.BuddhistEraOffset;
        var indicators = DigitalIndicators.Offer(services, datasetYears, fiscalYear, currentYearBe)
            .Select(i => new IndicatorDto(i.Code, Bilingual.T(i.NameTh, i.NameEn), Bilingual.T(i.UnitTh, i.UnitEn), "higher", i.Target, i.R2, i.R1, i.R0, null, null))
            .ToList();
        return new DigitalIndicatorOffer(fiscalYear, [fiscalYear - 2, fiscalYear - 1, fiscalYear], indicators);
    }

    /// <summary>The offer is for category 7's results issues only.</summary>
    public static bool Applies(Domain.Frameworks.FrameworkPack pack, Domain.Frameworks.Issue issue) =>
        issue.Kind == Domain.Frameworks.IssueKind.Results && pack.CategoryOf(issue).Code == "7";
}
