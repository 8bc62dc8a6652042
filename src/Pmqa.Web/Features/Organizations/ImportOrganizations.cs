using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

/// <summary>
/// Imports organisations from CSV (<c>code,nameTh,nameEn,type,parentCode</c>). Every row is checked first;
/// if any row is bad, the answer lists each bad row and nothing is saved. Rows whose code exists update
/// that organisation; a parent may be defined anywhere in the same file.
/// <para>
/// A file is at most <see cref="MaxBytes"/> and <see cref="MaxRows"/> rows. Imports run one at a time in a
/// process (a second one waits, then finds the first one's rows and updates them), and an import racing
/// another instance's on the same codes answers a conflict, never a server error. Rows are written in
/// batches of <see cref="BatchSize"/>, parents first, each batch its own short transaction, so that a large
/// import never holds SQLite's single writer lock for long: ordinary saves go on between batches.
/// </para>
/// </summary>
public sealed class ImportOrganizations(PmqaDbContext db, ILogger<ImportOrganizations> log)
{
    public static readonly string[] Columns = ["code", "nameTh", "nameEn", "type", "parentCode"];

    /// <summary>The largest file accepted: about 10,000 rows of long Thai names.</summary>
    public const long MaxBytes = 2L * 1024 * 1024;

    /// <summary>The largest request to the import endpoints: the file plus the multipart envelope.</summary>
    public const long RequestLimit = MaxBytes + 64 * 1024;

    /// <summary>The most rows one file may hold (Thailand has about 8,000 local administrations).</summary>
    public const int MaxRows = 10_000;

    public const int BatchSize = 500;

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public sealed record RowError(int Row, string Field, Msg Message);

    /// <summary>Why a whole file was refused, beyond its rows' errors.</summary>
    public enum Refusal { None, TooLarge, Conflict }

    public sealed record Result(int Created, int Updated, int Unchanged, IReadOnlyList<RowError> Errors, Refusal Refused = Refusal.None)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Msg TooLargeMessage => new(
        $"ไฟล์ใหญ่เกิน {EvidenceText.Size(MaxBytes)} หรือเกิน {MaxRows:N0} แถว กรุณาแบ่งเป็นหลายไฟล์",
        $"The file is larger than {EvidenceText.Size(MaxBytes)} or has more than {MaxRows:N0} rows; split it into several files.");

    public static Result TooLarge => new(0, 0, 0, [new RowError(0, "file", TooLargeMessage)], Refusal.TooLarge);

