using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Organizations;

/// <summary>Organisation codes ignore case everywhere: "dla" and "DLA" are one organisation (issue 14).</summary>
public abstract class OrganizationCodeCaseTests(PmqaApp app)
{
    private static object Department(string code, string? parentCode = null) =>
        new { code, nameTh = $"กรม {code}", nameEn = $"Department {code}", type = "department", parentCode };

    [Fact]
    public async Task Creating_a_code_that_exists_in_another_case_is_refused_at_the_field_in_the_API_and_on_the_page()
    {
        var admin = await app.AdminApiAsync();
        var existing = await admin.OrganizationAsync();
        var lower = existing.Code.ToLowerInvariant();

        var api = await admin.PostAsJsonAsync("/api/v1/organizations", Department(lower));

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var message = (await api.JsonAsync()).GetProperty("errors").GetProperty("code")[0].GetString()!;
        Assert.Contains(existing.Code, message);
        Assert.Contains(lower, message);

        var browser = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = await browser.PostFormAsync("/admin/organizations/create", new()
        {
            ["Input.Code"] = lower, ["Input.NameTh"] = "กรมซ้ำ", ["Input.NameEn"] = "Duplicate", ["Input.Type"] = "department",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains(existing.Code, html.QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal("กรมซ้ำ", html.QuerySelector("#Input_NameTh")!.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.ToLower() == lower)));
    }

    [Fact]
    public async Task A_parent_code_and_a_search_find_the_organisation_in_either_case()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");

        var child = await admin.PostAsJsonAsync("/api/v1/organizations", Department(Seed.Unique("CHILD"), ministry.Code.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        var found = await (await admin.GetAsync($"/api/v1/organizations/{await Seed.IdOf(child)}")).JsonAsync();
        Assert.Equal(ministry.Code, found.GetProperty("parentCode").GetString());
        var search = await (await admin.GetAsync($"/api/v1/organizations?search={ministry.Code.ToLowerInvariant()}")).JsonAsync();
        Assert.Contains(search.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == ministry.Id);
    }

    [Fact]
    public async Task A_csv_row_with_the_code_in_another_case_updates_the_existing_organisation()
    {
        var admin = await app.AdminApiAsync();
        var existing = await admin.OrganizationAsync();
        var form = new MultipartFormDataContent();
        form.Add(new StringContent($"code,nameTh,nameEn,type\n{existing.Code.ToLowerInvariant()},ชื่อใหม่,New name,department\n", Encoding.UTF8, "text/csv"),
            "file", "organizations.csv");

        var response = await admin.PostAsync("/api/v1/organizations/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal((0, 1), (result.GetProperty("created").GetInt32(), result.GetProperty("updated").GetInt32()));
        var rows = await app.WithDbAsync(db => db.Organizations.Where(o => o.Code.ToLower() == existing.Code.ToLower()).ToListAsync());
        Assert.Equal(("ชื่อใหม่", existing.Code), (Assert.Single(rows).NameTh, rows[0].Code));
    }

    [Fact]
    public async Task The_same_code_created_in_several_cases_at_once_makes_one_organisation_and_no_server_error()
    {
        var admin = await app.AdminApiAsync();
        var code = Seed.Unique("RACE");
        var spellings = new[] { code.ToUpperInvariant(), code.ToLowerInvariant(), code, code.ToUpperInvariant(), code.ToLowerInvariant(), code };

        var responses = await Task.WhenAll(spellings.Select(c => admin.PostAsJsonAsync("/api/v1/organizations", Department(c))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(code, (await refused.JsonAsync()).GetProperty("errors").GetProperty("code")[0].GetString()!, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Code.ToLower() == code.ToLower())));
    }
}

public sealed class OrganizationCodeCaseTests_Sqlite(SqliteApp app) : OrganizationCodeCaseTests(app), IClassFixture<SqliteApp>;
public sealed class OrganizationCodeCaseTests_Postgres(PostgresApp app) : OrganizationCodeCaseTests(app), IClassFixture<PostgresApp>;
