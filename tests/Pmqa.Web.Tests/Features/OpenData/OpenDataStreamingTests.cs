using Microsoft.Extensions.Configuration;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.OpenData;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Tests.Features.OpenData;

/// <summary>Issue 13: the results CSV streams (ADR 0033): written in chunks it is byte for byte the file written whole.</summary>
public sealed class OpenDataCsvChunkTests
{
    private static PublicUrl Url() =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicUrl"] = "https://pmqa.example" }).Build(), null!);

    private static List<PublicResult> Rows(int count) => Enumerable.Range(0, count).Select(i => new PublicResult(
        2568 - i % 3, $"ORG-{i:D4}", $"หน่วยงาน \"ที่\" {i}", $"Agency, {i}", "Department", "MIN", "กระทรวง", "Ministry", 300.5m + i,
        [new CodeScore("1", 40.25m), new CodeScore("7", 90m)], "Basic", "none", i % 5 == 0, i % 5 == 0 ? $"C-{i}" : "",
        i % 5 == 0 ? new DateOnly(2570, 9, 30) : null, i % 5 == 0 ? Guid.NewGuid() : null, 1 + i % 2,
        new DateTimeOffset(2025, 9, 2, 3, 0, 0, TimeSpan.Zero), i % 2 == 1 ? "=แก้ไข" : "", true)).ToList();

    private static async IAsyncEnumerable<IReadOnlyList<PublicResult>> Batches(List<PublicResult> rows)
    {
        await Task.Yield();
        foreach (var year in rows.Chunk(OpenDataFiles.RowsPerChunk + 40)) yield return year;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(2568)]
    public async Task The_JSON_written_as_its_rows_arrive_is_the_same_bytes_as_the_JSON_made_whole(int? fiscalYear)
    {
        var url = Url();
        var rows = Rows(700);
        using var body = new MemoryStream();
        await OpenDataFiles.WriteJsonAsync(body, Batches(rows), fiscalYear, url, CancellationToken.None);
        Assert.Equal(OpenDataFiles.JsonFile(rows, fiscalYear, url), body.ToArray());
    }

    [Fact]
    public async Task The_CSV_written_in_chunks_over_several_batches_is_the_same_bytes_as_the_CSV_written_whole()
    {
        var url = new PublicUrl(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicUrl"] = "https://pmqa.example" }).Build(), null!);
        var rows = Enumerable.Range(0, OpenDataFiles.RowsPerChunk * 3 + 17).Select(i => new PublicResult(
            2568 - i % 3, $"ORG-{i:D4}", $"หน่วยงาน \"ที่\" {i}", $"Agency, {i}", "Department", "MIN", "กระทรวง", "Ministry", 300.5m + i,
            [new CodeScore("1", 40.25m), new CodeScore("7", 90m)], "Basic", "none", i % 5 == 0, i % 5 == 0 ? $"C-{i}" : "",
            i % 5 == 0 ? new DateOnly(2570, 9, 30) : null, i % 5 == 0 ? Guid.NewGuid() : null, 1 + i % 2,
            new DateTimeOffset(2025, 9, 2, 3, 0, 0, TimeSpan.Zero), i % 2 == 1 ? "=แก้ไข" : "", true)).ToList();
        var whole = OpenDataFiles.Csv(rows, url);

        using var body = new MemoryStream();
        await OpenDataFiles.WriteCsvAsync(body, Batches(), url, CancellationToken.None);

        Assert.Equal(whole, body.ToArray());
        Assert.Equal([0xEF, 0xBB, 0xBF], body.ToArray()[..3]); // one byte-order mark, at the start only

        async IAsyncEnumerable<IReadOnlyList<PublicResult>> Batches()
        {
            await Task.Yield();
            foreach (var year in rows.Chunk(OpenDataFiles.RowsPerChunk + 40)) yield return year;
        }
    }
}
