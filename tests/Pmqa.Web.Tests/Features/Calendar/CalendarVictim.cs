using Pmqa.Data.Entities;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Calendar;

/// <summary>An event for departments with the victim's participant registered, for the access-control walk; the
/// participant's name carries the victim's code, so showing it to an outsider would be caught.</summary>
public static class CalendarVictim
{
    /// <summary>The secret of the victim's private feed (public by design: whoever holds the address reads it).</summary>
    public static string FeedToken(string code) => $"victim-feed-token-{code.ToLowerInvariant()}-0123456789";

    public static async Task<(Guid Event, Guid Registration)> EventAsync(PmqaApp app, Guid orgId, Guid userId, string code)
    {
        var now = DateTimeOffset.UtcNow;
        var ev = new PromotionEvent
        {
            TitleTh = "อบรมเทคนิคการพัฒนาองค์การ", TitleEn = "Workshop", Kind = "workshop", Audience = "departments",
            StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(3), Capacity = 50, CreatedAt = now, UpdatedAt = now,
        };
        var registration = new EventRegistration
        {
            EventId = ev.Id, OrganizationId = orgId, Name = $"ผู้เข้าร่วม {code}", Email = $"{code.ToLowerInvariant()}@agency.go.th",
            Position = code, Status = "confirmed", RegisteredAt = now, RegisteredByUserId = userId,
        };
        await app.WithDbAsync(db =>
        {
            db.PromotionEvents.Add(ev);
            db.EventRegistrations.Add(registration);
            db.CalendarFeedTokens.Add(new CalendarFeedToken
            {
                OrganizationId = orgId, TokenHash = Pmqa.Web.Features.Calendar.OrganizationFeeds.Hash(FeedToken(code)), CreatedAt = now, CreatedBy = "test",
            });
            return db.SaveChangesAsync();
        });
        return (ev.Id, registration.Id);
    }
}
