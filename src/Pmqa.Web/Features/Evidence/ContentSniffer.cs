using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Pmqa.Web.Features.Evidence;

/// <summary>A kind of file accepted as evidence: the content type it is served with and the extensions its
/// name may carry (the first is added to a name that carries none of them).</summary>
public sealed record FileKind(string Name, string ContentType, params string[] Extensions)
{
    public string Extension => Extensions[0];

    public static readonly FileKind Pdf = new("PDF", "application/pdf", ".pdf");
    public static readonly FileKind Png = new("PNG", "image/png", ".png");
    public static readonly FileKind Jpeg = new("JPEG", "image/jpeg", ".jpg", ".jpeg", ".jpe", ".jfif");
    public static readonly FileKind Gif = new("GIF", "image/gif", ".gif");
    public static readonly FileKind WebP = new("WebP", "image/webp", ".webp");
    public static readonly FileKind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileKind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileKind Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileKind Doc = new("Word 97–2003", "application/msword", ".doc");
    public static readonly FileKind Xls = new("Excel 97–2003", "application/vnd.ms-excel", ".xls");
    public static readonly FileKind Ppt = new("PowerPoint 97–2003", "application/vnd.ms-powerpoint", ".ppt");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    /// <summary>The <c>accept</c> attribute of a file field: every extension and content type.</summary>
    public static string Accept => string.Join(",", All.SelectMany(k => k.Extensions).Concat(All.Select(k => k.ContentType)).Distinct());

    /// <summary>The name with an extension of this kind, so that a PDF called <c>setup.exe</c> is saved as
    /// <c>setup.exe.pdf</c> and never opened as a program.</summary>
    public string NameFor(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase) ? fileName : fileName + Extension;
}

public abstract record SniffResult
{
    public sealed record Accepted(FileKind Kind) : SniffResult;
    /// <summary>Not a PDF, an image or an Office document (an executable, an archive, a web page…).</summary>
    public sealed record Unknown : SniffResult;
    /// <summary>An Office document that carries macros (VBA).</summary>
    public sealed record OfficeWithMacros : SniffResult;
    /// <summary>An Office document whose parts claim to inflate far beyond any real document (a zip bomb).</summary>
    public sealed record OfficeTooExpanded : SniffResult;
}

/// <summary>
/// Tells what a file is from its bytes, never from its name or the client's Content-Type: the magic numbers
/// of PDF and the images; for a ZIP, the parts inside that make it a Word, Excel or PowerPoint document
/// (OOXML); for an OLE2 compound file, the streams that make it a Word, Excel or PowerPoint 97–2003 file.
/// The stream must be seekable (an upload buffered by ASP.NET, a file): only the header, the ZIP central
/// directory and the compound file's directory are read, never the whole content.
/// </summary>
public static class ContentSniffer
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] WebPTag = "WEBP"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2Magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static async Task<SniffResult> DetectAsync(Stream content, CancellationToken ct = default)
    {
        if (!content.CanSeek) throw new ArgumentException("The content must be seekable.", nameof(content));
        content.Position = 0;
        var header = new byte[16];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var head = header.AsSpan(0, read);
        try
        {
            if (head.StartsWith(PdfMagic)) return new SniffResult.Accepted(FileKind.Pdf);
            if (head.StartsWith(PngMagic)) return new SniffResult.Accepted(FileKind.Png);
            if (head.StartsWith(JpegMagic)) return new SniffResult.Accepted(FileKind.Jpeg);
            if (head.StartsWith(Gif87) || head.StartsWith(Gif89)) return new SniffResult.Accepted(FileKind.Gif);
            if (head.Length >= 12 && head.StartsWith(Riff) && head[8..12].SequenceEqual(WebPTag)) return new SniffResult.Accepted(FileKind.WebP);
            if (head.StartsWith(ZipMagic)) return await OpenXmlAsync(content, ct);
            if (head.StartsWith(Ole2Magic)) return await CompoundFileAsync(content, ct);
            return new SniffResult.Unknown();
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>A ZIP is an Office document when it has <c>[Content_Types].xml</c> and its main parts under
    /// <c>word/</c>, <c>xl/</c> or <c>ppt/</c>; anything else zipped (an OpenDocument file, a plain archive) is refused.</summary>
    private static async Task<SniffResult> OpenXmlAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        try
        {
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml")) return new SniffResult.Unknown();
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return new SniffResult.OfficeWithMacros();
            if (ZipBomb.Suspected(zip.Entries)) return new SniffResult.OfficeTooExpanded();
            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal))) return new SniffResult.Accepted(FileKind.Docx);
            if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal))) return new SniffResult.Accepted(FileKind.Xlsx);
            if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal))) return new SniffResult.Accepted(FileKind.Pptx);
            return new SniffResult.Unknown();
        }
        catch (InvalidDataException)
        {
            return new SniffResult.Unknown();
        }
    }

    /// <summary>An OLE2 compound file (also the container of installers and e-mails) is a Word, Excel or
    /// PowerPoint 97–2003 file when its directory holds that program's main stream.</summary>
    private static async Task<SniffResult> CompoundFileAsync(Stream content, CancellationToken ct)
    {
        var names = await CompoundFileDirectory.NamesAsync(content, ct);
        if (names is null) return new SniffResult.Unknown();
        if (names.Contains("Macros") || names.Contains("_VBA_PROJECT_CUR") || names.Contains("_VBA_PROJECT")) return new SniffResult.OfficeWithMacros();
        if (names.Contains("WordDocument")) return new SniffResult.Accepted(FileKind.Doc);
        if (names.Contains("Workbook") || names.Contains("Book")) return new SniffResult.Accepted(FileKind.Xls);
        if (names.Contains("PowerPoint Document")) return new SniffResult.Accepted(FileKind.Ppt);
        return new SniffResult.Unknown();
    }
}

