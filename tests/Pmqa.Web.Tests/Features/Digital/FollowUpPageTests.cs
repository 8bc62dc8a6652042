using System.Net;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The follow-up pages (ADR 0027): OPDC's periods page, the agency's "รายงานความก้าวหน้า" section with
/// send, approve and return, and the lateness column of the national view.</summary>
public abstract class FollowUpPageTests(PmqaApp app)
{
    [Fact]
    public async Task OPDC_adds_a_period_and_a_bad_deadline_is_named_at_its_field_with_what_was_typed_kept()
    {
        var admin = await app.AdminApiAsync();
        var officer = await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer");
        var pages = await app.BrowserAsync(officer.Email, Seed.Password);
        const string url = "/digital-progress/periods";
        var today = FollowUpSeed.Today;
        var refused = await pages.PostFormAsync(url, new()
        {
            ["Input.NameTh"] = "รอบที่ 2/2570", ["Input.StartsOn"] = today.ToString("yyyy-MM-dd"), ["Input.Deadline"] = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.HtmlAsync();
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("#period-deadline-error")!.TextContent));
        Assert.Equal("รอบที่ 2/2570", html.QuerySelector("#period-name-th")!.GetAttribute("value"));

        var saved = await pages.PostFormAsync(url, new()
        {
            ["Input.NameTh"] = "รอบที่ 2/2570", ["Input.StartsOn"] = today.ToString("yyyy-MM-dd"), ["Input.Deadline"] = today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("รอบที่ 2/2570", (await pages.GetHtmlAsync(url)).QuerySelector("#periods-table")!.TextContent);
    }

    [Fact]
    public async Task The_coordinator_sends_the_executive_returns_without_a_reason_is_refused_then_approves_and_the_trend_shows()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await app.BrowserAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var executive = await app.BrowserAsync((await admin.PersonAsync(org, "executive")).Email, Seed.Password);
        await DigitalProgressApiTests.AddAsync(app, org.Id, (true, Domain.Digital.ServiceChannel.CitizenPortal, 2566, null));
        var period = await FollowUpSeed.PeriodAsync(app, -5, 25, "รอบทดสอบหน้าเว็บ");
        var page = $"/organizations/{org.Id}/digital";
        var action = $"/organizations/{org.Id}/digital/updates";

        var before = await coordinator.GetHtmlAsync(page);
        Assert.Contains("รอบทดสอบหน้าเว็บ", before.QuerySelector("#current-period")!.TextContent);
        Assert.NotNull(before.QuerySelector("#send-update"));
        Assert.Null(before.QuerySelector("#approve"));

        var sent = await coordinator.PostFormAsync($"{action}?handler=submit", new() { ["periodId"] = period.Id.ToString(), ["note"] = "บริการแรกขึ้น Citizen Portal แล้ว" }, page);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var refused = await executive.PostFormAsync($"{action}?handler=return", new() { ["updateId"] = await UpdateIdAsync(org.Id), ["reason"] = "" }, page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await refused.HtmlAsync()).QuerySelector("#return-reason-error")!.TextContent));

        var approved = await executive.PostFormAsync($"{action}?handler=approve", new() { ["updateId"] = await UpdateIdAsync(org.Id) }, page);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await coordinator.GetHtmlAsync(page);
        Assert.Equal("ส่งตรงเวลา", after.QuerySelector("#current-lateness")!.TextContent.Trim());
        Assert.Contains("100%", after.QuerySelector("#trend-table")!.TextContent);
        Assert.Null(after.QuerySelector("#send-update"));

        // The period links to the update as sent: its figures and the register it froze, unchanged by later edits.
        var link = after.QuerySelector("#updates-table a")!.GetAttribute("href")!;
        await DigitalProgressApiTests.AddAsync(app, org.Id, (false, Domain.Digital.ServiceChannel.CounterOnly, 2570, null));
        var sentCopy = await executive.GetHtmlAsync(link);
        Assert.Contains("บริการแรกขึ้น Citizen Portal แล้ว", sentCopy.QuerySelector("#update-facts")!.TextContent);
        Assert.Single(sentCopy.QuerySelectorAll("#frozen-services tbody tr"));
        Assert.Contains("100%", sentCopy.QuerySelector("#update-figures")!.TextContent);
        var officer = await app.BrowserAsync((await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(link)).StatusCode);

        var stranger = await app.BrowserAsync((await admin.PersonAsync(await admin.OrganizationAsync(), "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(action)).StatusCode);
    }

    [Fact]
    public async Task The_national_view_shows_a_missing_update_and_filters_to_late_ones()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var org = await admin.OrganizationAsync("department", ministry.Code);
        await FollowUpSeed.PeriodAsync(app, -60, -2, "รอบที่ปิดแล้ว");
        var officer = await app.BrowserAsync((await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var html = await officer.GetHtmlAsync($"/digital-progress?ministry={ministry.Code}&late=true");
        var row = html.QuerySelector($"tr[data-code='{org.Code}']")!;
        Assert.Equal("missing", row.QuerySelector("[data-lateness]")!.GetAttribute("data-lateness"));
        Assert.Contains("ไม่ได้ส่ง", row.TextContent);
        var csv = await officer.GetStringAsync($"/digital-progress?handler=csv&ministry={ministry.Code}");
        Assert.Contains("ไม่ได้ส่ง", csv);
    }

    private Task<string> UpdateIdAsync(Guid orgId) =>
        app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.DigitalUpdates, u => u.OrganizationId == orgId)).Id.ToString());
}

public sealed class FollowUpPageTests_Sqlite(SqliteApp app) : FollowUpPageTests(app), IClassFixture<SqliteApp>;
public sealed class FollowUpPageTests_Postgres(PostgresApp app) : FollowUpPageTests(app), IClassFixture<PostgresApp>;
