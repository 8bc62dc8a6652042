using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Awards;

/// <summary>The award candidates as one table for spreadsheets: one row per candidate and award, headers in
/// Thai and English. CSV is UTF-8 with a byte-order mark, without which Excel reads Thai as mojibake.</summary>
public static class AwardExports
{
    private static readonly string[] Header =
    [
        "รางวัล (Award)", "หมวด (Category)", "รหัสหน่วยงาน (Code)", "ชื่อหน่วยงาน", "Organisation",
        "คะแนน (Score)", "เกณฑ์ (Threshold)", "ระดับ (Status)",
    ];

    private sealed record Line(string Award, string Category, string Code, string NameTh, string NameEn, decimal Score, decimal? Threshold, string Status);

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(AwardCandidateList list, string extension) => $"pmqa-award-candidates-{list.FiscalYear}.{extension}";

    private static IEnumerable<Line> Lines(AwardCandidateList list) =>
        list.Overall.Select(c => new Line("รางวัลคุณภาพการบริหารจัดการภาครัฐ (PMQA 4.0)", "", c.OrganizationCode, c.NameTh, c.NameEn, c.FinalTotal, null, c.Status))
            .Concat(list.Categories.SelectMany(a => a.Candidates.Select(c =>
                new Line($"รางวัลรายหมวด {a.Code} (Category {a.Code})", a.Code, c.OrganizationCode, c.NameTh, c.NameEn, c.Score, a.Threshold, ""))));

    private static string[] Cells(Line l) =>
    [
        l.Award, l.Category, l.Code, l.NameTh, l.NameEn, l.Score.ToString("0.00", CultureInfo.InvariantCulture),
        l.Threshold?.ToString("0.##", CultureInfo.InvariantCulture) ?? "", l.Status,
    ];

    public static byte[] Csv(AwardCandidateList list)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var row in Lines(list).Select(Cells).Prepend(Header))
            {
                // Text cells are neutralised (an organisation named "=HYPERLINK(…)" must stay text); the score
                // and threshold (columns 5 and 6) are numbers written by us.
                for (var i = 0; i < row.Length; i++) csv.WriteField(i is 5 or 6 ? row[i] : CsvCells.Safe(row[i]));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(AwardCandidateList list)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = $"PMQA {list.FiscalYear}" }));
            data.AppendChild(Row(1, Header.Select(h => (h, false))));
            var index = 2u;
            foreach (var line in Lines(list))
            {
                var cells = Cells(line);
                // Score and threshold are numbers, so that Excel can sort and sum them.
                data.AppendChild(Row(index++, cells.Select((text, i) => (text, i is 5 or 6 && text.Length > 0))));
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<(string Text, bool IsNumber)> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var (text, isNumber) in cells)
        {
            var reference = $"{(char)('A' + column++)}{index}";
            row.AppendChild(isNumber
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
        }
        return row;
    }
}
