using System.Text;

namespace Pmqa.Domain.Digital;

/// <summary>A problem of an imported file: the row as a spreadsheet numbers it (1 is the header, 2 the first
/// service), the column's API field name, and why.</summary>
public sealed record ImportProblem(int Row, string Field, string Th, string En);

public sealed record ServiceImport(IReadOnlyList<ServiceFields> Services, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Reads services from CSV (RFC 4180: commas, double quotes, UTF-8 with or without BOM) with a header row in Thai or
/// English (<see cref="Columns"/>). Every bad row is reported with its row number and field; the caller imports
/// nothing when any row is bad (ADR 0025), so a file is never half-imported.
/// Choices are accepted as the API's names (<c>citizenPortal</c>), the English or the Thai labels; yes/no as
/// yes/no, true/false, 1/0, ใช่/ไม่ใช่; common services separated by <c>;</c> or <c>|</c>.
/// </summary>
public static class ServiceCsv
{
    public const int MaxRows = 2000;

    /// <summary>Field → accepted headers (English first, then Thai). Only <c>name</c>, <c>audience</c>, <c>channel</c>,
    /// <c>targetYear</c> and <c>responsibleUnit</c> must be present.</summary>
    public static readonly IReadOnlyList<(string Field, string En, string Th)> Columns =
    [
        ("name", "name", "ชื่อบริการ"),
        ("audience", "audience", "ผู้รับบริการ"),
        ("legalBasis", "legal basis", "กฎหมายที่เกี่ยวข้อง"),
        ("channel", "channel", "ช่องทางปัจจุบัน"),
        ("fullyDigital", "fully digital", "ดิจิทัลตลอดกระบวนการ"),
        ("commonServices", "common services", "บริการกลางที่ใช้"),
        ("targetYear", "target year", "ปีเป้าหมาย"),
        ("exceptionReason", "exception reason", "เหตุผลขอยกเว้น"),
        ("responsibleUnit", "responsible unit", "หน่วยงานที่รับผิดชอบ"),
        ("link", "link", "ลิงก์"),
        ("evidenceReference", "evidence", "หลักฐาน"),
        ("internal", "internal", "ใช้ภายใน"),
        ("digitisedYear", "digitised year", "ปีที่เป็นดิจิทัลเต็มรูปแบบ"),
    ];

    private static readonly string[] Needed = ["name", "audience", "channel", "targetYear", "responsibleUnit"];

    public static ServiceImport Parse(string text, int currentYearBe)
    {
        var problems = new List<ImportProblem>();
        var services = new List<ServiceFields>();
        var records = Records(text.TrimStart('\uFEFF'));
        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
            return new([], [new(1, "", "ไฟล์ว่าง: แถวแรกต้องเป็นหัวคอลัมน์", "The file is empty: the first row must be the header.")]);
        var fieldOf = new Dictionary<int, string>();
        for (var i = 0; i < records[0].Count; i++)
        {
            var header = Key(records[0][i]);
            if (header.Length == 0) continue;
            var column = Columns.FirstOrDefault(c => Key(c.En) == header || Key(c.Th) == header || Key(c.Field) == header);
            if (column.Field is null) problems.Add(new(1, "", $"ไม่รู้จักหัวคอลัมน์ \"{records[0][i].Trim()}\"", $"Unknown column \"{records[0][i].Trim()}\"."));
            else if (fieldOf.ContainsValue(column.Field)) problems.Add(new(1, column.Field, $"คอลัมน์ \"{column.Th}\" ซ้ำ", $"Column \"{column.En}\" appears twice."));
            else fieldOf[i] = column.Field;
        }
        foreach (var field in Needed.Where(f => !fieldOf.ContainsValue(f)))
        {
            var c = Columns.First(c => c.Field == field);
            problems.Add(new(1, field, $"ไม่มีคอลัมน์ \"{c.Th}\"", $"The column \"{c.En}\" is missing."));
        }
        if (problems.Count > 0) return new([], problems);
        var rows = records.Skip(1).Select((cells, i) => (Row: i + 2, Cells: cells)).Where(r => !r.Cells.All(string.IsNullOrWhiteSpace)).ToList();
        if (rows.Count == 0) return new([], [new(2, "", "ไม่มีบริการในไฟล์", "The file has no services.")]);
        if (rows.Count > MaxRows) return new([], [new(MaxRows + 2, "", $"นำเข้าได้ครั้งละไม่เกิน {MaxRows} บริการ", $"At most {MaxRows} services per file.")]);
        foreach (var (row, cells) in rows)
        {
            var value = new Dictionary<string, string>();
            foreach (var (index, field) in fieldOf) value[field] = index < cells.Count ? cells[index].Trim() : "";
            string Get(string f) => value.GetValueOrDefault(f, "");
            var rowProblems = new List<ImportProblem>();
            bool YesNo(string field)
            {
                var v = Get(field).ToLowerInvariant();
                if (v is "" or "no" or "false" or "0" or "ไม่ใช่" or "ไม่") return false;
                if (v is "yes" or "true" or "1" or "ใช่") return true;
                rowProblems.Add(new(row, field, "ต้องเป็น ใช่ หรือ ไม่ใช่", "Must be yes or no."));
                return false;
            }
            int? year = null;
            var yearText = Get("targetYear");
            if (yearText.Length > 0)
            {
                if (int.TryParse(yearText, out var y)) year = y;
                else rowProblems.Add(new(row, "targetYear", "ปีเป้าหมายต้องเป็นตัวเลข พ.ศ.", "The target year must be a number (Buddhist Era)."));
            }
            int? digitised = null;
            var digitisedText = Get("digitisedYear");
            if (digitisedText.Length > 0)
            {
                if (int.TryParse(digitisedText, out var d)) digitised = d;
                else rowProblems.Add(new(row, "digitisedYear", "ปีที่เป็นดิจิทัลเต็มรูปแบบต้องเป็นตัวเลข พ.ศ.", "The year it became fully digital must be a number (Buddhist Era)."));
            }
            var common = Get("commonServices").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => Choice<CommonServices>(s, DigitalNames.Of) ?? s).ToList();
            var draft = new ServiceDraft(Get("name"), Choice<Audience>(Get("audience"), DigitalNames.Of) ?? Get("audience"), Get("legalBasis"),
                Choice<ServiceChannel>(Get("channel"), DigitalNames.Of) ?? Get("channel"), YesNo("fullyDigital"), common, year,
                Get("exceptionReason"), Get("responsibleUnit"), Get("link"), Get("evidenceReference"), YesNo("internal"), digitised);
            var (fields, errors) = DigitalRules.CheckService(draft, currentYearBe);
            // A number that is not a number was reported already; "give the year" would say the same twice.
            rowProblems.AddRange(errors.Where(e => !(e.Field == "targetYear" && year is null && yearText.Length > 0)).Select(e => new ImportProblem(row, e.Field, e.Th, e.En)));
            if (rowProblems.Count > 0) problems.AddRange(rowProblems);
            else services.Add(fields!);
        }
        return problems.Count > 0 ? new([], problems) : new(services, []);
    }

    /// <summary>The API name of the choice a cell names by API name, English or Thai label; null if none.</summary>
    private static string? Choice<T>(string cell, Func<T, (string Th, string En)> label) where T : struct, Enum
    {
        var key = Key(cell);
        if (key.Length == 0) return null;
        foreach (var v in Enum.GetValues<T>())
        {
            var (th, en) = label(v);
            if (Key(DigitalNames.ApiName(v)) == key || Key(en) == key || Key(th) == key) return DigitalNames.ApiName(v);
        }
        return null;
    }

    /// <summary>Case, spaces, hyphens and underscores do not matter in headers and choices ("e-Form" = "eform").</summary>
    private static string Key(string text) => new([.. text.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_')]);

    /// <summary>RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static List<List<string>> Records(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"' && cell.Length == 0) quoted = true;
            else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(cell.ToString()); cell.Clear();
                records.Add(record); record = [];
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || record.Count > 0) { record.Add(cell.ToString()); records.Add(record); }
        return records;
    }
}
