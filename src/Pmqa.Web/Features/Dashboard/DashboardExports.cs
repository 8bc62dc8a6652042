using System.Globalization;
using System.Text;
using CsvHelper;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// The dashboard's tables as files: one CSV per table (UTF-8 with a byte-order mark, so Excel shows Thai), or one
/// workbook with a sheet per table (<see cref="SpreadsheetBook"/>: numbers are number cells, text is inline text
/// neutralised against formulas, the header row is frozen).
/// </summary>
public static class DashboardExports
{
    public const string XlsxContentType = SpreadsheetBook.ContentType;

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
        var book = new SpreadsheetBook();
        foreach (var table in tables) book.Sheet(table.Title, table.Header, table.Rows.Select(row => (IReadOnlyList<SheetCell>)[.. row.Select(Cell)]));
        return book.ToBytes();
    }

    private static SheetCell Cell(object? cell) => cell switch
    {
        int i => i,
        decimal d => d,
        _ => cell?.ToString(),
    };

    private static string? Number(object? cell) => cell switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
