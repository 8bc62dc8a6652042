using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Web.Features.Frameworks;

public sealed record FrameworkVersionInfo(
    Guid Id, string Code, string Version, string NameTh, string NameEn, DateTimeOffset ImportedAt,
    bool IsCurrent, bool IsLocked, string Sha256);

/// <summary>A framework version as an assessment uses it: what receipts name and the parsed pack.</summary>
public sealed record LockedVersion(Guid Id, string Code, string Version, string Sha256, FrameworkPack Pack);

/// <summary>
/// Reads framework versions. A version's content never changes under the same hash, so parsed packs are
/// cached by SHA-256 for the life of the process and a page reads the whole tree without a query per issue.
/// </summary>
public sealed class FrameworkCatalog(PmqaDbContext db)
{
    private static readonly ConcurrentDictionary<string, FrameworkPack> Packs = new();
    private static readonly ConcurrentDictionary<Guid, LockedVersion> ById = new();

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

    /// <summary>The pack an assessment is scored with: its round's framework version. Cached by version id,
    /// so after the first request nothing is read at all; see <see cref="VersionAsync"/>.</summary>
    public async Task<FrameworkPack> PackOfAsync(Assessment assessment, CancellationToken ct = default) =>
        (await VersionAsync(assessment.Round!.FrameworkVersionId, ct)).Pack;

    /// <summary>Code, version and hash of the assessment's framework version (receipts, snapshots).</summary>
    public async Task<LockedVersion> VersionOfAsync(Assessment assessment, CancellationToken ct = default) =>
        await VersionAsync(assessment.Round!.FrameworkVersionId, ct);

    /// <summary>A framework version and its parsed pack by id. A version a round uses is locked and never
    /// changes (ADR 0003), so it is cached by id for the life of the process and its 259 KB document is read
    /// only on the first request. An unlocked version can still be re-imported: its header is read each
    /// time (without the document) and its pack comes from the cache by hash.</summary>
    public async Task<LockedVersion> VersionAsync(Guid versionId, CancellationToken ct = default)
    {
        if (ById.TryGetValue(versionId, out var cached)) return cached;
        var header = await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == versionId)
            .Select(f => new { f.Code, f.Version, f.Sha256, Locked = f.LockedAt != null }).SingleAsync(ct);
        if (!Packs.TryGetValue(header.Sha256, out var pack))
        {
            var json = await db.FrameworkVersions.AsNoTracking().Where(f => f.Id == versionId).Select(f => f.ContentJson).SingleAsync(ct);
            pack = Packs.GetOrAdd(header.Sha256, _ => FrameworkPackJson.Deserialize(json));
        }
        var version = new LockedVersion(versionId, header.Code, header.Version, header.Sha256, pack);
        return header.Locked ? ById.GetOrAdd(versionId, version) : version;
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
