using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Dashboard;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>The national view's table of organisations: its sort orders, and the same table as CSV or Excel (with the
/// dashboard's exporters: UTF-8 with BOM, cells neutralised against formulas).</summary>
public static class DigitalProgressTable
{
    public static readonly string[] Sorts = ["code", "name", "services", "digital", "platform", "remaining", "latest", "pace", "needed"];

    /// <summary>The lines in the order asked; an unknown sort is read as by code.</summary>
    public static List<OrganizationProgress> Sorted(IEnumerable<OrganizationProgress> lines, string? sort, bool descending, bool thai)
    {
        Func<OrganizationProgress, IComparable?> key = sort switch
        {
            "name" => o => thai ? o.NameTh : o.NameEn,
            "services" => o => o.Figures.Services,
            "digital" => o => o.Figures.FullyDigitalPercent,
            "platform" => o => o.Figures.OnCentralPlatformPercent,
            "remaining" => o => o.Figures.Remaining,
            "latest" => o => o.Figures.LatestTargetYear ?? 0,
            "pace" => o => o.Figures.Pace,
            // No pace (null) needs for ever: it sorts after every number of years.
            "needed" => o => o.Figures.YearsNeeded ?? decimal.MaxValue,
            _ => o => o.Code,
        };
        var ordered = descending ? lines.OrderByDescending(key) : lines.OrderBy(key);
        return [.. ordered.ThenBy(o => o.Code, StringComparer.OrdinalIgnoreCase)];
    }

    public static SheetTable Sheet(IReadOnlyList<OrganizationProgress> lines) => new("organizations",
        Bilingual.T("ความก้าวหน้าบริการดิจิทัล", "Digital progress"),
        [
            Bilingual.T("รหัส", "Code"), Bilingual.T("หน่วยงาน", "Organisation"), Bilingual.T("ประเภท", "Type"), Bilingual.T("กระทรวง / กลุ่มจังหวัด", "Ministry / cluster"),
            Bilingual.T("บริการ", "Services"), Bilingual.T("ดิจิทัลเต็มรูปแบบ", "Fully digital"), Bilingual.T("ดิจิทัลเต็มรูปแบบ (%)", "Fully digital (%)"),
            Bilingual.T("บนแพลตฟอร์มกลาง", "On a central platform"), Bilingual.T("บนแพลตฟอร์มกลาง (%)", "On a central platform (%)"),
            Bilingual.T("ยังต้องดำเนินการ", "Still to do"), Bilingual.T("ปีเป้าหมายล่าสุด (พ.ศ.)", "Latest target year (BE)"), Bilingual.T("เสี่ยงไม่ทัน 2570", "At risk for 2570"),
            Bilingual.T("อัตราความเร็ว (บริการ/ปี)", "Pace (services a year)"), Bilingual.T("ปีที่ต้องใช้", "Years needed"),
            Bilingual.T("รอบการติดตามล่าสุด", "Latest follow-up period"), Bilingual.T("รายงานความก้าวหน้า", "Progress update"),
            Bilingual.T("แนวโน้ม (จุดร้อยละจากรายงานก่อน)", "Trend (percentage points since the previous update)"),
        ],
        [.. lines.Select(o => new object?[]
        {
            o.Code, Bilingual.IsThai ? o.NameTh : o.NameEn, TypeName(o.Type), o.ParentCode is null ? "" : Bilingual.IsThai ? o.ParentNameTh : o.ParentNameEn,
            o.Figures.Services, o.Figures.FullyDigital, o.Figures.FullyDigitalPercent, o.Figures.OnCentralPlatform, o.Figures.OnCentralPlatformPercent,
            o.Figures.Remaining, o.Figures.LatestTargetYear, o.Figures.AtRisk ? Bilingual.T("เสี่ยง", "At risk") : "",
            o.Figures.Pace, o.Figures.YearsNeeded,
            FollowUpPeriod(o.FollowUp), FollowUpText(o.FollowUp), o.FollowUp?.TrendPoints,
        })]);

    private static string FollowUpPeriod(FollowUpLine? f) => f?.PeriodId is null ? "" : Bilingual.IsThai ? f.PeriodNameTh! : f.PeriodNameEn!;

    /// <summary>The lateness of the latest closed period in words (ADR 0027).</summary>
    private static string FollowUpText(FollowUpLine? f) => f?.Lateness switch
    {
        "onTime" => Bilingual.T(Lateness.OnTime.DisplayName()),
        "late" => Bilingual.T(Lateness.Late.DisplayName()),
        "missing" => Bilingual.T(Lateness.Missing.DisplayName()),
        "due" => Bilingual.T(Lateness.Due.DisplayName()),
        _ => "",
    };

    public static string TypeName(string apiName) =>
        OrganizationTypes.TryParseApiName(apiName, out var t) ? Bilingual.T(t.DisplayName().Th, t.DisplayName().En) : apiName;

    public static string FileName(int year, string extension) => $"pmqa-digital-progress-{year}.{extension}";
}

/// <summary>What the chart of the planned path draws: the figures now and the path; <see cref="Id"/> prefixes its element
/// ids. <see cref="Actual"/> is the year-by-year series from digitised years, drawn beside it (partial _DigitalActual).</summary>
public sealed record PathChart(string Id, ProgressFigures Figures, IReadOnlyList<PathYear> Path, IReadOnlyList<ActualYear>? Actual = null, int CurrentYear = 0);
