using System.Net;
using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security.Fuzzing;

/// <summary>
/// The two CSV importers (an agency's public services, OPDC's organisations) fed files that are mostly right — real
/// headers in Thai or English, plausible rows — with the cells and the structure broken: quotes left open, line
/// breaks and NULs inside cells, rows too short or too long, a BOM in the middle, formulas, unknown values. The
/// answer is never a server error, a refusal is a problem document, and an import is whole or nothing: the number of
/// stored rows grows by exactly what the answer says was imported, or not at all.
/// </summary>
public abstract class CsvImportFuzzTests(PmqaApp app)
{
    private static readonly string[] ServiceHeadersEn = ["name", "audience", "channel", "target year", "responsible unit", "fully digital", "common services", "internal", "link"];
    private static readonly string[] ServiceHeadersTh = ["ชื่อบริการ", "ผู้รับบริการ", "ช่องทางปัจจุบัน", "ปีเป้าหมาย", "หน่วยงานที่รับผิดชอบ", "ดิจิทัลตลอดกระบวนการ", "บริการกลางที่ใช้", "ใช้ภายใน", "ลิงก์"];

    private static readonly Gen<string> Cells = Gen.OneOf(
        Gen.OneOfConst("ขอรับเบี้ยยังชีพ", "ประชาชน", "people", "business", "Citizen Portal", "counterOnly", "ให้บริการที่เคาน์เตอร์เท่านั้น",
            "2569", "2570", "2575", "1999", "กองกลาง", "ใช่", "yes", "no", "e-Form;e-Payment", "https://example.go.th/x", "department", "ministry"),
        Gen.OneOfConst("", " ", "\"", "\"\"", "\"ปิดไม่ครบ", "a\"b", "=HYPERLINK(\"x\")", "+1", "\u0000", "\uFEFF", "\r", "\n", "ก,ข", "\"ก\nข\"",
            "<script>", "../x", "-2147483649", "99999999999999999999", "\u202Eคว่ำ"),
        Gen.String[0, 30],
        Gen.Int[1, 3].Select(n => new string('ก', n * 3_000)));

    private static Gen<string> Files(string[] en, string[] th) => Gen.Select(
        Gen.Bool, Gen.Int[1, en.Length], Cells.Array[0, 12].Array[0, 25], Gen.OneOfConst("\n", "\r\n", "\r"), Gen.Bool,
        (thai, columns, rows, newline, bom) =>
        {
            var header = string.Join(",", (thai ? th : en).Take(columns));
            var body = string.Join(newline, rows.Select(cells => string.Join(",", cells)));
            return (bom ? "\uFEFF" : "") + header + newline + body;
        });

    [Fact]
    public async Task A_broken_service_file_never_gets_a_server_error_and_imports_all_or_nothing()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var url = $"/api/v1/organizations/{org.Id}/services/import";
        var imported = 0;
        var refused = 0;
        await Files(ServiceHeadersEn, ServiceHeadersTh).SampleAsync(async csv =>
        {
            var before = await app.WithDbAsync(db => db.DigitalServices.CountAsync(s => s.OrganizationId == org.Id));
            using var response = await coordinator.PostAsync(url, new StringContent(csv, Encoding.UTF8, "text/csv"));
            var after = await app.WithDbAsync(db => db.DigitalServices.CountAsync(s => s.OrganizationId == org.Id));
            if (response.IsSuccessStatusCode)
            {
                var count = (await response.JsonAsync()).GetProperty("imported").GetInt32();
                Assert.Equal(before + count, after);
                Interlocked.Increment(ref imported);
            }
            else
            {
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, after);
                Interlocked.Increment(ref refused);
            }
        }, iter: FuzzBudget.Iterations * 25, threads: 1, seed: FuzzBudget.Seed, print: JsonBodies.Shorten);
        // Both sides of the property were exercised.
        Assert.True(refused > 0, "no generated file was refused");
    }

    [Fact]
    public async Task A_broken_organisation_file_never_gets_a_server_error_and_imports_all_or_nothing()
    {
        var admin = await app.AdminApiAsync();
        var refused = 0;
        await Gen.Select(Files(["code", "nameTh", "nameEn", "type", "parentCode"], ["code", "nameTh", "nameEn", "type", "parentCode"]), Gen.Int[0, 9_999])
            .SampleAsync(async (csv, salt) =>
        {
            // Codes in the file are made unique to this sample, so that the count below sees only its rows.
            var prefix = $"FZ{salt}{Guid.NewGuid().ToString("N")[..6]}";
            var lines = csv.Split('\n');
            var withCodes = string.Join("\n", lines.Select((line, i) => i == 0 || line.Length == 0 ? line : prefix + "-" + i + line));
            var before = await app.WithDbAsync(db => db.Organizations.CountAsync());
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(withCodes)), "file", "organizations.csv" } };
            using var response = await admin.PostAsync("/api/v1/organizations/import", form);
            var after = await app.WithDbAsync(db => db.Organizations.CountAsync());
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.IsSuccessStatusCode)
            {
                Assert.Equal(before + (await response.JsonAsync()).GetProperty("created").GetInt32(), after);
            }
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, after);
                Interlocked.Increment(ref refused);
            }
        }, iter: FuzzBudget.Iterations * 25, threads: 1, seed: FuzzBudget.Seed, print: t => JsonBodies.Shorten(t.Item1));
        Assert.True(refused > 0, "no generated file was refused");
    }
}

public sealed class CsvImportFuzzTests_Sqlite(SqliteApp app) : CsvImportFuzzTests(app), IClassFixture<SqliteApp>;
public sealed class CsvImportFuzzTests_Postgres(PostgresApp app) : CsvImportFuzzTests(app), IClassFixture<PostgresApp>;
