using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Startup;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Account;

/// <summary>A first start with no administrator configured.</summary>
public sealed class FirstStartApp : SqliteApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimiting:SignInPermitsPerMinute"] = "1000" };
}

public sealed class SetupLinkTests(FirstStartApp app) : IClassFixture<FirstStartApp>
{
    [Fact]
    public async Task The_one_time_link_creates_the_administrator_and_then_no_longer_exists()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/account/setup?token=guess")).StatusCode);
        var token = app.Services.GetRequiredService<SetupLink>().Token!;
        Assert.NotNull(token);
        var url = $"/account/setup?token={token}";

        var mismatch = await client.PostFormAsync(url, new()
        {
            ["Token"] = token, ["Input.DisplayName"] = "ผู้ดูแล", ["Input.Email"] = "first@opdc.go.th",
            ["Input.Password"] = "First-admin-2026", ["Input.Confirm"] = "Different-2026",
        });
        var page = await mismatch.HtmlAsync();
        Assert.NotEmpty(page.QuerySelector("#Input_Confirm-error")!.TextContent);
        Assert.Equal("first@opdc.go.th", page.QuerySelector("#Input_Email")!.GetAttribute("value"));

        var created = await client.PostFormAsync(url, new()
        {
            ["Token"] = token, ["Input.DisplayName"] = "ผู้ดูแล", ["Input.Email"] = "first@opdc.go.th",
            ["Input.Password"] = "First-admin-2026", ["Input.Confirm"] = "First-admin-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Memberships.AnyAsync(m => m.Role == Role.SystemAdmin && m.User!.Email == "first@opdc.go.th")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        await app.ApiAsync("first@opdc.go.th", "First-admin-2026");
    }
}
