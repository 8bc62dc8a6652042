using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Digital;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>Follow-up periods and progress updates (issue 12, ADR 0027): OPDC sets periods, the coordinator sends a frozen
/// copy of the register, the executive approves or returns it; lateness shows on the national view.</summary>
public abstract class FollowUpApiTests(PmqaApp app)
{
    private async Task<HttpClient> OfficerAsync() =>
        await app.ApiAsync((await (await app.AdminApiAsync()).PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);

    private async Task<(Seed.Org Org, HttpClient Coordinator, HttpClient Executive)> AgencyAsync()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var executive = await app.ApiAsync((await admin.PersonAsync(org, "executive")).Email, Seed.Password);
        return (org, coordinator, executive);
    }

    [Fact]
    public async Task OPDC_sets_a_period_an_agency_reads_it_and_bad_dates_are_named_at_their_field()
    {
        var officer = await OfficerAsync();
        var today = FollowUpSeed.Today;
        var created = await officer.PostAsJsonAsync("/api/v1/digital-periods", new { nameTh = "รอบที่ 1/2570", startsOn = today.AddDays(-5), deadline = today.AddDays(20) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var period = await created.JsonAsync();
        Assert.Equal("รอบที่ 1/2570", period.GetProperty("nameEn").GetString()); // one Thai name serves both languages
        Assert.True(period.GetProperty("open").GetBoolean());

        var bad = await officer.PostAsJsonAsync("/api/v1/digital-periods", new { nameTh = "", startsOn = today, deadline = today.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("nameTh", out _));
        Assert.True(errors.TryGetProperty("deadline", out _));

        var (_, coordinator, _) = await AgencyAsync();
        var list = await (await coordinator.GetAsync("/api/v1/digital-periods")).JsonAsync();
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetGuid() == period.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PostAsJsonAsync("/api/v1/digital-periods", new { nameTh = "x", startsOn = today, deadline = today })).StatusCode);

        // A change names the version read; a stale one is refused.
        var url = $"/api/v1/digital-periods/{period.GetProperty("id").GetGuid()}";
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { nameTh = "รอบที่ 1/2570 (แก้ไข)", startsOn = today.AddDays(-5), deadline = today.AddDays(25) }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.OK, (await officer.SendAsync(put)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { nameTh = "ทับ", startsOn = today, deadline = today }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await officer.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_sends_a_frozen_register_the_executive_approves_and_later_changes_do_not_touch_the_copy()
    {
        var (org, coordinator, executive) = await AgencyAsync();
        await DigitalProgressApiTests.AddAsync(app, org.Id, (true, ServiceChannel.CitizenPortal, 2566, null), (false, ServiceChannel.CounterOnly, 2570, null));
        var period = await FollowUpSeed.PeriodAsync(app, -10, 20);

        var sent = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id, note = "เพิ่มบริการบน Citizen Portal" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var update = await sent.JsonAsync();
        Assert.Equal("awaitingApproval", update.GetProperty("status").GetString());
        Assert.Equal(2, update.GetProperty("services").GetInt32());
        Assert.Equal(50, update.GetProperty("fullyDigitalPercent").GetInt32());
        var id = update.GetProperty("id").GetGuid();

        // A second one for the same period is refused while the first stands.
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id })).StatusCode);
        // Only the executive approves; the coordinator is refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/approve", null)).StatusCode);
        var approved = await executive.PostAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var view = await approved.JsonAsync();
        Assert.Equal("submitted", view.GetProperty("status").GetString());
        Assert.Equal("onTime", view.GetProperty("lateness").GetString());

