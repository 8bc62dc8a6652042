using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Awards;

/// <summary>The per-category award thresholds of a round: <c>{"1":400,…}</c>, one per category of the round's
/// framework version (however many it has), in the pack's order; a category not named uses the round's default.</summary>
public static class AwardThresholds
{
    public static Dictionary<string, decimal> Read(Round round, FrameworkPack pack)
    {
        var stored = string.IsNullOrWhiteSpace(round.CategoryAwardThresholdsJson)
            ? new Dictionary<string, decimal>()
            : JsonSerializer.Deserialize<Dictionary<string, decimal>>(round.CategoryAwardThresholdsJson) ?? [];
        return pack.Categories.ToDictionary(c => c.Code, c => stored.TryGetValue(c.Code, out var v) ? v : round.DefaultCategoryAwardThreshold,
            StringComparer.Ordinal);
    }
}

/// <summary>OPDC sets the category award thresholds of a round. The caller may send the round's version it
/// read (the page always does); if someone saved since, the change is refused rather than overwriting theirs.</summary>
public sealed class SetAwardThresholds(PmqaDbContext db, FrameworkCatalog catalog)
{
    public sealed record Command(Guid RoundId, int? Version, IReadOnlyDictionary<string, decimal?>? Thresholds);

    public async Task<Outcome<int>> HandleAsync(Command command, CancellationToken ct = default)
    {
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == command.RoundId, ct);
        if (round is null) return new Outcome<int>.NotFound();
        if (command.Version is { } version && version != round.Version) return Stale();
        var errors = new ValidationErrors();
        var thresholds = AwardThresholds.Read(round, await catalog.PackOfVersionAsync(round.FrameworkVersionId, ct));
        var codes = string.Join(", ", thresholds.Keys);
        if (command.Thresholds is null || command.Thresholds.Count == 0)
            errors.Add("thresholds", "กรุณาระบุเกณฑ์คะแนนของหมวด เช่น {\"1\": 400}", "Give the category thresholds, e.g. {\"1\": 400}.");
        foreach (var (code, value) in command.Thresholds ?? new Dictionary<string, decimal?>())
        {
            if (!thresholds.ContainsKey(code))
                errors.Add("thresholds", $"ไม่มีหมวด {code}: หมวดของรอบนี้คือ {codes}", $"There is no category {code}: this round's categories are {codes}.");
            else if (value is not (>= 0 and <= 500))
                errors.Add($"thresholds.{code}", $"เกณฑ์คะแนนหมวด {code} ต้องเป็นตัวเลข 0 ถึง 500", $"The category {code} threshold must be a number from 0 to 500.");
            else thresholds[code] = value.Value;
        }
        if (errors.Any) return errors;

        round.CategoryAwardThresholdsJson = JsonSerializer.Serialize(
            thresholds.ToDictionary(t => t.Key, t => decimal.Parse(t.Value.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)));
        if (command.Version is { } expected) db.Entry(round).Property(r => r.Version).OriginalValue = expected;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return round.Version;
    }

    private static Outcome<int>.Conflict Stale() => new(new Msg(
        "มีผู้อื่นบันทึกการแก้ไขรอบนี้ก่อนคุณ ค่าด้านล่างเป็นฉบับล่าสุด กรุณาตรวจสอบแล้วบันทึกอีกครั้ง",
        "Someone else saved this round after you opened it. The values below are theirs: check them and save again."));
}
