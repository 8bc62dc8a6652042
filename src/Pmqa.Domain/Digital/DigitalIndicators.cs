namespace Pmqa.Domain.Digital;

/// <summary>A register figure offered as a category 7 indicator: its values for the assessment's fiscal year (R0) and the
/// two before (R1, R2), and a target: 100% where the cabinet resolution sets it (by 2570); for datasets, which no one
/// sets a number for, at least as many as now (an indicator needs a target above 0; the agency changes it to its plan).</summary>
public sealed record RegisterIndicator(string Code, string NameTh, string NameEn, string UnitTh, string UnitEn, decimal Target, decimal R2, decimal R1, decimal R0);

/// <summary>
/// The digital register's figures as category 7 indicators (issue 12, ADR 0028), so an agency does not type the same
/// numbers twice: the share of services fully digital, the share on a central platform, and the number of datasets in
/// the GD Catalog, each for three years. A year's value is as of the end of that year: a service counts from its
/// digitised year; a service on a central platform from its target year (for such a service, the year it got there,
/// ADR 0025) or this year if that is later; a dataset from the fiscal year it was registered. Shares are of the
/// services registered now, whole percentages like the register's own.
/// </summary>
public static class DigitalIndicators
{
    public const string FullyDigitalCode = "DG-FULLY-DIGITAL";
    public const string PlatformCode = "DG-CENTRAL-PLATFORM";
    public const string DatasetsCode = "DG-GD-CATALOG";

    public static readonly string[] Codes = [FullyDigitalCode, PlatformCode, DatasetsCode];

    /// <param name="datasetYears">Per dataset registered now, the fiscal year (BE) it was registered; null when unknown
    /// (then it counts in every year).</param>
    public static List<RegisterIndicator> Offer(IReadOnlyCollection<ServiceFacts> services, IReadOnlyCollection<int?> datasetYears, int fiscalYear, int currentYearBe)
    {
        decimal[] Values(Func<int, decimal> at) => [at(fiscalYear - 2), at(fiscalYear - 1), at(fiscalYear)];
        var digital = Values(y => DigitalRules.Percent(DigitalProgress.AsOf(services, y, currentYearBe).FullyDigital, services.Count));
        var platform = Values(y => DigitalRules.Percent(DigitalProgress.AsOf(services, y, currentYearBe).OnCentralPlatform, services.Count));
        var datasets = Values(y => datasetYears.Count(d => d is null || d <= y));
        return
        [
            new(FullyDigitalCode, "ร้อยละของงานบริการที่เป็นดิจิทัลเต็มรูปแบบ", "Share of public services fully digital", "ร้อยละ", "%", 100, digital[0], digital[1], digital[2]),
            new(PlatformCode, "ร้อยละของงานบริการบนแพลตฟอร์มกลาง (Citizen Portal / Biz Portal)", "Share of public services on a central platform (Citizen Portal / Biz Portal)",
                "ร้อยละ", "%", 100, platform[0], platform[1], platform[2]),
            new(DatasetsCode, "จำนวนชุดข้อมูลในบัญชีข้อมูลภาครัฐ (GD Catalog)", "Datasets in the government data catalogue (GD Catalog)", "ชุดข้อมูล", "datasets",
                Math.Max(1, datasets[2]), datasets[0], datasets[1], datasets[2]),
        ];
    }
}
