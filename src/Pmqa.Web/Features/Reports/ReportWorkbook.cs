using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>The agency report as an Excel workbook, one sheet per part of the report, from the same
/// <see cref="AgencyReport"/> as the page and the PDF. Scores are numbers; a score that does not exist yet (verified
/// before the review) is an empty cell, never a zero. Headers are Thai and English, the header row frozen.</summary>
public static class ReportWorkbook
{
    public static byte[] Xlsx(AgencyReport r)
    {
        var c = r.Cover;
        var t = r.Totals;
        string Level(string? level) => level is null ? "" : Enum.Parse<MaturityLevel>(level).DisplayName().Th;
        var book = new SpreadsheetBook();
        book.Sheet("สรุป (Summary)", ["หัวข้อ (Item)", "ค่า (Value)"],
        [
            ["รหัสหน่วยงาน (Code)", c.OrganizationCode],
            ["หน่วยงาน", c.OrganizationNameTh],
            ["Organisation", c.OrganizationNameEn],
            ["ปีงบประมาณ (Fiscal year, BE)", c.FiscalYear],
            ["สถานะ (Status)", c.State],
            ["คะแนนประเมินตนเอง (Self-assessed total)", SheetCell.Score(t.Self)],
            ["คะแนนที่ผ่านการตรวจประเมิน (Verified total)", SheetCell.Score(t.Verified)],
            ["คะแนนสุดท้าย (Final total)", SheetCell.Score(t.Final)],
            ["เกณฑ์ตรวจ ณ พื้นที่ (Site-visit threshold)", SheetCell.Score(t.SiteVisitThreshold)],
            ["ถึงเกณฑ์ (Reaches it)", t.SiteVisitEligible ? "ใช่ (yes)" : "ไม่ (no)"],
            ["จัดทำเมื่อ (Made, UTC)", r.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm")],
        ]);
        book.Sheet("หมวด (Categories)", ["หมวด (Category)", "ชื่อหมวด", "Category", "น้ำหนัก (Weight)", "ประเมินตนเอง (Self)", "ผ่านการตรวจ (Verified)", "สุดท้าย (Final)",
                r.LastYear is { } ly ? $"ปี {ly.FiscalYear} (FY {ly.FiscalYear})" : "ปีก่อน (Last year)"],
            r.Categories.Select(x => (IReadOnlyList<SheetCell>)[x.Code, x.NameTh, x.NameEn, x.Weight, SheetCell.Score(x.Self), SheetCell.Score(x.Verified), SheetCell.Score(x.Final), SheetCell.Score(x.LastYear)]));
        book.Sheet("ประเด็น (Issues)", ["ประเด็น (Issue)", "หมวด (Category)", "ชื่อประเด็น", "Issue", "ประเภท (Kind)", "ประเมินตนเอง (Self)", "ระดับ (Level)",
                "ผ่านการตรวจ (Verified)", "ระดับที่ตรวจ (Verified level)", "สุดท้าย (Final)"],
            r.Issues.Select(x => (IReadOnlyList<SheetCell>)[x.Code, x.CategoryCode, x.NameTh, x.NameEn, x.Kind, SheetCell.Score(x.Self), Level(x.SelfLevel),
                SheetCell.Score(x.Verified), Level(x.VerifiedLevel), SheetCell.Score(x.Final)]));
        book.Sheet("มิติ 4.0 (Gov 4.0)", ["มิติ (Dimension)", "ชื่อมิติ", "Dimension", "ประเมินตนเอง (Self)", "ผ่านการตรวจ (Verified)", "สุดท้าย (Final)"],
            r.Dimensions.Select(d => (IReadOnlyList<SheetCell>)[d.Code, d.NameTh, d.NameEn, SheetCell.Score(d.Self), SheetCell.Score(d.Verified), SheetCell.Score(d.Final)]));
        book.Sheet("ช่องว่าง (Gaps)", ["ประเด็น (Issue)", "หมวด (Category)", "ระดับปัจจุบัน (Level)", "คะแนน (Score)", "ระดับเป้าหมาย (Target level)", "คะแนนที่เป้าหมาย (Score at target)",
                "ปิดแล้ว (Closed)", "จำนวนที่ขาด (Missing items)", "แนวทางที่ขาด (Items)", "ตัวชี้วัดที่ต่ำกว่าเป้า (Indicators)", "ผลกระทบ (Impact)", "ความเร่งด่วน (Urgency)", "เลือกดำเนินการ (Selected)"],
            r.Gaps.Items.Select(g => (IReadOnlyList<SheetCell>)[g.IssueCode, g.CategoryCode, Level(g.Level), SheetCell.Score(g.Score), Level(g.TargetLevel), SheetCell.Score(g.ScoreAtTarget),
                g.Closed ? "ใช่" : "", g.MissingItems.Count, string.Join(", ", g.MissingItems), string.Join(", ", g.IndicatorsBelowTarget),
                (decimal?)g.Impact, (decimal?)g.Urgency, g.Selected ? "ใช่" : ""]));
        book.Sheet("เส้นทาง (Path)", ["ประเด็น (Issue)", "แนวทางที่ต้องติ๊ก (Items to tick)", "จำนวน (Ticks)", "คะแนนก่อน (Before)", "คะแนนหลัง (After)"],
            r.Path is { } path
                ? path.Steps.Select(s => (IReadOnlyList<SheetCell>)[s.IssueCode, string.Join(", ", s.Items), s.Items.Count, SheetCell.Score(s.ScoreBefore), SheetCell.Score(s.ScoreAfter)])
                    .Append([$"รวม: จาก {path.Current:0.00} ถึง {path.Target:0} (Total: {path.Current:0.00} to {path.Target:0})", path.Reachable ? "" : $"ขาด {path.Shortfall:0.00} (short)",
                        path.Ticks, SheetCell.Score(path.Current), SheetCell.Score(path.TotalAfter)])
                : []);
        book.Sheet("จุดแข็ง (Strengths)", ["ประเด็น (Issue)", "จุดแข็ง (Strengths)", "โอกาสในการปรับปรุง (Opportunities)"],
            r.StrengthsAndOpportunities.Select(f => (IReadOnlyList<SheetCell>)[f.IssueCode, f.Strengths, f.Opportunities]));
        book.Sheet("แผน (Plan)", ["แผน (Plan)", "ฉบับ (Version)", "สถานะ (Status)", "งบประมาณ บาท (Budget)", "โครงการ (Projects)", "กิจกรรม (Actions)",
                "ตามแผน (On track)", "ล่าช้า (Late)", "เสร็จ (Done)", "รายงานที่ส่ง (Reports)"],
            r.Plan is { } p
                ? [[p.Horizon, p.VersionNumber, p.Status, p.TotalBudget, p.Projects, p.Actions, p.OnTrack, p.Late, p.Done, string.Join(", ", p.ReportsSubmitted)]]
                : []);
        return book.ToBytes();
    }
}
