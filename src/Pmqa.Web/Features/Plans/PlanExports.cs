using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pmqa.Web.Features.Plans;

/// <summary>
/// A plan with its follow-up as one Excel sheet: one row per action under its project, with the 6- and 12-month
/// reports beside it. Budgets, progress, baseline, target and results are real numbers (Excel sums and sorts them);
/// the header row is frozen; headers are Thai and English.
/// </summary>
public static class PlanExports
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Header =
    [
        "โครงการ (Project)", "ประเด็น (Issues)", "ตัวชี้วัด (Indicator)", "ค่าฐาน (Baseline)", "เป้าหมาย (Target)", "งบโครงการ บาท (Project budget)",
        "กิจกรรม (Action)", "ผู้รับผิดชอบ (Owner)", "เริ่ม (Start)", "สิ้นสุด (End)", "งบกิจกรรม บาท (Action budget)", "สถานะ (Status)",
        "ความก้าวหน้า % (Progress)", "6 เดือน: ความก้าวหน้า % (6-month progress)", "6 เดือน: ผลการดำเนินงาน (6-month narrative)",
        "12 เดือน: ความก้าวหน้า % (12-month progress)", "12 เดือน: ผลการดำเนินงาน (12-month narrative)", "12 เดือน: ผลตัวชี้วัด (12-month result)",
    ];

    /// <summary>Columns holding numbers (0-based).</summary>
    private static readonly HashSet<int> Numbers = [3, 4, 5, 10, 12, 13, 15, 17];

    public static string FileName(PlanView plan) => $"pmqa-plan-{plan.FiscalYear}-{plan.Horizon}-v{plan.VersionNumber}.xlsx";

    public static byte[] Xlsx(PlanView plan, IReadOnlyList<ReportView> reports)
    {
        var month6 = reports.FirstOrDefault(r => r.Period == "month6");
        var month12 = reports.FirstOrDefault(r => r.Period == "month12");
        string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            // The header row stays in view while scrolling (a frozen pane below row 1).
            var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { TabSelected = true, WorkbookViewId = 0 });
            sheet.Worksheet = new Worksheet(views, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = $"Plan {plan.FiscalYear}" }));
            data.AppendChild(Row(1, Header));
            var index = 2u;
            foreach (var p in plan.Projects)
            {
                var result = month12?.Results.FirstOrDefault(r => r.ProjectId == p.Id);
                var actions = p.Actions.Count == 0 ? [null] : p.Actions.Cast<ActionView?>().ToList();
                foreach (var a in actions)
                {
                    var six = a is null ? null : month6?.Actions.FirstOrDefault(e => e.ActionId == a.Id);
                    var twelve = a is null ? null : month12?.Actions.FirstOrDefault(e => e.ActionId == a.Id);
                    data.AppendChild(Row(index++,
                    [
                        p.Title, string.Join(", ", p.IssueCodes), p.IndicatorName, N(p.Baseline), N(p.Target), N(p.Budget),
                        a?.Title ?? "", a?.OwnerName ?? "", a?.StartDate.ToString("yyyy-MM-dd") ?? "", a?.EndDate.ToString("yyyy-MM-dd") ?? "",
                        N(a?.Budget), a?.Status ?? "", a is null ? "" : a.Progress.ToString(CultureInfo.InvariantCulture),
                        six is null ? "" : six.Progress.ToString(CultureInfo.InvariantCulture), six?.Narrative ?? "",
                        twelve is null ? "" : twelve.Progress.ToString(CultureInfo.InvariantCulture), twelve?.Narrative ?? "", N(result?.Actual),
                    ]));
                }
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<string> cells)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < cells.Count; column++)
        {
            var text = cells[column];
            var reference = $"{(char)('A' + column)}{index}";
            row.AppendChild(index > 1 && Numbers.Contains(column) && text.Length > 0
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Safe(text))) });
        }
        return row;
    }

    /// <summary>Inline strings are never formulas in Excel, but a copy into CSV would be: neutralise like the CSV exports.</summary>
    private static string Safe(string text) => Pmqa.Web.Infrastructure.Web.CsvCells.Safe(text);

    /// <summary>The plan and its reports, for an export.</summary>
    public static async Task<Infrastructure.Web.Outcome<(PlanView, List<ReportView>)>> LoadAsync(PlanQueries queries, Guid planId, CancellationToken ct)
    {
        if (await queries.GetAsync(planId, ct) is not Infrastructure.Web.Outcome<PlanView>.Ok { Value: var plan })
            return new Infrastructure.Web.Outcome<(PlanView, List<ReportView>)>.NotFound();
        var reports = new List<ReportView>();
        foreach (var r in plan.Reports)
            if (await queries.ReportAsync(planId, r.Id, ct) is Infrastructure.Web.Outcome<ReportView>.Ok { Value: var view }) reports.Add(view);
        return (plan, reports);
    }
}
