using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Web.Features.Frameworks;

public sealed record FrameworkVersionInfo(
    Guid Id, string Code, string Version, string NameTh, string NameEn, DateTimeOffset ImportedAt,
    bool IsCurrent, bool IsLocked, string Sha256);

/// <summary>
/// Reads framework versions. A version's content never changes under the same hash, so parsed packs are
/// cached by SHA-256 for the life of the process and a page reads the whole tree without a query per issue.
/// </summary>
public sealed class FrameworkCatalog(PmqaDbContext db)
{
    private static readonly ConcurrentDictionary<string, FrameworkPack> Packs = new();

    public async Task<IReadOnlyList<FrameworkVersionInfo>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.FrameworkVersions.AsNoTracking()
            .Select(f => new { f.Id, f.Code, f.Version, f.NameTh, f.NameEn, f.ImportedAt, f.LockedAt, f.Sha256 })
            .ToListAsync(ct);
        var current = rows.GroupBy(r => r.Code).Select(g => g.MaxBy(r => r.ImportedAt)!.Id).ToHashSet();
        return rows
            .OrderBy(r => r.Code).ThenByDescending(r => r.ImportedAt)
            .Select(r => new FrameworkVersionInfo(r.Id, r.Code, r.Version, r.NameTh, r.NameEn, r.ImportedAt,
                current.Contains(r.Id), r.LockedAt is not null, r.Sha256))
            .ToList();
    }

    /// <summary>The named version of a framework, or its current (newest) version when none is named.</summary>
    public async Task<(FrameworkVersionInfo Info, FrameworkPack Pack)?> FindAsync(string code, string? version = null, CancellationToken ct = default)
    {
        var versions = (await ListAsync(ct)).Where(v => v.Code == code).ToList();
        var info = version is null ? versions.FirstOrDefault(v => v.IsCurrent) : versions.FirstOrDefault(v => v.Version == version);
        if (info is null) return null;
        if (!Packs.TryGetValue(info.Sha256, out var pack))
        {
            var json = await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == info.Id).Select(f => f.ContentJson).SingleAsync(ct);
            pack = Packs.GetOrAdd(info.Sha256, _ => FrameworkPackJson.Deserialize(json));
        }
        return (info, pack);
    }

    /// <summary>The pack an assessment is scored with: its round's framework version, already loaded with the
    /// assessment, so a cached pack costs no query at all (unlike <see cref="FindAsync"/>, which lists the versions).</summary>
    public async Task<FrameworkPack> PackOfAsync(Assessment assessment, CancellationToken ct = default)
    {
        var version = assessment.Round!.FrameworkVersion!;
        if (Packs.TryGetValue(version.Sha256, out var pack)) return pack;
        var json = version.ContentJson.Length > 0 ? version.ContentJson
            : await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == version.Id).Select(f => f.ContentJson).SingleAsync(ct);
        return Packs.GetOrAdd(version.Sha256, _ => FrameworkPackJson.Deserialize(json));
    }

    /// <summary>The pack of a framework version by its id (e.g. a round's), from the cache when it was parsed before.</summary>
    public async Task<FrameworkPack> PackOfVersionAsync(Guid frameworkVersionId, CancellationToken ct = default)
    {
        var sha = await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == frameworkVersionId).Select(f => f.Sha256).SingleAsync(ct);
        if (Packs.TryGetValue(sha, out var pack)) return pack;
        var json = await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == frameworkVersionId).Select(f => f.ContentJson).SingleAsync(ct);
        return Packs.GetOrAdd(sha, _ => FrameworkPackJson.Deserialize(json));
    }

    internal static FrameworkVersion NewVersion(FrameworkPack pack, DateTimeOffset now)
    {
        var version = new FrameworkVersion { Code = pack.Code, Version = pack.Version, ImportedAt = now };
        SetContent(version, pack);
        return version;
    }

    internal static void SetContent(FrameworkVersion version, FrameworkPack pack)
    {
        version.NameTh = pack.NameTh;
        version.NameEn = pack.NameEn;
        version.ContentJson = FrameworkPackJson.Serialize(pack);
        version.Sha256 = FrameworkPackJson.Sha256(version.ContentJson);
    }
}
