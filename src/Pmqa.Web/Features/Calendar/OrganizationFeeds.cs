using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Auth;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// Each organisation's private iCalendar feed (ADR 0024): its audience's calendar with the round's submission
/// deadline replaced by the organisation's own (an extension granted to it moves it; another organisation's does
/// not). Calendar clients cannot sign in, so the address holds a random token (256 bits) of which only the SHA-256
/// is kept; the organisation's coordinator makes a new one, which ends the old address. Unknown token: 404.
/// </summary>
public sealed class OrganizationFeeds(PmqaDbContext db, CalendarQueries queries, CurrentUser user, TimeProvider clock)
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string FeedPath(string token) => $"/calendar/feeds/{token}.ics";

    /// <summary>The caller's organisations whose feed they may (re)create: those they coordinate.</summary>
    public async Task<IReadOnlyList<(Guid Id, string NameTh, string NameEn, bool HasFeed)>> CoordinatedAsync(CancellationToken ct)
    {
        if (user.Id is null) return [];
        var ids = (await user.MembershipsAsync()).Where(m => m.Role == Role.Coordinator).Select(m => m.OrganizationId).Distinct().ToList();
        if (ids.Count == 0) return [];
        var withFeed = await db.CalendarFeedTokens.Where(t => ids.Contains(t.OrganizationId)).Select(t => t.OrganizationId).ToListAsync(ct);
        return [.. (await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct))
            .Where(o => o.Type.IsAssessed()).OrderBy(o => o.Code).Select(o => (o.Id, o.NameTh, o.NameEn, withFeed.Contains(o.Id)))];
    }

    /// <summary>A new secret address for the organisation's feed (the old one stops working); null when the caller
    /// does not coordinate it. The token is returned this once; only its hash is stored.</summary>
    public async Task<string?> RegenerateAsync(Guid organizationId, CancellationToken ct)
    {
        if ((await CoordinatedAsync(ct)).All(o => o.Id != organizationId)) return null;
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = await db.CalendarFeedTokens.SingleOrDefaultAsync(t => t.OrganizationId == organizationId, ct);
        if (row is null) db.CalendarFeedTokens.Add(row = new CalendarFeedToken { OrganizationId = organizationId });
        row.TokenHash = Hash(token);
        row.CreatedAt = clock.GetUtcNow();
        row.CreatedBy = user.Name;
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The organisation of a token and its calendar entries; null for an unknown or replaced token.</summary>
    public async Task<(Organization Org, List<CalendarEntry> Entries)?> EntriesAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        var orgId = await db.CalendarFeedTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.OrganizationId).SingleOrDefaultAsync(ct);
        if (orgId is null) return null;
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId, ct);
        var entries = await queries.EntriesAsync(EventNames.AudienceOf(org.Type), null, ct);
        var extensions = (await db.RoundExtensions.AsNoTracking().Where(e => e.OrganizationId == org.Id).ToListAsync(ct))
            .GroupBy(e => e.RoundId).ToDictionary(g => g.Key, g => (Until: g.Max(e => e.Until), Count: g.Count(), Last: g.Max(e => e.GrantedAt)));
        var own = entries.Select(e => e.RoundId is { } roundId && e.Uid == $"round-{roundId}-submission@{CalendarQueries.UidDomain}"
            ? OwnDeadline(e, org.Id, extensions.TryGetValue(roundId, out var x) ? x : null)
            : e);
        return (org, [.. own.OrderBy(e => e.StartsAt).ThenBy(e => e.Uid)]);
    }

    /// <summary>The organisation's own submission deadline: its own UID (so it never mixes with the audience feed's
    /// entry in a client holding both), moved by its extension, with a SEQUENCE that rises with each extension.</summary>
    private static CalendarEntry OwnDeadline(CalendarEntry e, Guid orgId, (DateTimeOffset Until, int Count, DateTimeOffset Last)? extension)
    {
        var uid = $"org-{orgId}-round-{e.RoundId}-submission@{CalendarQueries.UidDomain}";
        if (extension is not { } x) return e with { Uid = uid };
        var (th, en) = (ThaiTime.FormatDateTime(x.Until, true), ThaiTime.FormatDateTime(x.Until, false));
        return e with
        {
            Uid = uid, StartsAt = x.Until, EndsAt = x.Until, Sequence = e.Sequence + x.Count,
            TitleTh = $"{e.TitleTh} (ขยายเวลาให้หน่วยงานถึง {th})", TitleEn = $"{e.TitleEn} (extended for your organisation to {en})",
            UpdatedAt = x.Last > e.UpdatedAt ? x.Last : e.UpdatedAt,
        };
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
