using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// The dashboard's tables as files: one CSV per table (UTF-8 with a byte-order mark, so Excel shows Thai), or one
/// workbook with a sheet per table. As in the plan export (<c>PlanExports</c>): numbers are number cells, text is
/// inline text neutralised against formulas, the header row is frozen.
/// </summary>
public static class DashboardExports
{
    public const string XlsxContentType = Plans.PlanExports.XlsxContentType;

    public static string FileName(RoundData data, string what, string extension) => $"pmqa-dashboard-{data.Round.FiscalYear}-{what}.{extension}";

    public static byte[] Csv(SheetTable table)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in table.Header) csv.WriteField(CsvCells.Safe(h));
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(Number(cell) ?? CsvCells.Safe(cell?.ToString()));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<SheetTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var id = 1u;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { TabSelected = id == 1, WorkbookViewId = 0 });
                part.Worksheet = new Worksheet(views, data);
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = table.Title });
                data.AppendChild(Row(1, table.Header.Cast<object?>().ToArray()));
                var index = 2u;
                foreach (var row in table.Rows) data.AppendChild(Row(index++, row));
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, object?[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < cells.Length; column++)
        {
            var reference = Column(column) + index;
            if (cells[column] is null) continue;
            row.AppendChild(Number(cells[column]) is { } number
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(CsvCells.Safe(cells[column]!.ToString()))) });
        }
        return row;
    }

    /// <summary>A, B, … Z, AA, AB …: the heat map has more columns than letters.</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static string? Number(object? cell) => cell switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
