using System.Net;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

public sealed class PageSecurityTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Pages_send_a_strict_content_security_policy_and_hardening_headers()
    {
        var response = await app.Anonymous().GetAsync("/account/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task No_page_carries_inline_script()
    {
        var client = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        foreach (var url in new[] { "/", "/frameworks/pmqa-4.0", "/admin/users", "/organizations", "/audit" })
        {
            var document = await client.GetHtmlAsync(url);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url} has an inline script"));
            Assert.Empty(document.QuerySelectorAll("[onclick],[onload],[onchange]"));
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_http_only_and_same_site()
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/account/login", new() { ["Input.Email"] = PmqaApp.AdminEmail, ["Input.Password"] = PmqaApp.AdminPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pmqa.auth=")).ToLowerInvariant();
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var client = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var response = await client.PostAsync("/admin/organizations/create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = "NOTOKEN", ["Input.Type"] = "department", ["Input.NameTh"] = "ไม่มีโทเค็น", ["Input.NameEn"] = "No token",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_explained_and_the_email_is_kept()
    {
        var response = await app.Anonymous().PostFormAsync("/account/login", new() { ["Input.Email"] = PmqaApp.AdminEmail, ["Input.Password"] = "wrong-password-1" });
        var page = await response.HtmlAsync();
        Assert.Contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(PmqaApp.AdminEmail, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_protected_page_sends_an_anonymous_visitor_to_sign_in_and_back()
    {
        var response = await app.Anonymous().GetAsync("/frameworks/pmqa-4.0/issues/1.1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login?ReturnUrl=%2Fframeworks%2Fpmqa-4.0%2Fissues%2F1.1", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Screens_are_Thai_by_default_and_English_after_switching()
    {
        var person = await (await app.AdminApiAsync()).PersonAsync();
        var client = await app.BrowserAsync(person.Email, Seed.Password);
        var thai = await client.GetHtmlAsync("/frameworks/pmqa-4.0/issues/1.1");
        Assert.Equal("th", thai.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ระดับพื้นฐาน", thai.Body!.TextContent);

        await client.PostFormAsync("/account/language", new() { ["language"] = "en", ["returnUrl"] = "/" }, formPage: "/");
        var english = await client.GetHtmlAsync("/frameworks/pmqa-4.0/issues/1.1");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Basic", english.QuerySelector("#level-Basic")!.TextContent);
        Assert.Contains("1.1.B1", english.Body!.TextContent);

        // The choice is remembered on the account: a new browser signs in to English screens.
        var elsewhere = await app.BrowserAsync(person.Email, Seed.Password);
        Assert.Equal("en", (await elsewhere.GetHtmlAsync("/")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Thai_is_sent_as_text_not_as_escapes()
    {
        // A fresh person: the administrator's language preference may have been switched by another test.
        var person = await (await app.AdminApiAsync()).PersonAsync();
        var client = await app.BrowserAsync(person.Email, Seed.Password);
        var html = await client.GetStringAsync("/frameworks/pmqa-4.0/issues/1.1");
        Assert.Contains("ระดับพื้นฐาน", html);
        Assert.DoesNotContain("&#xE", html);
        var json = await (await app.AdminApiAsync()).GetStringAsync("/api/v1/frameworks/pmqa-4.0");
        Assert.Contains("การนำองค์การ", json);
        Assert.DoesNotContain("\\u0E", json);
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var body = await (await app.Anonymous().GetAsync("/health")).JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var body = await (await app.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = body.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/frameworks/{code}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/organizations/{orgId}/members", out _));
    }

    [Fact]
    public async Task Every_link_on_the_administration_pages_leads_somewhere()
    {
        var client = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        await admin.PersonAsync(org, "executive");
        var visited = new HashSet<string>();
        var queue = new Queue<string>(["/", "/admin/users", "/organizations", $"/organizations/{org.Id}", "/frameworks"]);
        while (queue.Count > 0 && visited.Count < 80)
        {
            var url = queue.Dequeue();
            if (!visited.Add(url)) continue;
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var links = (await response.HtmlAsync()).QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!)
                .Where(h => !h.StartsWith("/lib/") && !h.Contains("/issues/"));
            foreach (var link in links) queue.Enqueue(link);
        }
        Assert.Contains(visited, u => u.StartsWith("/admin/users/") && u.Length > "/admin/users/".Length + 30);
    }
}
