using System.Text;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Infrastructure.Storage;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

public sealed class ContentSnifferTests
{
    private static async Task<SniffResult> SniffAsync(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var result = await ContentSniffer.DetectAsync(stream);
        Assert.Equal(0, stream.Position); // ready to be stored
        return result;
    }

    private static async Task<FileKind?> KindAsync(byte[] content) => await SniffAsync(content) is SniffResult.Accepted a ? a.Kind : null;

    public static TheoryData<string, string> Kinds => new()
    {
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpeg", "image/jpeg" },
        { "gif", "image/gif" },
        { "webp", "image/webp" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "doc", "application/msword" },
        { "xls", "application/vnd.ms-excel" },
        { "ppt", "application/vnd.ms-powerpoint" },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => Pdf(),
        "png" => Png(),
        "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8.ToArray(), 0x01, 0x01],
        "gif" => [.. "GIF89a"u8.ToArray(), 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B],
        "webp" => [.. "RIFF"u8.ToArray(), 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8.ToArray(), 0x0E, 0x00, 0x00, 0x00],
        "docx" => Docx(),
        "xlsx" => Xlsx(),
        "pptx" => Pptx(),
        "doc" => CompoundFile("WordDocument", "1Table", "\u0005SummaryInformation"),
        "xls" => CompoundFile("Workbook", "\u0005SummaryInformation"),
        "ppt" => CompoundFile("Current User", "PowerPoint Document", "Pictures"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_accepted_kind_is_recognised_from_its_bytes(string kind, string contentType) =>
        Assert.Equal(contentType, (await KindAsync(Sample(kind)))?.ContentType);

    [Fact]
    public async Task A_directory_spread_over_several_sectors_is_followed_through_the_FAT() =>
        Assert.Equal(FileKind.Ppt, await KindAsync(CompoundFile("a", "b", "c", "d", "e", "f", "g", "h", "i", "PowerPoint Document")));

    [Fact]
    public async Task Programs_pages_archives_and_other_containers_are_refused()
    {
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(Executable()));
        Assert.IsType<SniffResult.Unknown>(await SniffAsync("<!DOCTYPE html><html><body>%PDF-</body></html>"u8.ToArray()));
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(Encoding.UTF8.GetBytes("รายงานผลการดำเนินงาน")));
        Assert.IsType<SniffResult.Unknown>(await SniffAsync([]));
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(Zip("report.exe", "readme.txt")));
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(Zip("mimetype", "content.xml", "META-INF/manifest.xml"))); // OpenDocument
        Assert.IsType<SniffResult.Unknown>(await SniffAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])); // a broken ZIP
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(CompoundFile("\u0005SummaryInformation", "Property"))); // an installer or e-mail
        Assert.IsType<SniffResult.Unknown>(await SniffAsync(CompoundFile("WordDocument")[..600])); // cut short
        Assert.IsType<SniffResult.Unknown>(await SniffAsync([.. "RIFF"u8.ToArray(), 0, 0, 0, 0, .. "WAVEfmt "u8.ToArray()]));
    }

    [Fact]
    public async Task Office_documents_with_macros_are_told_apart()
    {
        Assert.IsType<SniffResult.OfficeWithMacros>(await SniffAsync(Zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")));
        Assert.IsType<SniffResult.OfficeWithMacros>(await SniffAsync(CompoundFile("WordDocument", "1Table", "Macros")));
        Assert.IsType<SniffResult.OfficeWithMacros>(await SniffAsync(CompoundFile("Workbook", "_VBA_PROJECT_CUR")));
    }

    [Theory]
    [InlineData("รายงาน ประจำปี 2569.pdf", "รายงาน ประจำปี 2569.pdf")]
    [InlineData(@"C:\Users\สมชาย\Desktop\แผน.pdf", "แผน.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("a\r\nb<c>:\"d\".pdf", "a__b_c___d_.pdf")]
    [InlineData("  ...  ", "evidence")]
    [InlineData(null, "evidence")]
    public void File_names_are_made_safe_and_keep_Thai(string? given, string expected) =>
        Assert.Equal(expected, EvidenceText.SafeFileName(given));

    [Fact]
    public void A_long_name_keeps_its_extension_and_a_name_gets_the_extension_of_its_content()
    {
        var name = EvidenceText.SafeFileName(new string('ก', 300) + ".pdf");
        Assert.Equal(200, name.Length);
        Assert.EndsWith(".pdf", name);
        Assert.Equal("setup.exe.pdf", FileKind.Pdf.NameFor("setup.exe"));
        Assert.Equal("photo.JPEG", FileKind.Jpeg.NameFor("photo.JPEG"));
        Assert.Equal("scan.png", FileKind.Png.NameFor("scan"));
    }

    [Fact]
    public void Sizes_are_shown_in_the_units_people_use()
    {
        Assert.Equal("25 MB", EvidenceText.Size(EvidenceOptions.DefaultMaxBytes));
        Assert.Equal("1.5 MB", EvidenceText.Size(1536 * 1024));
        Assert.Equal("1 KB", EvidenceText.Size(1024));
    }
}

public sealed class FileSystemBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pmqa-blob-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_same_bytes_are_one_file_named_by_their_hash()
    {
        var store = new FileSystemBlobStore(_root);
        var content = Encoding.UTF8.GetBytes("หลักฐานการประชุม " + Guid.NewGuid());
        var first = await store.SaveAsync(new MemoryStream(content));
        var second = await store.SaveAsync(new MemoryStream(content));
        Assert.Equal(first, second);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), first.Sha256);
        Assert.Equal(content.Length, first.Length);
        Assert.Equal([Path.Combine(_root, first.Sha256[..2], first.Sha256)], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));

        await using var read = await store.OpenReadAsync(first.Sha256);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Only_a_hash_is_ever_a_path()
    {
        var store = new FileSystemBlobStore(_root);
        Assert.Null(await store.OpenReadAsync(new string('a', 64)));
        Assert.Null(await store.OpenReadAsync("../../etc/passwd"));
        Assert.Null(await store.OpenReadAsync(new string('A', 64)));
    }
}