        // The register moves on; the update keeps what was sent.
        await DigitalProgressApiTests.AddAsync(app, org.Id, (true, ServiceChannel.BizPortal, 2567, null));
        var detail = await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}")).JsonAsync();
        Assert.Equal(2, detail.GetProperty("services").GetArrayLength());
        Assert.Equal(2, detail.GetProperty("update").GetProperty("services").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "DigitalUpdate" && a.EntityKey == id.ToString() && a.Action == Pmqa.Data.Entities.AuditAction.Created)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/organizations/{org.Id}/digital#updates")));
    }

    [Fact]
    public async Task A_returned_update_is_sent_again_frozen_anew_and_a_return_needs_a_reason()
    {
        var (org, coordinator, executive) = await AgencyAsync();
        var period = await FollowUpSeed.PeriodAsync(app, -10, 20);
        var id = await Seed.IdOf(await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id, note = "" }));
        var noReason = await executive.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/return", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var returned = await executive.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/return", new { reason = "ยังไม่ได้นำเข้าบริการใหม่" });
        Assert.Equal("returned", (await returned.JsonAsync()).GetProperty("status").GetString());

        await DigitalProgressApiTests.AddAsync(app, org.Id, (true, ServiceChannel.BizPortal, 2567, null));
        var again = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id, note = "นำเข้าแล้ว" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var view = await again.JsonAsync();
        Assert.Equal(id, view.GetProperty("id").GetGuid());
        Assert.Equal(1, view.GetProperty("services").GetInt32());
        Assert.Equal("", view.GetProperty("returnReason").GetString());
    }

    [Fact]
    public async Task Another_agency_gets_404_and_members_without_the_role_403()
    {
        var (org, coordinator, _) = await AgencyAsync();
        var period = await FollowUpSeed.PeriodAsync(app, -10, 20);
        var id = await Seed.IdOf(await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id }));
        var (_, stranger, strangerExecutive) = await AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/organizations/{org.Id}/digital-updates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerExecutive.PostAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/approve", null)).StatusCode);

        var admin = await app.AdminApiAsync();
        var owner = await app.ApiAsync((await admin.PersonAsync(org, "categoryOwner")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/organizations/{org.Id}/digital-updates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = period.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/approve", null)).StatusCode);
        // OPDC reads but does not send or approve for the agency.
        var officer = await OfficerAsync();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/v1/organizations/{org.Id}/digital-updates/{id}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task The_national_view_shows_the_trend_between_the_last_two_approved_updates()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var moving = await admin.OrganizationAsync("department", ministry.Code);
        var once = await admin.OrganizationAsync("department", ministry.Code);
        var earlier = await FollowUpSeed.PeriodAsync(app, -200, -150);
        var later = await FollowUpSeed.PeriodAsync(app, -80, -30); // both before other tests' periods: the period shown stays theirs
        Pmqa.Data.Entities.DigitalUpdate Approved(Guid org, Guid period, int services, int digital) => new()
        {
            OrganizationId = org, PeriodId = period, Status = UpdateStatus.Submitted, Services = services, FullyDigital = digital,
            SubmittedAt = DateTimeOffset.UtcNow.AddDays(-200), ApprovedAt = DateTimeOffset.UtcNow.AddDays(-199),
        };
        await app.WithDbAsync(db =>
        {
            // Added latest first: the trend follows the periods' deadlines, not the order rows were written.
            db.DigitalUpdates.AddRange(Approved(moving.Id, later.Id, 4, 3), Approved(moving.Id, earlier.Id, 4, 1), Approved(once.Id, later.Id, 2, 1));
            return db.SaveChangesAsync();
        });

        var view = await (await (await OfficerAsync()).GetAsync($"/api/v1/digital-progress?ministry={ministry.Code}")).JsonAsync();
        System.Text.Json.JsonElement FollowUp(Seed.Org o) => view.GetProperty("organizations").EnumerateArray()
            .Single(x => x.GetProperty("code").GetString() == o.Code).GetProperty("followUp");
        Assert.Equal(50, FollowUp(moving).GetProperty("trendPoints").GetInt32()); // 25 % → 75 %
        Assert.Equal(System.Text.Json.JsonValueKind.Null, FollowUp(once).GetProperty("trendPoints").ValueKind);

        var officerPages = await app.BrowserAsync((await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var page = await officerPages.GetHtmlAsync($"/digital-progress?ministry={ministry.Code}");
        Assert.Contains("+50", page.QuerySelector("[data-trend='50']")!.TextContent);
    }

    [Fact]
    public async Task Approved_after_the_deadline_is_late_nothing_approved_is_missing_and_the_national_view_flags_both()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var onTime = await admin.OrganizationAsync("department", ministry.Code);
        var late = await admin.OrganizationAsync("department", ministry.Code);
        var missing = await admin.OrganizationAsync("department", ministry.Code);
        var closed = await FollowUpSeed.PeriodAsync(app, -40, -3);
        await app.WithDbAsync(db =>
        {
            db.DigitalUpdates.Add(new Pmqa.Data.Entities.DigitalUpdate { OrganizationId = onTime.Id, PeriodId = closed.Id, Status = UpdateStatus.Submitted,
                SubmittedAt = DateTimeOffset.UtcNow.AddDays(-6), ApprovedAt = DateTimeOffset.UtcNow.AddDays(-5) });
            return db.SaveChangesAsync();
        });
        // The late one is sent and approved now, three days after the deadline.
        var coordinator = await app.ApiAsync((await admin.PersonAsync(late, "coordinator")).Email, Seed.Password);
        var executive = await app.ApiAsync((await admin.PersonAsync(late, "executive")).Email, Seed.Password);
        var id = await Seed.IdOf(await coordinator.PostAsJsonAsync($"/api/v1/organizations/{late.Id}/digital-updates", new { periodId = closed.Id }));
        Assert.Equal("late", (await (await executive.PostAsync($"/api/v1/organizations/{late.Id}/digital-updates/{id}/approve", null)).JsonAsync()).GetProperty("lateness").GetString());

        var officer = await OfficerAsync();
        var view = await (await officer.GetAsync($"/api/v1/digital-progress?ministry={ministry.Code}")).JsonAsync();
        string Lateness(Seed.Org o) => view.GetProperty("organizations").EnumerateArray().Single(x => x.GetProperty("code").GetString() == o.Code)
            .GetProperty("followUp").GetProperty("lateness").GetString()!;
        Assert.Equal("onTime", Lateness(onTime));
        Assert.Equal("late", Lateness(late));
        Assert.Equal("missing", Lateness(missing));

        var flagged = await (await officer.GetAsync($"/api/v1/digital-progress?ministry={ministry.Code}&late=true")).JsonAsync();
        Assert.Equal(new[] { late.Code, missing.Code }.Order(), flagged.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("code").GetString()).Order());

        // The agency's own list says the same for the period.
        var mine = await (await coordinator.GetAsync($"/api/v1/organizations/{late.Id}/digital-updates")).JsonAsync();
        Assert.Equal("late", mine.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetProperty("id").GetGuid() == closed.Id).GetProperty("lateness").GetString());
    }

    [Fact]
    public async Task A_period_not_yet_open_is_refused_at_the_period_field()
    {
        var (org, coordinator, _) = await AgencyAsync();
        var future = await FollowUpSeed.PeriodAsync(app, 10, 40);
        var response = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/digital-updates", new { periodId = future.Id });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("periodId", out _));
    }
}

public sealed class FollowUpApiTests_Sqlite(SqliteApp app) : FollowUpApiTests(app), IClassFixture<SqliteApp>;
public sealed class FollowUpApiTests_Postgres(PostgresApp app) : FollowUpApiTests(app), IClassFixture<PostgresApp>;
