using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using Pmqa.Domain.OpenData;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.OpenData;

/// <summary>
/// The open-data files. CSV is UTF-8 with a byte-order mark (Excel reads Thai otherwise as mojibake), one header
/// row in Thai with the English field name in brackets, the columns of <see cref="DataDictionary"/> in its order,
/// numbers with a dot. JSON has the same fields by their English names. Both state the licence.
/// </summary>
public static class OpenDataFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), WriteIndented = true,
    };

    public static string FileName(int? fiscalYear, string extension) =>
        fiscalYear is { } y ? $"pmqa-results-{y}.{extension}" : $"pmqa-results-all-years.{extension}";

    /// <summary>One row's cells, in the dictionary's order.</summary>
    public static IReadOnlyDictionary<string, object?> Row(PublicResult r, PublicUrl url)
    {
        var row = new Dictionary<string, object?>
        {
            ["fiscalYear"] = r.FiscalYear, ["organizationCode"] = r.OrganizationCode, ["organizationNameTh"] = r.OrganizationNameTh,
            ["organizationNameEn"] = r.OrganizationNameEn, ["organizationType"] = r.OrganizationType, ["groupCode"] = r.GroupCode,
            ["groupNameTh"] = r.GroupNameTh, ["groupNameEn"] = r.GroupNameEn, ["verifiedTotal"] = r.VerifiedTotal,
        };
        for (var i = 1; i <= 7; i++) row[$"category{i}"] = r.Categories.FirstOrDefault(c => c.Code == i.ToString(CultureInfo.InvariantCulture))?.Score;
        row["statusBand"] = r.StatusBand;
        row["siteVisitOutcome"] = r.SiteVisitOutcome;
        row["certified"] = r.Certified;
        row["certificateNumber"] = r.CertificateNumber;
        row["certificateValidUntil"] = r.CertificateValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        row["certificateVerifyUrl"] = r.CertificateId is { } id ? url.To($"/verify/{id}") : "";
        row["publishedVersion"] = r.PublishedVersion;
        row["publishedAt"] = r.PublishedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        row["correctionNote"] = r.CorrectionNote;
        row["licence"] = DataDictionary.LicenceUrl;
        return row;
    }

    public static byte[] Csv(IEnumerable<PublicResult> results, PublicUrl url)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            WriteHeader(csv);
            foreach (var result in results) WriteRecord(csv, result, url);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The same CSV as <see cref="Csv"/>, written to <paramref name="body"/> as it is made (ADR 0033): the rows arrive
    /// in batches (a fiscal year each) and leave in small chunks, so that the all-years file of 8,000 organisations ×
    /// 5 years never sits whole in the server's memory. Kestrel forbids synchronous writes, so the CSV is written into
    /// a small buffer that is copied to the body asynchronously every <see cref="RowsPerChunk"/> rows.
    /// </summary>
    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<IReadOnlyList<PublicResult>> batches, PublicUrl url, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        WriteHeader(csv);
        var rows = 0;
        await foreach (var batch in batches.WithCancellation(ct))
            foreach (var result in batch)
            {
                WriteRecord(csv, result, url);
                if (++rows % RowsPerChunk == 0) await DrainAsync();
            }
        await DrainAsync();

        async Task DrainAsync()
        {
            await csv.FlushAsync();
            await writer.FlushAsync(ct);
            await body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
            buffer.SetLength(0);
        }
    }

    /// <summary>Rows per chunk written to the response (about 100 KB of CSV).</summary>
    public const int RowsPerChunk = 256;

    private static void WriteHeader(CsvWriter csv)
    {
        foreach (var header in DataDictionary.CsvHeader) csv.WriteField(header);
        csv.NextRecord();
    }

    private static void WriteRecord(CsvWriter csv, PublicResult result, PublicUrl url)
    {
        foreach (var (_, value) in Row(result, url))
            csv.WriteField(value switch
            {
                null => "",
                decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => CsvCells.Safe(value.ToString()),
            });
        csv.NextRecord();
    }

    public static byte[] JsonFile(IEnumerable<PublicResult> results, int? fiscalYear, PublicUrl url) =>
        JsonSerializer.SerializeToUtf8Bytes(JsonDocumentOf(results.Select(r => Row(r, url)), fiscalYear, url), Json);

    /// <summary>
    /// The same JSON as <see cref="JsonFile"/>, written to <paramref name="body"/> as it is made: the serializer writes
    /// an <see cref="IAsyncEnumerable{T}"/> element by element and flushes its small buffer to the body as it fills,
    /// so only one fiscal year's rows (a batch) are in memory at a time, not the whole file (ADR 0033).
    /// </summary>
    public static Task WriteJsonAsync(Stream body, IAsyncEnumerable<IReadOnlyList<PublicResult>> batches, int? fiscalYear, PublicUrl url, CancellationToken ct)
    {
        return JsonSerializer.SerializeAsync(body, JsonDocumentOf(Rows(), fiscalYear, url), Json, ct);

        async IAsyncEnumerable<IReadOnlyDictionary<string, object?>> Rows()
        {
            await foreach (var batch in batches.WithCancellation(ct))
                foreach (var result in batch) yield return Row(result, url);
        }
    }

    private static object JsonDocumentOf<TRows>(TRows results, int? fiscalYear, PublicUrl url) =>
        new
        {
            title = fiscalYear is { } y ? $"ผลการประเมิน PMQA 4.0 ที่ผ่านการตรวจสอบ ปีงบประมาณ พ.ศ. {y}" : "ผลการประเมิน PMQA 4.0 ที่ผ่านการตรวจสอบ ทุกปีงบประมาณ",
            titleEn = fiscalYear is { } y2 ? $"Verified PMQA 4.0 results, fiscal year {y2} BE" : "Verified PMQA 4.0 results, all fiscal years",
            publisher = "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.) / Office of the Public Sector Development Commission (OPDC)",
            license = DataDictionary.LicenceUrl,
            licenseName = DataDictionary.LicenceNameEn,
            dictionary = url.To("/api/v1/open-data/dictionary"),
            fiscalYear,
            results,
        };

    public static byte[] Dictionary(PublicUrl url) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = "พจนานุกรมข้อมูล ผลการประเมิน PMQA 4.0", titleEn = "Data dictionary: PMQA 4.0 verified results",
            license = DataDictionary.LicenceUrl, licenseName = DataDictionary.LicenceNameEn,
            csv = new
            {
                encoding = "UTF-8 with byte-order mark", delimiter = ",", decimalSeparator = ".",
                header = "ชื่อภาษาไทย (field name), e.g. \"ปีงบประมาณ (fiscalYear)\"",
            },
            catalog = url.To("/api/v1/open-data/catalog.jsonld"),
            fields = DataDictionary.Fields.Select(f => new
            {
                name = f.Name, nameTh = f.NameTh, nameEn = f.NameEn, type = f.Type, unit = f.Unit,
                descriptionTh = f.DescriptionTh, descriptionEn = f.DescriptionEn, allowedValues = f.AllowedValues,
            }),
        }, Json);
}
