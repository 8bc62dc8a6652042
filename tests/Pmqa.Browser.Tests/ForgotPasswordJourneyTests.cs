using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>The app with e-mail switched on, so "forgot password" writes its message to the outbox. The mail server
/// it names refuses connections: the test reads the message from the outbox, where it waits.</summary>
public sealed class MailAppServer : AppServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", ClosedPort().ToString());
        builder.UseSetting("Smtp:PollSeconds", "3600");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>A person who forgot their password: the sign-in page's link, the request, the e-mailed link (read from the
/// outbox), a new password, and signing in with it; in Thai, at 390 px too, with axe on every screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForgotPasswordJourneyTests(BrowserFixture browser, MailAppServer app, ITestOutputHelper output) : IClassFixture<MailAppServer>
{
    private const string Email = "forgetful@agency.go.th";
    private const string NewPassword = "Remembered-2027";

    [Fact]
    public async Task A_person_asks_for_a_link_sets_a_new_password_with_it_and_signs_in()
    {
        await CreatePersonAsync();
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "th", 390, 844);
        var page = s.Page;

        await s.GotoAsync("/account/login");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "ลืมรหัสผ่าน?" }).ClickAsync();
        await page.WaitForURLAsync("**/account/forgot-password");
        await Expect(page.Locator("h1")).ToHaveTextAsync("ลืมรหัสผ่าน");
        await AssertFitsAsync(s, "forgot-password-390");
        await page.Locator("#Input_Email").FillAsync(Email);
        await s.SaveAsync();
        await Expect(page.Locator("#reset-requested")).ToContainTextAsync("ลิงก์ใช้ได้ครั้งเดียว");
        await AssertFitsAsync(s, "forgot-password-sent-390");

        var link = await LinkFromOutboxAsync();
        await s.GotoAsync(link);
        await page.Locator("#Input_Password").FillAsync(NewPassword);
        await page.Locator("#Input_Confirm").FillAsync(NewPassword);
        await s.SaveAsync();
        await Expect(page.Locator(".alert-success")).ToHaveTextAsync("ตั้งรหัสผ่านเรียบร้อยแล้ว");
        await AssertFitsAsync(s, "forgot-password-set-390");

        await page.Locator("main a[href='/account/login']").ClickAsync();
        await page.Locator("#Input_Email").FillAsync(Email);
        await page.Locator("#Input_Password").FillAsync(NewPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(app.Url("/"));
        await Expect(page.Locator("main h1")).ToContainTextAsync("สวัสดี");
        s.AssertNoProblems();
    }

    [Fact]
    public async Task The_request_page_reads_in_English_at_1366_px()
    {
        await using var s = await BrowserSession.StartAsync(browser.Browser, app, "en", 1366, 768);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("a#forgot-password").ClickAsync();
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("Forgot password");
        await s.Page.Locator("#Input_Email").FillAsync("nobody@agency.go.th");
        await s.SaveAsync();
        await Expect(s.Page.Locator("#reset-requested")).ToContainTextAsync("If nobody@agency.go.th belongs to an account");
        await AssertFitsAsync(s, "forgot-password-sent-en-1366");
        s.AssertNoProblems();
    }

    private async Task AssertFitsAsync(BrowserSession s, string name)
    {
        Assert.True(await s.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways");
        await AxeCheck.AssertNoSeriousViolationsAsync(s.Page, name, output);
        await s.ScreenshotAsync(name);
    }

    private async Task CreatePersonAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(Email) is not null) return;
        var created = await users.CreateAsync(new AppUser
        {
            Email = Email, UserName = Email, EmailConfirmed = true, DisplayName = "นางสาวลืมง่าย จำยาก", CreatedAt = DateTimeOffset.UtcNow,
        }, "Forgotten-pass-2026");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>The set-password link of the newest message to the person, as a path on this server.</summary>
    private async Task<string> LinkFromOutboxAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.To == Email).ToListAsync();
        var body = messages.OrderBy(m => m.CreatedAt).Last().Body;
        var match = Regex.Match(body, @"https?://[^/\s]+(?<path>/account/set-password\?\S+)");
        Assert.True(match.Success, "The e-mail has no set-password link:\n" + body);
        return match.Groups["path"].Value;
    }
}
