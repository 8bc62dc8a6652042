using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Calendar;

public abstract class CalendarTests(PmqaApp app)
{
    private static DateTimeOffset Bangkok(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static object Workshop(string audience = "departments", int? capacity = 2, int limit = 2, DateTimeOffset? starts = null) => new
    {
        titleTh = "เทคนิคการพัฒนางานสู่ระบบราชการ 4.0", titleEn = "Techniques for developing work towards Government 4.0",
        description = "ห้องประชุม 1", kind = "workshop", audience,
        startsAt = starts ?? DateTimeOffset.UtcNow.AddDays(20), endsAt = (starts ?? DateTimeOffset.UtcNow.AddDays(20)).AddHours(3),
        place = "สำนักงาน ก.พ.ร.", onlineUrl = "https://meet.example.go.th/pmqa", capacity, perOrganizationLimit = limit,
    };

    private static async Task<(Guid Id, EntityTagHeaderValue ETag)> CreateAsync(HttpClient officer, object body)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Seed.IdOf(response), response.Headers.ETag!);
    }

    private async Task<(Seed.Org Org, Seed.Person Person, HttpClient Client)> AgencyAsync(HttpClient admin, string type = "department")
    {
        var org = await admin.OrganizationAsync(type);
        var person = await admin.PersonAsync(org, "coordinator");
        return (org, person, await app.ApiAsync(person.Email, Seed.Password));
    }

    private static object People(params string[] names) => names.Select(n => new { name = n, email = $"{Guid.NewGuid():N}@agency.go.th", position = "นักวิเคราะห์" }).ToArray();

    [Fact]
    public async Task Agencies_register_until_the_event_is_full_then_wait_and_move_up_when_a_seat_is_cancelled()
    {
        var admin = await app.AdminApiAsync();
        var (eventId, _) = await CreateAsync(admin, Workshop(capacity: 2, limit: 2));
        var a = await AgencyAsync(admin);
        var b = await AgencyAsync(admin);

        var first = await a.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = a.Org.Id, participants = People("สมชาย", "สมหญิง") });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var seats = (await first.JsonAsync()).GetProperty("participants").EnumerateArray().ToList();
        Assert.All(seats, p => Assert.Equal("confirmed", p.GetProperty("status").GetString()));

        var late = await b.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = b.Org.Id, participants = People("มานี") });
        Assert.Equal("waiting", (await late.JsonAsync()).GetProperty("participants")[0].GetProperty("status").GetString());

        var cancelled = await a.Client.DeleteAsync($"/api/v1/events/{eventId}/registrations/{seats[0].GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var seen = await (await b.Client.GetAsync($"/api/v1/events/{eventId}")).JsonAsync();
        var mine = Assert.Single(seen.GetProperty("registrations").EnumerateArray()); // only its own organisation's
        Assert.Equal("confirmed", mine.GetProperty("status").GetString());
        Assert.Equal(2, seen.GetProperty("confirmed").GetInt32());
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == b.Person.Id && n.Link == $"/calendar/{eventId}")),
            "the agency whose participant moved up is told");
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "EventRegistration" && e.OrganizationId == a.Org.Id)),
            "registrations are in the audit trail");
    }

    [Fact]
    public async Task A_registration_over_the_organisations_limit_or_for_another_audience_is_refused_at_the_field()
    {
        var admin = await app.AdminApiAsync();
        var (eventId, _) = await CreateAsync(admin, Workshop(capacity: null, limit: 1));
        var a = await AgencyAsync(admin);

        var tooMany = await a.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = a.Org.Id, participants = People("หนึ่ง", "สอง") });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.JsonAsync()).GetProperty("errors").TryGetProperty("participants", out _));
        var noEmail = await a.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations",
            new { organizationId = a.Org.Id, participants = new[] { new { name = "หนึ่ง", email = "not-an-address", position = "" } } });
        Assert.True((await noEmail.JsonAsync()).GetProperty("errors").TryGetProperty("participants[0].email", out _));

        var (provincesOnly, _) = await CreateAsync(admin, Workshop(audience: "provinces"));
        var wrongAudience = await a.Client.PostAsJsonAsync($"/api/v1/events/{provincesOnly}/registrations", new { organizationId = a.Org.Id, participants = People("หนึ่ง") });
        Assert.True((await wrongAudience.JsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));
    }

    [Fact]
    public async Task Another_agencys_registration_is_404_and_so_is_registering_for_it()
    {
        var admin = await app.AdminApiAsync();
        var (eventId, _) = await CreateAsync(admin, Workshop());
        var a = await AgencyAsync(admin);
        var b = await AgencyAsync(admin);
        var registered = await (await a.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = a.Org.Id, participants = People("สมชาย") })).JsonAsync();
        var id = registered.GetProperty("participants")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.DeleteAsync($"/api/v1/events/{eventId}/registrations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations",
            new { organizationId = a.Org.Id, participants = People("แอบอ้าง") })).StatusCode);
        var seen = await (await b.Client.GetAsync($"/api/v1/events/{eventId}")).JsonAsync();
        Assert.Empty(seen.GetProperty("registrations").EnumerateArray());
    }

    [Fact]
    public async Task OPDC_downloads_the_participants_as_an_Excel_workbook_with_Thai_headers_frozen_and_real_cells()
    {
        var admin = await app.AdminApiAsync();
        var (eventId, _) = await CreateAsync(admin, Workshop(capacity: 1, limit: 2));
        var a = await AgencyAsync(admin);
        await a.Client.PostAsJsonAsync($"/api/v1/events/{eventId}/registrations", new { organizationId = a.Org.Id, participants = People("สมชาย ใจดี", "สมหญิง รักงาน") });

        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/api/v1/events/{eventId}/registrations.xlsx")).StatusCode); // OPDC's only
        var response = await admin.GetAsync($"/api/v1/events/{eventId}/registrations.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var book = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheet = book.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Pane>().Single().State!.Value);
        var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(x => x.CellReference!.Value!);
        string Text(string reference) => cells[reference].InlineString!.InnerText;
        Assert.Equal("ชื่อ (Name)", Text("E1"));
        Assert.Equal("สถานะ (Status)", Text("H1"));
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, cells["A3"].DataType!.Value);
        Assert.Equal("2", cells["A3"].CellValue!.Text);
        Assert.Equal(a.Org.Code, Text("B2"));
        Assert.Equal(["สมชาย ใจดี", "สมหญิง รักงาน"], new[] { Text("E2"), Text("E3") }.Order());
        Assert.Equal(["ได้ที่นั่ง (confirmed)", "สำรอง (waiting)"], new[] { Text("H2"), Text("H3") }.Order()); // one over capacity waits
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/events/{Guid.NewGuid()}/registrations.xlsx")).StatusCode);
    }

    [Fact]
    public async Task Editing_needs_the_version_read_and_a_stale_one_is_412()
    {
        var admin = await app.AdminApiAsync();
        var (eventId, etag) = await CreateAsync(admin, Workshop());
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/events/{eventId}") { Content = JsonContent.Create(Workshop(capacity: 10)) };
        Assert.Equal((HttpStatusCode)428, (await admin.SendAsync(put)).StatusCode);

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/events/{eventId}") { Content = JsonContent.Create(Workshop(capacity: 10)) };
        first.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(first)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/events/{eventId}") { Content = JsonContent.Create(Workshop(capacity: 20)) };
        stale.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);

        var invalid = await admin.PostAsJsonAsync("/api/v1/events", new { titleTh = "", titleEn = "x", kind = "party", audience = "departments",
            startsAt = DateTimeOffset.UtcNow.AddDays(2), endsAt = DateTimeOffset.UtcNow.AddDays(1) });
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("titleTh", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("endsAt", out _));
    }

    [Fact]
    public async Task The_audience_feed_parses_with_Ical_Net_with_Bangkok_times_sequence_on_change_and_cancellation()
    {
        var admin = await app.AdminApiAsync();
        var starts = Bangkok(DateTimeOffset.UtcNow.Year + 1, 2, 3, 9, 30);
        var (eventId, etag) = await CreateAsync(admin, Workshop(starts: starts));
        var (provinceEvent, _) = await CreateAsync(admin, Workshop(audience: "provinces", starts: starts));
        var fiscalYear = AssessmentSeed.UnusedFiscalYear();
        var roundId = await admin.OpenRoundAsync(fiscalYear: fiscalYear);

        var feed = await FeedAsync("departments");
        var ev = feed.Events.Single(e => e.Uid == $"event-{eventId}@pmqa.opdc.go.th");
        Assert.Equal("Asia/Bangkok", ev.DtStart!.TzId);
        Assert.Equal(new DateTime(starts.Year, 2, 3, 9, 30, 0), ev.DtStart.Value);
        Assert.Contains("เทคนิคการพัฒนางานสู่ระบบราชการ 4.0", ev.Summary);
        Assert.DoesNotContain(feed.Events, e => e.Uid == $"event-{provinceEvent}@pmqa.opdc.go.th"); // the provinces' own
        Assert.Contains(feed.TimeZones, tz => tz.TzId == "Asia/Bangkok");
        var deadline = feed.Events.Single(e => e.Uid == $"round-{roundId}-submission@pmqa.opdc.go.th"); // the round's own date, by itself
        var sequence = ev.Sequence;

        var change = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/events/{eventId}") { Content = JsonContent.Create(Workshop(starts: starts.AddHours(1))) };
        change.Headers.IfMatch.Add(etag);
        var changed = await admin.SendAsync(change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var moved = await admin.PutAsJsonAsync($"/api/v1/rounds/{roundId}", new { submissionDeadline = DateTimeOffset.UtcNow.AddYears(fiscalYear - ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow)).AddDays(40) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cancel = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/events/{eventId}");
        cancel.Headers.IfMatch.Add(changed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(cancel)).StatusCode);

        var after = await FeedAsync("departments");
        var cancelled = after.Events.Single(e => e.Uid == $"event-{eventId}@pmqa.opdc.go.th");
        Assert.Equal(new DateTime(starts.Year, 2, 3, 10, 30, 0), cancelled.DtStart!.Value);
        Assert.True(cancelled.Sequence > sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        var movedDeadline = after.Events.Single(e => e.Uid == $"round-{roundId}-submission@pmqa.opdc.go.th");
        Assert.NotEqual(deadline.DtStart!.Value, movedDeadline.DtStart!.Value);
        Assert.True(movedDeadline.Sequence > deadline.Sequence);
        Assert.Contains((await FeedAsync("provinces")).Events, e => e.Uid == $"event-{provinceEvent}@pmqa.opdc.go.th");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/calendar/ministers.ics")).StatusCode);
    }

    [Fact]
    public async Task An_organisations_private_feed_holds_its_own_extended_deadline_and_not_another_organisations()
    {
        var admin = await app.AdminApiAsync();
        var a = await AgencyAsync(admin);
        var b = await AgencyAsync(admin);
        var roundId = await admin.OpenRoundAsync(fiscalYear: AssessmentSeed.UnusedFiscalYear());
        var due = (await (await admin.GetAsync($"/api/v1/rounds/{roundId}")).JsonAsync()).GetProperty("round").GetProperty("submissionDeadline").GetDateTimeOffset();
        var (eventId, _) = await CreateAsync(admin, Workshop());

        var feedA = await PrivateFeedUrlAsync(a.Person.Email, a.Org.Id);
        var feedB = await PrivateFeedUrlAsync(b.Person.Email, b.Org.Id);
        var uidA = $"org-{a.Org.Id}-round-{roundId}-submission@pmqa.opdc.go.th";
        var before = (await PrivateFeedAsync(feedA)).Events.Single(e => e.Uid == uidA);
        Assert.Equal(ThaiTime.ToBangkok(due), before.DtStart!.Value, TimeSpan.FromSeconds(1));

        var until = due.AddDays(14);
        var granted = await admin.PostAsJsonAsync($"/api/v1/rounds/{roundId}/extensions", new { organizationId = a.Org.Id, until, reason = "น้ำท่วมสำนักงาน" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);

        var calendarA = await PrivateFeedAsync(feedA);
        var moved = calendarA.Events.Single(e => e.Uid == uidA);
        Assert.Equal(ThaiTime.ToBangkok(until), moved.DtStart!.Value, TimeSpan.FromSeconds(1)); // the extension moves the deadline
        Assert.Equal("Asia/Bangkok", moved.DtStart.TzId);
        Assert.True(moved.Sequence > before.Sequence);
        Assert.Contains(calendarA.Events, e => e.Uid == $"event-{eventId}@pmqa.opdc.go.th"); // the audience's events too
        var calendarB = await PrivateFeedAsync(feedB);
        var deadlineB = calendarB.Events.Single(e => e.Uid == $"org-{b.Org.Id}-round-{roundId}-submission@pmqa.opdc.go.th");
        Assert.Equal(ThaiTime.ToBangkok(due), deadlineB.DtStart!.Value, TimeSpan.FromSeconds(1)); // a's extension is not b's
        Assert.DoesNotContain(calendarB.Events, e => e.Uid!.Contains(a.Org.Id.ToString()));

        // A new address ends the old one; an unknown one was never there.
        var replaced = await PrivateFeedUrlAsync(a.Person.Email, a.Org.Id);
        Assert.NotEqual(feedA, replaced);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync(feedA)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/calendar/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync(replaced)).StatusCode);
        // Only a coordinator of the organisation makes its address.
        var outsider = await app.BrowserAsync(b.Person.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync("/calendar?handler=Feed", new() { ["organizationId"] = a.Org.Id.ToString() }, "/calendar")).StatusCode);
    }

    [Fact]
    public async Task The_month_view_shows_each_entry_on_its_Bangkok_days_across_the_month_boundary_with_the_filters_kept()
    {
        var admin = await app.AdminApiAsync();
        var year = DateTimeOffset.UtcNow.Year + 2;
        var tag = Guid.NewGuid().ToString("N")[..6];
        object Titled(string name, DateTimeOffset starts, DateTimeOffset ends, string audience = "departments") => new
        {
            titleTh = $"{name} {tag}", titleEn = $"{name} {tag}", description = "", kind = "workshop", audience,
            startsAt = starts, endsAt = ends, place = "", onlineUrl = "", capacity = (int?)null, perOrganizationLimit = 2,
        };
        // 23:30 UTC on 31 January is 06:30 on 1 February in Bangkok.
        var (early, _) = await CreateAsync(admin, Titled("เช้าตรู่", new DateTimeOffset(year, 1, 31, 23, 30, 0, TimeSpan.Zero), Bangkok(year, 2, 1, 9)));
        var (spanning, _) = await CreateAsync(admin, Titled("ค่ายสามวัน", Bangkok(year, 2, 27, 9), Bangkok(year, 3, 2, 16)));
        var (provinces, _) = await CreateAsync(admin, Titled("เฉพาะจังหวัด", Bangkok(year, 2, 10, 9), Bangkok(year, 2, 10, 12), audience: "provinces"));

        var february = await app.Anonymous().GetHtmlAsync($"/calendar?view=month&month={year}-02&audience=departments&kind=workshop");
        Assert.Contains($"กุมภาพันธ์ พ.ศ. {year + 543}", february.QuerySelector("#month-grid caption")!.TextContent);
        Assert.Equal(["อา.", "จ.", "อ.", "พ.", "พฤ.", "ศ.", "ส."], february.QuerySelectorAll("#month-grid thead th").Select(th => th.TextContent.Trim()));
        string[] On(AngleSharp.Html.Dom.IHtmlDocument page, int month, int day) =>
            [.. page.QuerySelectorAll($"#month-grid td[data-day='{year}-{month:00}-{day:00}'] a").Select(a => a.GetAttribute("href")!)];
        Assert.Contains($"/calendar/{early}", On(february, 2, 1));
        Assert.DoesNotContain($"/calendar/{early}", On(february, 2, 2));
        Assert.Contains($"/calendar/{spanning}", On(february, 2, 27));
        Assert.Contains($"/calendar/{spanning}", On(february, 2, 28));
        Assert.DoesNotContain($"/calendar/{spanning}", On(february, 2, 26));
        Assert.Empty(On(february, 3, 1)); // March's days in February's grid are shown empty
        Assert.DoesNotContain($"/calendar/{provinces}", On(february, 2, 10)); // the audience filter holds
        Assert.NotNull(february.QuerySelector($"#month-days h3[data-day='{year}-02-27']")); // the phone's list of days
        Assert.Equal($"/calendar?view=month&month={year}-03&audience=departments&kind=workshop", february.QuerySelector("#next-month")!.GetAttribute("href"));
        Assert.Equal($"/calendar?audience=departments&kind=workshop", february.QuerySelector("#view-list")!.GetAttribute("href"));

        var march = await app.Anonymous().GetHtmlAsync(february.QuerySelector("#next-month")!.GetAttribute("href")!);
        Assert.Contains($"/calendar/{spanning}", On(march, 3, 1));
        Assert.Contains($"/calendar/{spanning}", On(march, 3, 2));
        Assert.DoesNotContain($"/calendar/{spanning}", On(march, 3, 3));
        Assert.Contains($"/calendar/{provinces}", On(await app.Anonymous().GetHtmlAsync($"/calendar?view=month&month={year}-02"), 2, 10));

        var thisMonth = await app.Anonymous().GetHtmlAsync("/calendar?view=month"); // today's Bangkok month by default
        var today = DateOnly.FromDateTime(ThaiTime.ToBangkok(DateTimeOffset.UtcNow));
        Assert.Equal("date", thisMonth.QuerySelector($"#month-grid td[data-day='{today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}']")!.GetAttribute("aria-current"));
    }

    /// <summary>The coordinator makes the feed's address on the calendar page, which shows it once.</summary>
    private async Task<string> PrivateFeedUrlAsync(string email, Guid orgId)
    {
        var browser = await app.BrowserAsync(email, Seed.Password);
        var made = await browser.PostFormAsync("/calendar?handler=Feed", new() { ["organizationId"] = orgId.ToString() }, "/calendar");
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = await browser.GetHtmlAsync("/calendar");
        var url = new Uri(page.QuerySelector("#feed-url")!.GetAttribute("value")!);
        Assert.Null((await browser.GetHtmlAsync("/calendar")).QuerySelector("#feed-url")); // shown once
        return url.PathAndQuery;
    }

    private async Task<Ical.Net.Calendar> PrivateFeedAsync(string path)
    {
        var response = await app.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<Ical.Net.Calendar> FeedAsync(string audience)
    {
        var response = await app.Anonymous().GetAsync($"/calendar/{audience}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}

public sealed class CalendarTests_Sqlite(SqliteApp app) : CalendarTests(app), IClassFixture<SqliteApp>;
public sealed class CalendarTests_Postgres(PostgresApp app) : CalendarTests(app), IClassFixture<PostgresApp>;
