using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Organizations;

public abstract class OrganizationApiTests(PmqaApp app)
{
    [Fact]
    public async Task Created_organisations_sit_under_a_parent_of_the_right_kind()
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var department = await admin.OrganizationAsync("department", ministry.Code);
        var read = await (await admin.GetAsync($"/api/v1/organizations/{department.Id}")).JsonAsync();
        Assert.Equal(ministry.Code, read.GetProperty("parentCode").GetString());
        Assert.Equal(department.NameTh, read.GetProperty("nameTh").GetString());

        var wrongParent = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = Seed.Unique("P"), nameTh = "จังหวัดทดสอบ", nameEn = "Test Province", type = "province", parentCode = ministry.Code });
        Assert.Equal(HttpStatusCode.BadRequest, wrongParent.StatusCode);
        Assert.Contains("กลุ่มจังหวัด", (await wrongParent.JsonAsync()).GetProperty("errors").GetProperty("parentCode")[0].GetString());
    }

    [Fact]
    public async Task Invalid_fields_are_each_named_in_the_problem()
    {
        var admin = await app.AdminApiAsync();
        var existing = await admin.OrganizationAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = existing.Code, nameTh = "", nameEn = "x", type = "agency" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("nameTh", out _));
        Assert.True(errors.TryGetProperty("type", out _));

        var duplicate = await admin.PostAsJsonAsync("/api/v1/organizations",
            new { code = existing.Code, nameTh = "ซ้ำ", nameEn = "Duplicate", type = "department" });
        Assert.Contains(existing.Code, (await duplicate.JsonAsync()).GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Messages_follow_the_callers_language_and_are_Thai_by_default()
    {
        var admin = await app.AdminApiAsync();
        var thai = await admin.PostAsJsonAsync("/api/v1/organizations", new { code = "", nameTh = "", nameEn = "", type = "department" });
        Assert.Contains("กรุณากรอกชื่อภาษาไทย", await thai.Content.ReadAsStringAsync());
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations")
        {
            Content = JsonContent.Create(new { code = "", nameTh = "", nameEn = "", type = "department" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        Assert.Contains("Enter the Thai name.", await (await admin.SendAsync(request)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_stale_edit_is_refused_and_the_newer_edit_survives()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var first = await admin.PutAsJsonAsync($"/api/v1/organizations/{org.Id}", new { version = 0, nameTh = "ชื่อใหม่ของคนแรก", nameEn = "First edit" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.JsonAsync()).GetProperty("version").GetInt32());

        var second = await admin.PutAsJsonAsync($"/api/v1/organizations/{org.Id}", new { version = 0, nameTh = "ชื่อของคนที่สอง", nameEn = "Second edit" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}")).JsonAsync();
        Assert.Equal("ชื่อใหม่ของคนแรก", stored.GetProperty("nameTh").GetString());
    }

    [Fact]
    public async Task A_csv_with_bad_rows_lists_every_one_and_imports_nothing()
    {
        var admin = await app.AdminApiAsync();
        var ok = Seed.Unique("OK");
        var csv = $"""
            code,nameTh,nameEn,type,parentCode
            {ok},กรมที่ถูกต้อง,Valid Department,department,
            {Seed.Unique("NONAME")},,No Thai Name,department,
            {Seed.Unique("BADTYPE")},ประเภทผิด,Wrong type,agency,
            {Seed.Unique("ORPHAN")},ไม่มีต้นสังกัด,Orphan,province,NO-SUCH-CLUSTER
            """;
        var response = await Import(admin, csv);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["row 3", "row 4", "row 5"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Code == ok)));
    }

    [Fact]
    public async Task A_good_csv_creates_parents_and_children_in_one_go_and_updates_on_reimport()
    {
        var admin = await app.AdminApiAsync();
        var cluster = Seed.Unique("PC");
        var province = Seed.Unique("TPROV");
        var csv = $"""
            code,nameTh,nameEn,type,parentCode
            {province},"จังหวัดทดสอบ, ใหม่",Test Province,province,{cluster}
            {cluster},กลุ่มจังหวัดทดสอบ,Test Cluster,provinceCluster,
            """;
        var first = await (await Import(admin, csv)).JsonAsync();
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        var child = await app.WithDbAsync(db => db.Organizations.Include(o => o.Parent).SingleAsync(o => o.Code == province));
        Assert.Equal(cluster, child.Parent!.Code);
        Assert.Equal("จังหวัดทดสอบ, ใหม่", child.NameTh);

        var again = await (await Import(admin, csv.Replace("Test Cluster", "Renamed Cluster"))).JsonAsync();
        Assert.Equal((0, 1, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task The_shipped_list_of_ministries_clusters_and_provinces_imports_cleanly()
    {
        var admin = await app.AdminApiAsync();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seeds", "organizations-th.csv"));
        var result = await Import(admin, csv);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(76, await app.WithDbAsync(db => db.Organizations.CountAsync(o => o.Type == Domain.Organizations.OrganizationType.Province && o.Code.StartsWith("TH-"))));
    }

    [Fact]
    public async Task An_administrator_grants_roles_that_fit_the_organisation()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var person = await admin.PersonAsync();
        await admin.MemberAsync(org, person, "executive");

        var opdcRole = await admin.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = person.Email, role = "reviewer" });
        Assert.Equal(HttpStatusCode.BadRequest, opdcRole.StatusCode);
        var twice = await admin.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = person.Email, role = "executive" });
        Assert.True((await twice.JsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
        var nobody = await admin.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = "nobody@nowhere.go.th", role = "executive" });
        Assert.True((await nobody.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));

        var members = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/members")).JsonAsync();
        Assert.Single(members.EnumerateArray(), m => m.GetProperty("email").GetString() == person.Email);
    }

    [Fact]
    public async Task A_coordinator_manages_the_agency_team_but_grants_no_OPDC_role()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await admin.PersonAsync(org, "coordinator");
        var newcomer = await admin.PersonAsync();
        var client = await app.ApiAsync(coordinator.Email, Seed.Password);

        var added = await client.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/members", new { email = newcomer.Email, role = "categoryOwner" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var membershipId = await Seed.IdOf(added);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/organizations/{org.Id}/members/{membershipId}")).StatusCode);

        var opdc = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "OPDC"));
        var escalate = await client.PostAsJsonAsync($"/api/v1/organizations/{opdc.Id}/members", new { email = coordinator.Email, role = "systemAdmin" });
        Assert.Equal(HttpStatusCode.NotFound, escalate.StatusCode);
    }

    [Fact]
    public async Task The_last_system_administrator_cannot_be_removed()
    {
        var admin = await app.AdminApiAsync();
        var membership = await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.Role == Domain.Organizations.Role.SystemAdmin));
        var response = await admin.DeleteAsync($"/api/v1/organizations/{membership.OrganizationId}/members/{membership.Id}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Import(HttpClient client, string csv)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "organizations.csv");
        return client.PostAsync("/api/v1/organizations/import", form);
    }
}

public sealed class OrganizationApiTests_Sqlite(SqliteApp app) : OrganizationApiTests(app), IClassFixture<SqliteApp>;
public sealed class OrganizationApiTests_Postgres(PostgresApp app) : OrganizationApiTests(app), IClassFixture<PostgresApp>;
