using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>A cell of <see cref="SpreadsheetBook"/>: a number (stored as a number, shown with two decimals when
/// <see cref="TwoDecimals"/>) or a text; neither is an empty cell.</summary>
public readonly record struct SheetCell(string? Text, decimal? Number, bool TwoDecimals = false)
{
    public static implicit operator SheetCell(string? text) => new(text, null);
    public static implicit operator SheetCell(decimal? number) => new(null, number);
    public static implicit operator SheetCell(int number) => new(null, number);

    /// <summary>A score: a number shown as 0.00.</summary>
    public static SheetCell Score(decimal? score) => new(null, score, TwoDecimals: true);
}

/// <summary>
/// An Excel workbook of several sheets, in the way the plan and award exports write theirs: a bold header row frozen
/// in view, numbers as numbers (Excel sums and sorts them; no formulas), text as inline strings passed through
/// <see cref="CsvCells.Safe"/> (a copy into CSV must not become a formula) and stripped of the control characters XML
/// cannot carry.
/// </summary>
public sealed class SpreadsheetBook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly List<(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<SheetCell>> Rows)> _sheets = [];

    /// <summary>Adds a sheet; its name is cut to Excel's 31 characters and cleared of the characters Excel refuses.
    /// The rows are enumerated once, when the workbook is written.</summary>
    public SpreadsheetBook Sheet(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<SheetCell>> rows)
    {
        var clean = new string([.. name.Where(ch => !"[]:*?/\\".Contains(ch))]);
        _sheets.Add((clean.Length > 31 ? clean[..31] : clean, header, rows));
        return this;
    }

    /// <summary>
    /// The workbook's bytes. Each sheet's rows are written one at a time with <see cref="OpenXmlWriter"/>: a row's
    /// elements are garbage as soon as it is written, so the national heat map's 150,000 cells never stand as a document
    /// tree in memory (with a tree the dashboard's workbook took over 100 MB a request; ADR 0041).
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, header, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(part))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                        { TabSelected = id == 1, WorkbookViewId = 0 }));
                    writer.WriteElement(new Columns(header.Select((h, i) => new Column
                        { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(h.Length + 4, 10, 60), CustomWidth = true })));
                    writer.WriteStartElement(new SheetData());
                    writer.WriteElement(Row(1, header.Select(h => (SheetCell)h).ToList(), bold: true));
                    uint index = 2;
                    foreach (var row in rows) writer.WriteElement(Row(index++, row, bold: false));
                    writer.WriteEndElement(); // SheetData
                    writer.WriteEndElement(); // Worksheet
                }
                sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A1-style column name: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static Row Row(uint index, IReadOnlyList<SheetCell> cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var column = 0; column < cells.Count; column++)
        {
            var cell = cells[column];
            var reference = $"{ColumnName(column)}{index}";
            if (cell.Number is { } number)
                row.AppendChild(new Cell
                {
                    CellReference = reference, DataType = CellValues.Number, StyleIndex = cell.TwoDecimals ? 2u : 0u,
                    CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
                });
            else if (cell.Text is { Length: > 0 } text)
                row.AppendChild(new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString, StyleIndex = bold ? 1u : 0u,
                    InlineString = new InlineString(new Text(XmlSafe(CsvCells.Safe(text)))),
                });
        }
        return row;
    }

    /// <summary>Text without the control characters XML 1.0 cannot hold (a pasted form feed would break the file).</summary>
    public static string XmlSafe(string text) =>
        text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r')]) : text;

    /// <summary>Style 0 plain, 1 bold (the header), 2 a number with two decimals.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 2, ApplyNumberFormat = true }) { Count = 3 });
}
