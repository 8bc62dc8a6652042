using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Organizations;

/// <summary>
/// Imports organisations from CSV (<c>code,nameTh,nameEn,type,parentCode</c>). Every row is checked first;
/// if any row is bad, the answer lists each bad row and nothing is saved. Rows whose code exists update
/// that organisation; a parent may be defined anywhere in the same file.
/// </summary>
public sealed class ImportOrganizations(PmqaDbContext db)
{
    public static readonly string[] Columns = ["code", "nameTh", "nameEn", "type", "parentCode"];

    public sealed record RowError(int Row, string Field, Msg Message);

    public sealed record Result(int Created, int Updated, int Unchanged, IReadOnlyList<RowError> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public async Task<Result> HandleAsync(Stream csv, CancellationToken ct = default)
    {
        var (rows, readError) = Read(csv);
        if (readError is not null) return new Result(0, 0, 0, [readError]);

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

        int created = 0, updated = 0, unchanged = 0;
        var byCode = new Dictionary<string, Organization>(existing, StringComparer.OrdinalIgnoreCase);
        foreach (var (_, input) in rows)
        {
            var code = input.Code!.Trim();
            if (!byCode.TryGetValue(code, out var organization))
            {
                organization = new Organization { Code = code, Type = OrganizationRules.ParseType(input.Type) };
                db.Organizations.Add(organization);
                byCode[code] = organization;
                created++;
            }
            organization.NameTh = input.NameTh!.Trim();
            organization.NameEn = input.NameEn!.Trim();
        }
        foreach (var (_, input) in rows)
        {
            var organization = byCode[input.Code!.Trim()];
            organization.ParentId = string.IsNullOrWhiteSpace(input.ParentCode) ? null : byCode[input.ParentCode.Trim()].Id;
            if (db.Entry(organization).State == EntityState.Modified) updated++;
            else if (db.Entry(organization).State == EntityState.Unchanged) unchanged++;
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
