using System.Globalization;
using System.Text;
using CsvHelper;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// OPDC's participant list of an event, as CSV (UTF-8 with BOM) or as an Excel workbook written by
/// <see cref="SpreadsheetBook"/> (real cells, the header row frozen). Headers are Thai with the English in brackets,
/// the same in both files, so a list opened in either reads the same.
/// </summary>
public static class ParticipantList
{
    private static readonly string[] Header =
    [
        "ลำดับ (No.)", "รหัสหน่วยงาน (Code)", "หน่วยงาน", "Organisation", "ชื่อ (Name)", "อีเมล (E-mail)", "ตำแหน่ง (Position)",
        "สถานะ (Status)", "ลงทะเบียนเมื่อ (Registered)",
    ];

    public static string FileName(EventView view, string extension) => $"participants-{view.StartsAt:yyyyMMdd}-{view.Id.ToString()[..8]}.{extension}";

    private static string StatusName(string status) => status switch
    {
        "confirmed" => "ได้ที่นั่ง (confirmed)",
        "waiting" => "สำรอง (waiting)",
        _ => "ยกเลิก (cancelled)",
    };

    public static byte[] Xlsx(EventView view)
    {
        var rows = view.Registrations.Select((r, i) => (IReadOnlyList<SheetCell>)
        [
            i + 1, r.OrganizationCode, r.OrganizationNameTh, r.OrganizationNameEn, r.Name, r.Email, r.Position, StatusName(r.Status),
            ThaiTime.FormatDateTime(r.RegisteredAt, thai: true),
        ]);
        return new SpreadsheetBook().Sheet("ผู้ลงทะเบียน", Header, rows).ToBytes();
    }

    public static byte[] Csv(EventView view)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in Header) csv.WriteField(h);
            csv.NextRecord();
            var i = 0;
            foreach (var r in view.Registrations)
            {
                foreach (var cell in new[] { (++i).ToString(CultureInfo.InvariantCulture), r.OrganizationCode, r.OrganizationNameTh, r.OrganizationNameEn,
                             r.Name, r.Email, r.Position, r.Status, ThaiTime.FormatDateTime(r.RegisteredAt, thai: true) })
                    csv.WriteField(CsvCells.Safe(cell));
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
