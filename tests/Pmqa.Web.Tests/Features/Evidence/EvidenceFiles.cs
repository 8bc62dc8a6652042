using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Pmqa.Web.Tests.Features.Evidence;

/// <summary>Small real files of each kind, built in memory for the tests.</summary>
public static class EvidenceFiles
{
    /// <summary>A minimal PDF; <paramref name="marker"/> makes its bytes (and so its SHA-256) unique.</summary>
    public static byte[] Pdf(string marker = "") => Encoding.UTF8.GetBytes(
        "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n" +
        $"% {marker} {Guid.NewGuid()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        .. Guid.NewGuid().ToByteArray(),
    ];

    /// <summary>What a Windows program starts with: "MZ", then the DOS stub.</summary>
    public static byte[] Executable() => [.. "MZ"u8.ToArray(), 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. "This program cannot be run in DOS mode."u8.ToArray()];

    /// <summary>A ZIP holding the given entries (e.g. a Word document's parts).</summary>
    public static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(name.EndsWith(".xml") ? "<?xml version=\"1.0\"?><x/>" : "data");
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "docProps/core.xml");
    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    public static byte[] Pptx() => Zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml");

    /// <summary>
    /// An OLE2 compound file ([MS-CFB], 512-byte sectors) whose directory holds a root entry and the named
    /// streams, four entries per sector over as many sectors as needed, chained through the FAT.
    /// </summary>
    public static byte[] CompoundFile(params string[] streams)
    {
        const int sector = 512;
        var entries = new[] { "Root Entry" }.Concat(streams).ToList();
        var directorySectors = (entries.Count + 3) / 4;
        var total = 1 + directorySectors; // sector 0 is the FAT, then the directory
        var file = new byte[(total + 1) * sector];
        var header = file.AsSpan(0, sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BitConverter.TryWriteBytes(header[24..], (ushort)0x3E); // minor version
        BitConverter.TryWriteBytes(header[26..], (ushort)3);    // major version 3: 512-byte sectors
        BitConverter.TryWriteBytes(header[28..], (ushort)0xFFFE);
        BitConverter.TryWriteBytes(header[30..], (ushort)9);
        BitConverter.TryWriteBytes(header[32..], (ushort)6);
        BitConverter.TryWriteBytes(header[44..], 1u);            // one FAT sector
        BitConverter.TryWriteBytes(header[48..], 1u);            // the directory starts at sector 1
        BitConverter.TryWriteBytes(header[56..], 4096u);
        BitConverter.TryWriteBytes(header[60..], 0xFFFFFFFEu);   // no mini FAT
        BitConverter.TryWriteBytes(header[68..], 0xFFFFFFFEu);   // no DIFAT sectors
        for (var i = 0; i < 109; i++) BitConverter.TryWriteBytes(header[(76 + i * 4)..], i == 0 ? 0u : 0xFFFFFFFFu);

        var fat = file.AsSpan(sector, sector);
        for (var i = 0; i < sector / 4; i++) BitConverter.TryWriteBytes(fat[(i * 4)..], 0xFFFFFFFFu);
        BitConverter.TryWriteBytes(fat, 0xFFFFFFFDu); // sector 0 holds the FAT
        for (var s = 1; s <= directorySectors; s++)
            BitConverter.TryWriteBytes(fat[(s * 4)..], s == directorySectors ? 0xFFFFFFFEu : (uint)(s + 1));

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = file.AsSpan((2 + i / 4) * sector + i % 4 * 128, 128);
            var name = Encoding.Unicode.GetBytes(entries[i]);
            name.CopyTo(entry);
            BitConverter.TryWriteBytes(entry[64..], (ushort)(name.Length + 2));
            entry[66] = (byte)(i == 0 ? 5 : 2);
        }
        return file;
    }

    /// <summary>A multipart upload with the field <c>file</c>, sent as a client that claims it is a PDF.</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName, params string[] issueCodes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        foreach (var code in issueCodes) form.Add(new StringContent(code), "issueCodes");
        return form;
    }
}
