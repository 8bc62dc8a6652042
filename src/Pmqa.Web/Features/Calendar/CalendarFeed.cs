using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Pmqa.Domain.Calendar;
using Pmqa.Domain.Time;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Calendar;

/// <summary>
/// An iCalendar (RFC 5545) feed of one audience's calendar, to subscribe to in any calendar client: times in
/// Asia/Bangkok with its VTIMEZONE, a stable UID per entry, SEQUENCE raised by every change and cancelled
/// events kept with STATUS:CANCELLED so clients remove them. Titles are Thai with the English after a slash.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Build(IEnumerable<CalendarEntry> entries, EventAudience audience, PublicUrl url, DateTimeOffset now) =>
        Build(entries, audience.DisplayName(), url, now);

    /// <summary>A feed named after <paramref name="name"/> (an audience, or an organisation for its private feed).</summary>
    public static string Build(IEnumerable<CalendarEntry> entries, (string Th, string En) name, PublicUrl url, DateTimeOffset now)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//OPDC//PMQA 4.0 Online//TH", Method = "PUBLISH" };
        var (th, en) = name;
        calendar.AddProperty("X-WR-CALNAME", $"ปฏิทิน PMQA 4.0 ({th}) / PMQA 4.0 calendar ({en})");
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Bangkok");
        calendar.AddTimeZone(new VTimeZone("Asia/Bangkok"));
        foreach (var e in entries)
        {
            var link = url.To(e.EventId is { } id ? $"/calendar/{id}" : "/calendar");
            var ev = new CalendarEvent
            {
                Uid = e.Uid,
                Summary = $"{e.TitleTh} / {e.TitleEn}",
                Description = string.Join("\n\n", new[] { e.Description, link }.Where(s => s.Length > 0)),
                Location = string.Join(" ", new[] { e.Place, e.OnlineUrl }.Where(s => s.Length > 0)),
                DtStart = Bangkok(e.StartsAt),
                DtEnd = Bangkok(e.EndsAt > e.StartsAt ? e.EndsAt : e.StartsAt),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                LastModified = new CalDateTime(e.UpdatedAt.UtcDateTime, "UTC"),
                Sequence = e.Sequence,
                Status = e.Cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
                Url = new Uri(link),
            };
            ev.Categories.Add(e.Kind);
            calendar.Events.Add(ev);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Bangkok(DateTimeOffset at) => new(ThaiTime.ToBangkok(at), "Asia/Bangkok");
}