/// <summary>Reads the names in an OLE2 compound file's directory ([MS-CFB]); null when the file is malformed.</summary>
internal static class CompoundFileDirectory
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int EntrySize = 128;

    public static async Task<HashSet<string>?> NamesAsync(Stream content, CancellationToken ct)
    {
        var header = new byte[512];
        content.Position = 0;
        if (await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct) < header.Length) return null;
        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30));
        if (shift is not (9 or 12)) return null;
        var sectorSize = 1 << shift;
        var perSector = sectorSize / 4;
        var maxSectors = content.Length / sectorSize + 1;

        // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(76 + i * 4)));
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(68));
        var sector = new byte[sectorSize];
        for (var hops = 0; difat < EndOfChain && hops < maxSectors; hops++)
        {
            if (!await ReadSectorAsync(content, difat, sector, ct)) return null;
            for (var i = 0; i < perSector - 1; i++) fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4)));
            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var directory = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(48));
        var fat = new byte[4];
        for (var hops = 0; directory < EndOfChain; hops++)
        {
            if (hops > maxSectors || !await ReadSectorAsync(content, directory, sector, ct)) return null;
            for (var offset = 0; offset + EntrySize <= sectorSize; offset += EntrySize)
            {
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(offset + 64));
                if (nameBytes is >= 2 and <= 64) names.Add(Encoding.Unicode.GetString(sector, offset, nameBytes - 2));
            }
            // The next directory sector is the FAT's entry for this one.
            var fatIndex = directory / (uint)perSector;
            if (fatIndex >= fatSectors.Count || fatSectors[(int)fatIndex] >= EndOfChain) return null;
            content.Position = ((long)fatSectors[(int)fatIndex] + 1) * sectorSize + directory % perSector * 4;
            if (await content.ReadAtLeastAsync(fat, 4, throwOnEndOfStream: false, ct) < 4) return null;
            directory = BinaryPrimitives.ReadUInt32LittleEndian(fat);
        }
        return names;
    }

    private static async Task<bool> ReadSectorAsync(Stream content, uint index, byte[] sector, CancellationToken ct)
    {
        var offset = ((long)index + 1) * sector.Length;
        if (offset + sector.Length > content.Length) return false;
        content.Position = offset;
        return await content.ReadAtLeastAsync(sector, sector.Length, throwOnEndOfStream: false, ct) == sector.Length;
    }
}

/// <summary>
/// The server never inflates an uploaded document, but whoever downloads it does: a few megabytes that
/// declare gigabytes (a zip bomb named <c>.docx</c>) would hang or crash the reader's Word. The central
/// directory declares each part's sizes, so this needs no decompression. Real Office documents inflate
/// 2–20 times (XML compresses well); a sheet of repeated values may reach 50–100.
/// </summary>
internal static class ZipBomb
{
    /// <summary>The most a document's parts may declare in total once inflated.</summary>
    public const long MaxUncompressedBytes = 512L * 1024 * 1024;

    /// <summary>The highest inflation ratio accepted once a document declares more than <see cref="RatioFloorBytes"/>.</summary>
    public const long MaxRatio = 200;

    public const long RatioFloorBytes = 10L * 1024 * 1024;

    public static bool Suspected(IEnumerable<ZipArchiveEntry> entries)
    {
        long uncompressed = 0, compressed = 0;
        foreach (var entry in entries)
        {
            uncompressed += entry.Length;
            compressed += entry.CompressedLength;
            if (uncompressed > MaxUncompressedBytes) return true;
        }
        return uncompressed > RatioFloorBytes && uncompressed > MaxRatio * Math.Max(compressed, 1);
    }
}