    public async Task<Result> HandleAsync(Stream csv, CancellationToken ct = default)
    {
        // Copied with a bound: a stream longer than the limit is refused without being read further.
        using var bounded = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await csv.ReadAsync(buffer, ct)) > 0)
        {
            if (bounded.Length + read > MaxBytes) return TooLarge;
            bounded.Write(buffer, 0, read);
        }
        bounded.Position = 0;
        var (rows, readError) = Read(bounded);
        if (readError is not null) return new Result(0, 0, 0, [readError], readError.Field == "rows" ? Refusal.TooLarge : Refusal.None);

        await OneAtATime.WaitAsync(ct);
        try
        {
            return await ImportAsync(rows, ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Another instance imported or created the same codes in the meantime (the unique index on the code).
            log.LogWarning(e, "Organisation import collided with another change");
            return new Result(0, 0, 0, [new RowError(0, "file", new Msg(
                "มีการนำเข้าหรือเพิ่มหน่วยงานรหัสเดียวกันพร้อมกัน กรุณานำเข้าไฟล์นี้อีกครั้ง (แถวที่บันทึกแล้วจะถูกปรับปรุง ไม่ซ้ำ)",
                "Another import or change added the same codes at the same moment; import the file again (rows already saved are updated, not duplicated)."))],
                Refusal.Conflict);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<Result> ImportAsync(List<(int Line, OrganizationInput Input)> rows, CancellationToken ct)
    {

        var existing = await db.Organizations.ToDictionaryAsync(o => o.Code, StringComparer.OrdinalIgnoreCase, ct);
        var inFile = rows.GroupBy(r => r.Input.Code?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var errors = new List<RowError>();
        foreach (var (line, input) in rows)
        {
            Organization? FindParent(string code) => inFile.TryGetValue(code, out var row)
                ? new Organization { Code = code, Type = OrganizationRules.TryType(row.Input.Type) ?? default }
                : existing.GetValueOrDefault(code);
            foreach (var (field, message) in OrganizationRules.Validate(input, FindParent).All)
                errors.Add(new RowError(line, field, message));
            if (inFile[input.Code?.Trim() ?? ""].Line != line)
                errors.Add(new RowError(line, "code", new Msg($"รหัส {input.Code} ซ้ำกับแถวที่ {inFile[input.Code!.Trim()].Line}",
                    $"The code {input.Code} repeats row {inFile[input.Code!.Trim()].Line}.")));
            if (existing.TryGetValue(input.Code?.Trim() ?? "", out var old) && OrganizationRules.TryType(input.Type) is { } type && old.Type != type)
                errors.Add(new RowError(line, "type", new Msg($"หน่วยงาน {old.Code} มีอยู่แล้วเป็นประเภทอื่น",
                    $"{old.Code} already exists with another type; a type cannot change.")));
        }
        if (errors.Count > 0) return new Result(0, 0, 0, errors);
        // Parents first: a parent (ministry or province cluster) never has a parent itself, so rows without
        // a parent code make the first batches and every child's parent is saved before it.
        rows = [.. rows.OrderBy(r => string.IsNullOrWhiteSpace(r.Input.ParentCode) ? 0 : 1)];

        int created = 0, updated = 0, unchanged = 0, pending = 0;
        var byCode = new Dictionary<string, Organization>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var (_, input) in rows)
        {
            var code = input.Code!.Trim();
            if (!byCode.TryGetValue(code, out var organization))
            {
                organization = new Organization { Code = code, Type = OrganizationRules.ParseType(input.Type) };
                db.Organizations.Add(organization);
                byCode[code] = organization;
            }
            organization.NameTh = input.NameTh!.Trim();
            organization.NameEn = input.NameEn!.Trim();
            organization.ParentId = string.IsNullOrWhiteSpace(input.ParentCode) ? null : byCode[input.ParentCode.Trim()].Id;
            switch (db.Entry(organization).State)
            {
                case EntityState.Added: created++; pending++; break;
                case EntityState.Modified: updated++; pending++; break;
                default: unchanged++; break;
            }
            if (pending == BatchSize)
            {
                await db.SaveChangesAsync(ct);
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        return new Result(created, updated, unchanged, []);
    }

    private static (List<(int Line, OrganizationInput Input)> Rows, RowError? Error) Read(Stream csv)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
        };
        using var reader = new StreamReader(csv, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, config);
        var rows = new List<(int, OrganizationInput)>();
        try
        {
            if (!parser.Read() || !parser.ReadHeader())
                return (rows, new RowError(1, "file", new Msg("ไฟล์ว่างเปล่า", "The file is empty.")));
            var header = parser.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var missing = Columns.Take(4).Where(c => !header.Contains(c.ToLowerInvariant())).ToList();
            if (missing.Count > 0)
                return (rows, new RowError(1, "file", new Msg($"ไม่พบคอลัมน์: {string.Join(", ", missing)}",
                    $"Missing columns: {string.Join(", ", missing)}. Expected: {string.Join(",", Columns)}")));
            while (parser.Read())
            {
                string? Field(string name) => parser.GetField(name.ToLowerInvariant());
                if (parser.Parser.Record!.All(string.IsNullOrWhiteSpace)) continue;
                if (rows.Count == MaxRows)
                    return (rows, new RowError(parser.Parser.RawRow, "rows", TooLargeMessage));
                rows.Add((parser.Parser.RawRow, new OrganizationInput(Field("code"), Field("nameTh"), Field("nameEn"), Field("type"),
                    header.Contains("parentcode") ? Field("parentCode") : null)));
            }
        }
        catch (CsvHelperException e)
        {
            return (rows, new RowError(e.Context?.Parser?.RawRow ?? 0, "file",
                new Msg("อ่านไฟล์ CSV ไม่ได้", $"The CSV file could not be read: {e.Message}")));
        }
        if (rows.Count == 0) return (rows, new RowError(2, "file", new Msg("ไม่มีข้อมูลในไฟล์", "The file has no rows.")));
        return (rows, null);
    }
}
