using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The organisation's "บริการดิจิทัล" page (ADR 0025): messages at the field with what was typed kept, a stale
/// edit refused, the CSV row report, and another agency answered 404.</summary>
public abstract class DigitalPageTests(PmqaApp app)
{
    [Fact]
    public async Task A_bad_field_is_named_at_the_field_and_what_was_typed_stays()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var person = await admin.PersonAsync(org, "coordinator");
        var pages = await app.BrowserAsync(person.Email, Seed.Password);
        var url = $"/organizations/{org.Id}/digital";

        var refused = await pages.PostFormAsync($"{url}?handler=Save", new()
        {
            ["Service.Name"] = "ขอรับเงินสงเคราะห์", ["Service.Audience"] = "people", ["Service.Channel"] = "counterOnly",
            ["Service.TargetYear"] = "2575", ["Service.ResponsibleUnit"] = "กองสวัสดิการ", ["Service.Link"] = "www.example.go.th",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.HtmlAsync();
        Assert.Contains("2570", html.QuerySelector("#service-reason-error")!.TextContent);
        Assert.Contains("https://", html.QuerySelector("#service-link-error")!.TextContent);
        Assert.Equal("ขอรับเงินสงเคราะห์", html.QuerySelector("#service-name")!.GetAttribute("value"));
        Assert.Equal("www.example.go.th", html.QuerySelector("#service-link")!.GetAttribute("value"));

        var saved = await pages.PostFormAsync($"{url}?handler=Save", new()
        {
            ["Service.Name"] = "ขอรับเงินสงเคราะห์", ["Service.Audience"] = "people", ["Service.Channel"] = "citizenPortal", ["Service.FullyDigital"] = "true",
            ["Service.CommonServices"] = "eForm", ["Service.TargetYear"] = "2569", ["Service.ResponsibleUnit"] = "กองสวัสดิการ",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await pages.GetHtmlAsync(url);
        Assert.Contains("ขอรับเงินสงเคราะห์", page.QuerySelector("#services-table")!.TextContent);
        Assert.Equal("100%", page.QuerySelector("#share-platform")!.TextContent.Trim());

        // Another agency is not told the page exists.
        var other = await admin.PersonAsync(await admin.OrganizationAsync(), "coordinator");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.BrowserAsync(other.Email, Seed.Password)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_shows_the_row_report_and_adds_nothing()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var person = await admin.PersonAsync(org, "coordinator");
        var pages = await app.BrowserAsync(person.Email, Seed.Password);
        var url = $"/organizations/{org.Id}/digital";
        var token = new HtmlParser().ParseDocument(await pages.GetStringAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var csv = "name,audience,channel,targetYear,responsibleUnit\nขอใบรับรอง,people,counterOnly,2569,กองกลาง\nขอสำเนา,people,counterOnly,2569,\n";
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "services.csv" },
        };
        var response = await pages.PostAsync($"{url}?handler=Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.HtmlAsync()).QuerySelector("#import-report")!;
        var cells = report.QuerySelectorAll("tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("3", cells[0]);
        Assert.Contains("หน่วยงานที่รับผิดชอบ", cells[1]);
        var api = await app.ApiAsync(person.Email, Seed.Password);
        Assert.Equal(0, (await (await api.GetAsync($"/api/v1/organizations/{org.Id}/services")).JsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_dataset_is_edited_on_the_page_and_a_stale_edit_is_refused_keeping_what_was_typed()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var person = await admin.PersonAsync(org, "coordinator");
        var pages = await app.BrowserAsync(person.Email, Seed.Password);
        var url = $"/organizations/{org.Id}/digital";
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{url}?handler=Dataset", new()
        {
            ["Entry.Title"] = "สถิติผู้รับเบี้ยยังชีพ", ["Entry.Url"] = "https://gdcatalog.go.th/dataset/a", ["Entry.Choice"] = "monthly", ["Entry.Date"] = "2026-11-01",
        })).StatusCode);
        var id = (await (await (await app.ApiAsync(person.Email, Seed.Password)).GetAsync($"/api/v1/organizations/{org.Id}/datasets")).JsonAsync())
            .EnumerateArray().Single().GetProperty("id").GetGuid();

        // The edit link opens the form filled with the entry, named as an edit.
        var editing = await pages.GetHtmlAsync($"{url}?editEntry={id}");
        Assert.Equal("สถิติผู้รับเบี้ยยังชีพ", editing.QuerySelector("#dataset-title")!.GetAttribute("value"));
        Assert.Equal("monthly", editing.QuerySelector("#dataset-frequency option[selected]")!.GetAttribute("value"));
        Assert.Contains("แก้ไขชุดข้อมูล", editing.QuerySelector("#datasets details summary")!.TextContent);
        var version = editing.QuerySelector("#datasets input[name='Entry.Version']")!.GetAttribute("value")!;

        var edit = new Dictionary<string, string>
        {
            ["Entry.Id"] = id.ToString(), ["Entry.Version"] = version, ["Entry.Title"] = "สถิติผู้รับเบี้ยยังชีพรายเดือน",
            ["Entry.Url"] = "https://gdcatalog.go.th/dataset/a", ["Entry.Choice"] = "quarterly", ["Entry.Date"] = "2026-12-01",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{url}?handler=Dataset", new(edit), url)).StatusCode);
        var list = (await pages.GetHtmlAsync(url)).QuerySelector("#datasets-list")!.TextContent;
        Assert.Contains("สถิติผู้รับเบี้ยยังชีพรายเดือน", list);
        Assert.Single((await pages.GetHtmlAsync(url)).QuerySelectorAll("#datasets-list li"));

        // The same form sent again holds the old version: refused, nothing changed, and the typed title stays.
        edit["Entry.Title"] = "ชื่อที่พิมพ์ทีหลัง";
        var stale = await pages.PostFormAsync($"{url}?handler=Dataset", edit, url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.HtmlAsync();
        Assert.Equal("ชื่อที่พิมพ์ทีหลัง", html.QuerySelector("#dataset-title")!.GetAttribute("value"));
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector(".alert-danger[role=alert]")?.TextContent), "the conflict is told");
        Assert.Contains("สถิติผู้รับเบี้ยยังชีพรายเดือน", html.QuerySelector("#datasets-list")!.TextContent);
        Assert.DoesNotContain("ชื่อที่พิมพ์ทีหลัง", html.QuerySelector("#datasets-list")!.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.OrganizationId == org.Id && a.EntityType == "CatalogDataset")));
    }

    [Fact]
    public async Task A_province_adds_area_projects_and_channels_and_a_department_has_none()
    {
        var admin = await app.AdminApiAsync();
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var province = await admin.OrganizationAsync("province", cluster.Code);
        var pages = await app.BrowserAsync((await admin.PersonAsync(province, "coordinator")).Email, Seed.Password);
        var url = $"/organizations/{province.Id}/digital";

        var refused = await pages.PostFormAsync($"{url}?handler=AreaProject", new()
        {
            ["Entry.Title"] = "ส่งเสริมเกษตรปลอดภัย", ["Entry.Url"] = "เกษตรและอาหาร", ["Entry.Budget"] = "หนึ่งล้าน", ["Entry.Choice"] = "planned",
        });
        var html = await refused.HtmlAsync();
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("#area-budget-error")!.TextContent));
        Assert.Equal("หนึ่งล้าน", html.QuerySelector("#area-budget")!.GetAttribute("value"));
        Assert.Equal("ส่งเสริมเกษตรปลอดภัย", html.QuerySelector("#area-name")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{url}?handler=AreaProject", new()
        {
            ["Entry.Title"] = "ส่งเสริมเกษตรปลอดภัย", ["Entry.Url"] = "เกษตรและอาหาร", ["Entry.Budget"] = "1,000,000", ["Entry.Choice"] = "planned",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync($"{url}?handler=Channel", new() { ["Entry.Title"] = "บอกเรา ถึงรัฐ", ["Entry.Text"] = "รับฟังความเห็นทุกไตรมาส" })).StatusCode);
        var page = await pages.GetHtmlAsync(url);
        Assert.Contains("1,000,000.00", page.QuerySelector("#areas")!.TextContent);
        Assert.Contains("บอกเรา ถึงรัฐ", page.QuerySelector("#channels")!.TextContent);

        var department = await admin.OrganizationAsync();
        var departmentPages = await app.BrowserAsync((await admin.PersonAsync(department, "coordinator")).Email, Seed.Password);
        Assert.Null((await departmentPages.GetHtmlAsync($"/organizations/{department.Id}/digital")).QuerySelector("#areas"));
    }
}

public sealed class DigitalPageTests_Sqlite(SqliteApp app) : DigitalPageTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalPageTests_Postgres(PostgresApp app) : DigitalPageTests(app), IClassFixture<PostgresApp>;
