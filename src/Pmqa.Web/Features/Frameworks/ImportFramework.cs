using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Frameworks;

/// <summary>
/// Imports a framework version from a YAML file in the shipped pack's format. A new code+version is
/// added and becomes current; an existing, unlocked version is replaced; a locked one (used by a round)
/// is refused: it can only be superseded by a new version label.
/// </summary>
public sealed class ImportFramework(PmqaDbContext db, TimeProvider clock)
{
    public sealed record Result(Guid Id, string Code, string Version, bool Replaced);

    public async Task<Outcome<Result>> HandleAsync(string yaml, CancellationToken ct = default)
    {
        var (pack, packErrors) = FrameworkPackReader.TryRead(yaml);
        if (pack is null)
        {
            var errors = new ValidationErrors();
            foreach (var e in packErrors)
                errors.Add("file", $"บรรทัด {e.Line} คอลัมน์ {e.Column} ({e.Path}): {e.MessageTh}",
                    $"line {e.Line}, column {e.Column} ({e.Path}): {e.MessageEn}");
            return errors;
        }
        var existing = await db.FrameworkVersions.SingleOrDefaultAsync(f => f.Code == pack.Code && f.Version == pack.Version, ct);
        if (existing is { LockedAt: not null })
            return new Outcome<Result>.Conflict(new Msg(
                $"{pack.Code} รุ่น {pack.Version} ถูกใช้ในรอบการประเมินแล้ว จึงแก้ไขไม่ได้ กรุณานำเข้าเป็นรุ่นใหม่",
                $"{pack.Code} version {pack.Version} is used by a round and can never change; import it as a new version."));
        if (existing is null)
        {
            existing = FrameworkCatalog.NewVersion(pack, clock.GetUtcNow());
            db.FrameworkVersions.Add(existing);
        }
        else
        {
            FrameworkCatalog.SetContent(existing, pack);
        }
        var replaced = db.Entry(existing).State == EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return new Result(existing.Id, existing.Code, existing.Version, replaced);
    }
}

/// <summary>Deletes a framework version that no round uses.</summary>
public sealed class DeleteFrameworkVersion(PmqaDbContext db)
{
    public async Task<Outcome<bool>> HandleAsync(string code, string version, CancellationToken ct = default)
    {
        var row = await db.FrameworkVersions.SingleOrDefaultAsync(f => f.Code == code && f.Version == version, ct);
        if (row is null) return new Outcome<bool>.NotFound();
        if (row.LockedAt is not null)
            return new Outcome<bool>.Conflict(new Msg(
                "รุ่นนี้ถูกใช้ในรอบการประเมินแล้ว จึงลบไม่ได้", "This version is used by a round and can never be deleted."));
        db.FrameworkVersions.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
