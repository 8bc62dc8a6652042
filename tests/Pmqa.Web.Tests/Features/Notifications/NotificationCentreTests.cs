using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Web.Features.Notifications;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Notifications;

/// <summary>The in-app notification centre: the API and the page show one's own notifications only, and
/// marking them read works; another person's notification is 404. No SMTP here: nothing goes to the outbox.</summary>
public abstract class NotificationCentreTests(PmqaApp app)
{
    [Fact]
    public async Task Without_smtp_a_transition_notifies_in_the_application_only()
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);

        var items = (await (await team.Executive.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items");
        Assert.Equal("การประเมินรอการอนุมัติจากท่าน", Assert.Single(items.EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task The_api_shows_ones_own_notifications_and_marks_them_read_and_another_persons_is_404()
    {
        var (alice, bob) = await TwoPeopleAsync();
        var aliceApi = await app.ApiAsync(alice.Email, Seed.Password);
        var bobApi = await app.ApiAsync(bob.Email, Seed.Password);

        var list = await (await aliceApi.GetAsync("/api/v1/notifications")).JsonAsync();
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["แจ้งเตือนอลิซ 2", "แจ้งเตือนอลิซ 1"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.All(items, i => Assert.Equal(System.Text.Json.JsonValueKind.Null, i.GetProperty("readAt").ValueKind));
        var bobsOwn = (await (await bobApi.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items");
        var bobsId = Assert.Single(bobsOwn.EnumerateArray()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await aliceApi.PostAsync($"/api/v1/notifications/{bobsId}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await aliceApi.PostAsync($"/api/v1/notifications/{Guid.NewGuid()}/read", null)).StatusCode);
        Assert.Equal(1, (await (await bobApi.GetAsync("/api/v1/notifications?unread=true")).JsonAsync()).GetProperty("total").GetInt32());

        var first = items[1].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await aliceApi.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await aliceApi.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        var unread = await (await aliceApi.GetAsync("/api/v1/notifications?unread=true")).JsonAsync();
        Assert.Equal("แจ้งเตือนอลิซ 2", Assert.Single(unread.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        var all = await aliceApi.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(1, (await all.JsonAsync()).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await (await aliceApi.GetAsync("/api/v1/notifications?unread=true")).JsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(2, (await (await aliceApi.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("total").GetInt32());
        // Alice's "all" is hers only.
        Assert.Equal(1, (await (await bobApi.GetAsync("/api/v1/notifications?unread=true")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_page_lists_ones_own_the_menu_counts_the_unread_and_opening_one_marks_it_read()
    {
        var (alice, bob) = await TwoPeopleAsync();
        var bobsId = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == bob.Id).Select(n => n.Id).SingleAsync());
        var browser = await app.BrowserAsync(alice.Email, Seed.Password);

        var home = await browser.GetHtmlAsync("/");
        var menu = home.QuerySelector("nav a[href='/notifications']")!;
        Assert.Equal("การแจ้งเตือน (2 ยังไม่อ่าน)", menu.GetAttribute("aria-label"));
        Assert.Equal("2", menu.QuerySelector(".badge")!.TextContent.Trim());

        var page = await browser.GetHtmlAsync("/notifications");
        var rows = page.QuerySelectorAll("main li.list-group-item");
        Assert.Equal(["แจ้งเตือนอลิซ 2", "แจ้งเตือนอลิซ 1"], rows.Select(r => r.QuerySelector("button")!.TextContent.Trim()));
        Assert.Equal(2, page.QuerySelectorAll("main .notification-unread").Length);
        Assert.DoesNotContain("แจ้งเตือนบ็อบ", page.Body!.TextContent);
        // Bangkok time, Buddhist Era year.
        Assert.Contains((DateTime.UtcNow.AddHours(7).Year + 543).ToString(), rows[0].QuerySelector("time")!.TextContent);

        // Opening one marks it read and goes where it points.
        var open = rows[1].QuerySelector("form")!.GetAttribute("action")!;
        var opened = await browser.PostFormAsync(open, new(), "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/frameworks", opened.Headers.Location!.ToString());
        Assert.Single((await browser.GetHtmlAsync("/notifications")).QuerySelectorAll("main .notification-unread"));

        // Another person's notification does not exist here.
        var stranger = await browser.PostFormAsync($"/notifications?handler=Open&id={bobsId}", new(), "/notifications");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        var strangerRead = await browser.PostFormAsync($"/notifications?handler=Read&id={bobsId}", new(), "/notifications");
        Assert.Equal(HttpStatusCode.NotFound, strangerRead.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Notifications.Where(n => n.Id == bobsId).Select(n => n.ReadAt).SingleAsync()));

        // Mark all as read: the menu shows no count any more.
        var readAll = await browser.PostFormAsync("/notifications?handler=ReadAll", new(), "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        var after = (await browser.GetHtmlAsync("/notifications")).QuerySelector("nav a[href='/notifications']")!;
        Assert.Equal("การแจ้งเตือน (0 ยังไม่อ่าน)", after.GetAttribute("aria-label"));
        Assert.Null(after.QuerySelector(".badge"));
    }

    /// <summary>Alice with two notifications (the second newer), Bob with one, written by the application's Notifier.</summary>
    private async Task<(Seed.Person Alice, Seed.Person Bob)> TwoPeopleAsync()
    {
        var admin = await app.AdminApiAsync();
        var alice = await admin.PersonAsync();
        var bob = await admin.PersonAsync();
        await NotifyAsync(alice.Id, "แจ้งเตือนอลิซ 1", "/frameworks");
        await NotifyAsync(bob.Id, "แจ้งเตือนบ็อบ", "/organizations");
        await NotifyAsync(alice.Id, "แจ้งเตือนอลิซ 2", "/organizations");
        return (alice, bob);
    }

    private async Task NotifyAsync(Guid userId, string title, string link)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([userId], new NotificationText(title, title, $"{title} (รายละเอียด)", title, link));
        await scope.ServiceProvider.GetRequiredService<Pmqa.Data.PmqaDbContext>().SaveChangesAsync();
    }
}

public sealed class NotificationCentreTests_Sqlite(SqliteApp app) : NotificationCentreTests(app), IClassFixture<SqliteApp>;
public sealed class NotificationCentreTests_Postgres(PostgresApp app) : NotificationCentreTests(app), IClassFixture<PostgresApp>;
