using System.Globalization;
using System.Text;

namespace Pmqa.Web.Features.Evidence;

/// <summary>Configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxBytes = 25L * 1024 * 1024;

    /// <summary>The largest file accepted (<c>Evidence:MaxBytes</c>, 25 MB by default).</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>The largest upload request: the file plus room for the multipart envelope and the other
    /// fields. A larger request is refused while it is read, before it is buffered anywhere.</summary>
    public long RequestLimit => MaxBytes + 1024 * 1024;
}

public static class EvidenceText
{
    /// <summary>"25 MB", "340 KB", "812 bytes" (the same in Thai, where these units are written in Latin letters).</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => Infrastructure.Web.Bilingual.T($"{bytes} ไบต์", $"{bytes} bytes"),
    };

    /// <summary>
    /// The uploader's file name, safe to show and to save: no folders, no control or direction-changing
    /// characters (which can disguise "exe" as "pdf"), none of the characters Windows forbids, at most
    /// 200 characters. Thai and other scripts are kept as written.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var safe = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format) continue;
            safe.Append(char.IsControl(c) || "<>:\"|?*".Contains(c) ? '_' : c);
        }
        var result = safe.ToString().Trim().Trim('.').Trim();
        if (result.Length > 200)
        {
            var extension = Path.GetExtension(result);
            if (extension.Length > 16) extension = "";
            var stem = result[..(200 - extension.Length)];
            if (char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
            result = stem + extension;
        }
        return result.Length == 0 ? "evidence" : result;
    }
}
