using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Users;
using Pmqa.Web.Infrastructure.Auth;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Audit;

/// <summary>The audit trail for OPDC officers and administrators: who, when, what in words, where;
/// filters by organisation, person, kind and Bangkok dates; CSV export; raw records for administrators.</summary>
public sealed class IndexModel(AuditQueries queries, CurrentUser me) : PageModel
{
    public AuditFilter Filter { get; private set; } = new(null, null, null, null, null);
    public Page<AuditRow> Entries { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public bool ShowsRaw { get; private set; }

    public async Task OnGetAsync(Guid? organizationId, Guid? assessmentId, string? kind, string? user, DateOnly? from, DateOnly? to,
        string? entityType, string? entityKey, int page = 1)
    {
        Filter = new AuditFilter(entityType, entityKey, user, from, to, page, organizationId, assessmentId, kind);
        Entries = await queries.SearchAsync(Filter);
        Organizations = await queries.OrganizationsAsync();
        ShowsRaw = await me.IsSystemAdminAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid? organizationId, Guid? assessmentId, string? kind, string? user, DateOnly? from, DateOnly? to,
        string? entityType, string? entityKey)
    {
        var rows = await queries.ExportAsync(new AuditFilter(entityType, entityKey, user, from, to, 1, organizationId, assessmentId, kind));
        return File(AuditCsv.Write(rows), "text/csv; charset=utf-8", "pmqa-audit.csv");
    }
}

/// <summary>The filtered trail as CSV: UTF-8 with a byte-order mark (Excel reads Thai), every text cell
/// neutralised against formula injection, times in Bangkok (ISO, Gregorian, so spreadsheets sort them).</summary>
public static class AuditCsv
{
    private static readonly string[] Header =
    [
        "เวลา กรุงเทพฯ (Bangkok time)", "ผู้ดำเนินการ (Person)", "อีเมล (E-mail)", "หน่วยงาน (Organisation)",
        "ปีงบประมาณ (Fiscal year)", "ประเภท (Kind)", "การเปลี่ยนแปลง", "What changed", "จำนวนการบันทึก (Saves)", "ข้อมูล (Entity)", "รหัสข้อมูล (Key)",
    ];

    public static byte[] Write(IReadOnlyList<AuditRow> rows)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in rows)
            Line(text,
            [
                ThaiTime.ToBangkok(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                CsvCells.Safe(r.UserDisplayName ?? r.UserName), CsvCells.Safe(r.UserName), CsvCells.Safe(r.OrganizationName),
                r.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "",
                r.Kind is { } k ? CsvCells.Safe($"{AuditKinds.All[k].Name.Th} ({AuditKinds.All[k].Name.En})") : "",
                CsvCells.Safe(string.Join("; ", r.Summary.Select(s => s.Th))), CsvCells.Safe(string.Join("; ", r.Summary.Select(s => s.En))),
                r.Saves.ToString(CultureInfo.InvariantCulture), CsvCells.Safe(r.EntityType), CsvCells.Safe(r.EntityKey),
            ]);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(",", cells.Select(c => "\"" + c.Replace("\"", "\"\"") + "\""))).Append("\r\n");
}
