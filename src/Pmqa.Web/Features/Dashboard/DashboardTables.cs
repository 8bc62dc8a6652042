using Pmqa.Domain.Dashboards;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>One table of the dashboard for a spreadsheet: header in Thai and English, cells that are text, integers
/// or decimals (numbers stay numbers in Excel).</summary>
public sealed record SheetTable(string Name, string Title, IReadOnlyList<string> Header, IReadOnlyList<object?[]> Rows);

/// <summary>Every table of the dashboard in full (the heat map with every organisation, not one page; every checklist
/// item, not the first twenty), from the same facts as the page, every one filled (<see cref="CardScoreReader.FillAllAsync"/>).</summary>
public static class DashboardTables
{
    public static readonly IReadOnlyList<string> Names = ["progress", "distribution", "categories", "dimensions", "heatmap", "at-threshold", "missed-items"];

    public static IReadOnlyList<SheetTable> All(RoundData data, Sorting heatmap)
    {
        var view = RoundDashboard.Build(data, heatmap with { Page = 1 }, PartStatistics.InMemory(data));
        return [.. Names.Select(n => Of(n, data, view, heatmap)!)];
    }

    public static SheetTable? One(string name, RoundData data, Sorting heatmap) =>
        Names.Contains(name) ? Of(name, data, RoundDashboard.Build(data, heatmap with { Page = 1 }, PartStatistics.InMemory(data)), heatmap) : null;

    private static SheetTable? Of(string name, RoundData data, DashboardView view, Sorting heatmap) => name switch
    {
        "progress" => new(name, "Progress",
            ["กลุ่ม (Grouping)", "รหัส (Key)", "ชื่อ", "Name", "ยังไม่เริ่ม (Not started)", "ฉบับร่าง (Draft)", "รออนุมัติ (Awaiting approval)",
             "ส่งแล้ว (Submitted)", "ระหว่างตรวจ (Under review)", "ยืนยันผลแล้ว (Verified)", "รับรองแล้ว (Certified)", "รวม (Total)"],
            [.. view.Progress.ByType.Select(r => Progress("type", r)), .. view.Progress.ByGroup.Select(r => Progress("group", r)),
             Progress("all", new ProgressRow("", "ทั้งหมด", "All", view.Progress.Total))]),
        "distribution" => new(name, "Distribution", ["จาก (From)", "ถึง (To)", "ประเมินตนเอง (Self-assessed)", "ผ่านการตรวจ (Verified)"],
            [.. view.Distribution.Select(b => new object?[] { b.From, b.To, b.Self, b.Verified })]),
        "categories" => new(name, "Categories",
            ["หมวด (Category)", "ชื่อ", "Name", "จำนวน (Count)", "Q1", "มัธยฐาน (Median)", "Q3", "ตรวจแล้ว จำนวน (Verified count)",
             "ตรวจแล้ว Q1", "ตรวจแล้ว มัธยฐาน (Verified median)", "ตรวจแล้ว Q3", "คู่เทียบ (Pairs)", "ประเมินสูงกว่าเฉลี่ย (Mean overstatement)", "ประเมินสูงกว่ามัธยฐาน (Median overstatement)"],
            [.. view.Categories.Select(c => new object?[] { c.Code, c.NameTh, c.NameEn, c.Count, c.Q1, c.Median, c.Q3, c.Verified?.Count, c.Verified?.Q1,
                c.Verified?.Median, c.Verified?.Q3, c.Overstatement?.Pairs, c.Overstatement?.Mean, c.Overstatement?.Median })]),
        "dimensions" => new(name, "Dimensions",
            ["มิติ (Dimension)", "ชื่อ", "Name", "จำนวน (Count)", "Q1", "มัธยฐาน (Median)", "Q3", "ตรวจแล้ว จำนวน (Verified count)", "ตรวจแล้ว Q1",
             "ตรวจแล้ว มัธยฐาน (Verified median)", "ตรวจแล้ว Q3"],
            [.. view.Dimensions.Select(d => new object?[] { d.Code, d.NameTh, d.NameEn, d.Self?.Count, d.Self?.Q1, d.Self?.Median, d.Self?.Q3,
                d.Verified?.Count, d.Verified?.Q1, d.Verified?.Median, d.Verified?.Q3 })]),
        "heatmap" => new(name, "Heat map",
            ["รหัส (Code)", "ชื่อ", "Name", "ประเภท (Type)", "ระดับ (Band)", "คะแนนรวม (Total)", "ผ่านการตรวจ (Verified)", .. view.Heatmap.Issues],
            [.. RoundDashboard.Sort(data.Pack, data.Facts.Where(f => f.Scored), heatmap, f => Scoring.Round(f.SelfTotal)).Select(f => new object?[]
                { f.Code, f.NameTh, f.NameEn, f.Type.ToString(), f.Band.ToString(), Scoring.Round(f.SelfTotal), f.VerifiedTotal }
                .Concat(f.Self.Issues.Select(s => (object?)Scoring.Round(s))).ToArray())]),
        "at-threshold" => new(name, "At threshold",
            ["รหัส (Code)", "ชื่อ", "Name", "ผ่านการตรวจ (Verified)", "ประเมินตนเอง (Self-assessed)", "เกณฑ์ (Threshold)"],
            [.. data.Facts.Where(f => f.VerifiedTotal >= data.Round.SiteVisitThreshold).OrderByDescending(f => f.VerifiedTotal).ThenBy(f => f.Code, StringComparer.Ordinal)
                .Select(f => new object?[] { f.Code, f.NameTh, f.NameEn, f.VerifiedTotal, Scoring.Round(f.SelfTotal), data.Round.SiteVisitThreshold })]),
        "missed-items" => new(name, "Missed items",
            ["ข้อรายการ (Item)", "ประเด็น (Issue)", "ระดับ (Level)", "ข้อความ", "Text", "สัดส่วนที่ไม่ได้ทำ (Missed share)", "ไม่ได้ทำ (Missed)", "จาก (Of)"],
            [.. RoundDashboard.Missed(data.Pack, [.. data.Facts.Where(f => f.Scored)], int.MaxValue)
                .Select(m => new object?[] { m.ItemCode, m.IssueCode, m.Level, m.TextTh, m.TextEn, m.MissedShare, m.Missed, m.Of })]),
        _ => null,
    };

    private static object?[] Progress(string grouping, ProgressRow r) =>
    [
        grouping, r.Key, r.NameTh, r.NameEn, r.Counts.NotStarted, r.Counts.Draft, r.Counts.AwaitingApproval, r.Counts.Submitted,
        r.Counts.UnderReview, r.Counts.Verified, r.Counts.Certified, r.Counts.Total,
    ];
}
