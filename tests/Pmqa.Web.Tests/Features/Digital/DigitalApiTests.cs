using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The digital-government register through the API (issue 12, ADR 0025): services with optimistic
/// concurrency and the audit trail, all-or-nothing CSV import, datasets, provinces' area projects, who sees what.</summary>
public abstract class DigitalApiTests(PmqaApp app)
{
    private static object Service(string name = "ขอใบอนุญาตประกอบกิจการ", int targetYear = 2570, string? reason = null, bool? granted = null) => new
    {
        name, audience = "businesses", channel = "ownEService", fullyDigital = false, commonServices = new[] { "eForm", "ePayment" },
        targetYear, exceptionReason = reason, exceptionGranted = granted, responsibleUnit = "กองอนุญาต", link = "https://service.example.go.th/permit",
    };

    private async Task<(Seed.Org Org, HttpClient Coordinator)> AgencyAsync(string type = "department")
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync(type);
        var person = await admin.PersonAsync(org, "coordinator");
        return (org, await app.ApiAsync(person.Email, Seed.Password));
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_coordinator_adds_a_service_and_a_stale_edit_is_refused_with_412()
    {
        var (org, coordinator) = await AgencyAsync();
        var created = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var url = $"/api/v1/organizations/{org.Id}/services/{id}";
        var read = await coordinator.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal(["eForm", "ePayment"], (await read.JsonAsync()).GetProperty("commonServices").EnumerateArray().Select(e => e.GetString()));

        Assert.Equal((HttpStatusCode)428, (await coordinator.PutAsJsonAsync(url, Service("ไม่มีรุ่น"))).StatusCode);
        var first = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Service("ขอใบอนุญาตออนไลน์")) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var saved = await coordinator.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        // A colleague still holding the first version is refused, and the newer change stays.
        var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Service("ชื่อจากสำเนาเก่า")) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var refused = await coordinator.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ขอใบอนุญาตออนไลน์", (await (await coordinator.GetAsync(url)).JsonAsync()).GetProperty("name").GetString());

        // Every change is in the audit trail of the organisation.
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "DigitalService" && e.EntityKey == id.ToString())
            .Select(e => new { e.Action, e.OrganizationId, e.ChangesJson }).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, e => Assert.Equal(org.Id, e.OrganizationId));
        Assert.Contains(audited, e => e.ChangesJson.Contains("ขอใบอนุญาตออนไลน์"));
    }

    [Fact]
    public async Task Field_problems_come_back_by_field_and_the_exception_after_2570_is_granted_by_OPDC_only()
    {
        var (org, coordinator) = await AgencyAsync();
        var url = $"/api/v1/organizations/{org.Id}/services";
        var bad = await coordinator.PostAsJsonAsync(url, new { name = "", audience = "people", channel = "counterOnly", targetYear = 2575, responsibleUnit = "กอง", link = "www.example" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("exceptionReason", out _));
        Assert.True(errors.TryGetProperty("link", out _));

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync(url, Service(targetYear: 2572, reason: "ต้องแก้กฎหมาย", granted: true))).StatusCode);
        var asked = await coordinator.PostAsJsonAsync(url, Service(targetYear: 2572, reason: "ต้องแก้กฎหมาย"));
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var view = await asked.JsonAsync();
        Assert.False(view.GetProperty("exceptionGranted").GetBoolean());

        var admin = await app.AdminApiAsync();
        var officer = await app.ApiAsync((await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var grant = new HttpRequestMessage(HttpMethod.Put, $"{url}/{view.GetProperty("id").GetGuid()}") { Content = JsonContent.Create(Service(targetYear: 2572, reason: "ต้องแก้กฎหมาย", granted: true)) };
        grant.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{view.GetProperty("version").GetInt32()}\""));
        var granted = await (await officer.SendAsync(grant)).JsonAsync();
        Assert.True(granted.GetProperty("exceptionGranted").GetBoolean());
        Assert.False(string.IsNullOrEmpty(granted.GetProperty("exceptionGrantedBy").GetString()));
    }

    [Fact]
    public async Task An_import_with_a_bad_row_imports_nothing_and_reports_every_row()
    {
        var (org, coordinator) = await AgencyAsync();
        var url = $"/api/v1/organizations/{org.Id}/services";
        var csv = "ชื่อบริการ,ผู้รับบริการ,ช่องทางปัจจุบัน,ปีเป้าหมาย,หน่วยงานที่รับผิดชอบ,บริการกลางที่ใช้\n" +
                  "ขอรับเบี้ยยังชีพ,ประชาชน,Citizen Portal,2568,กองสวัสดิการ,e-Form;e-Payment\n" +
                  "ขอหนังสือรับรอง,ประชาชน,โทรสาร,2569,กองกลาง,\n" +
                  ",ประชาชน,counterOnly,2569,กองกลาง,\n";
        var refused = await coordinator.PostAsync($"{url}/import", Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var rows = (await refused.JsonAsync()).GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "channel"), (4, "name")], rows);
        Assert.Equal(0, (await (await coordinator.GetAsync(url)).JsonAsync()).GetProperty("total").GetInt32());

        // Corrected, the whole file goes in, as multipart this time.
        var good = csv.Replace("โทรสาร", "ให้บริการที่เคาน์เตอร์เท่านั้น").Replace("\n,ประชาชน", "\nคัดสำเนาทะเบียน,ประชาชน");
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(good)), "file", "services.csv" } };
        var imported = await coordinator.PostAsync($"{url}/import", form);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, (await imported.JsonAsync()).GetProperty("imported").GetInt32());
        var list = await (await coordinator.GetAsync(url)).JsonAsync();
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(33, list.GetProperty("onCentralPlatformPercent").GetInt32());
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "DigitalService" && e.OrganizationId == org.Id)));
        // OPDC reads them in words under the register's kind.
        var trail = await (await app.AdminApiAsync()).GetAsync($"/api/v1/audit?organizationId={org.Id}&kind=digital");
        Assert.Equal(HttpStatusCode.OK, trail.StatusCode);
        Assert.Contains("สร้างบริการในทะเบียนบริการดิจิทัล", await trail.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_agency_gets_404_and_a_category_owner_reads_but_does_not_change()
    {
        var (org, coordinator) = await AgencyAsync();
        var id = (await (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service())).JsonAsync()).GetProperty("id").GetGuid();
        var (_, stranger) = await AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/organizations/{org.Id}/services")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/organizations/{org.Id}/services/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/organizations/{org.Id}/services/import", Csv("name\nx\n"))).StatusCode);

        var admin = await app.AdminApiAsync();
        var owner = await app.ApiAsync((await admin.PersonAsync(org, "categoryOwner")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/organizations/{org.Id}/services/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service())).StatusCode);
    }

    [Fact]
    public async Task Datasets_for_every_organisation_and_area_projects_for_provinces_only()
    {
        var (department, coordinator) = await AgencyAsync();
        var dataset = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{department.Id}/datasets",
            new { title = "สถิติการให้บริการรายเดือน", catalogUrl = "https://gdcatalog.go.th/dataset/service-stats", updateFrequency = "monthly", lastUpdated = "2026-11-30" });
        Assert.Equal(HttpStatusCode.Created, dataset.StatusCode);
        Assert.Single((await (await coordinator.GetAsync($"/api/v1/organizations/{department.Id}/datasets")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{department.Id}/datasets",
            new { title = "x", catalogUrl = "gdcatalog", updateFrequency = "monthly" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/v1/organizations/{department.Id}/area-projects")).StatusCode);

        var admin = await app.AdminApiAsync();
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var province = await admin.OrganizationAsync("province", cluster.Code);
        var governor = await app.ApiAsync((await admin.PersonAsync(province, "coordinator")).Email, Seed.Password);
        var project = await governor.PostAsJsonAsync($"/api/v1/organizations/{province.Id}/area-projects",
            new { name = "ยกระดับการท่องเที่ยวเชิงวัฒนธรรม", valueChain = "การท่องเที่ยว", partnerAgencies = "ททท.; พาณิชย์จังหวัด", budget = 2_500_000.50m, status = "inProgress" });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        var list = await (await governor.GetAsync($"/api/v1/organizations/{province.Id}/area-projects")).JsonAsync();
        Assert.Equal(2_500_000.50m, Assert.Single(list.EnumerateArray()).GetProperty("budget").GetDecimal());
    }
}

public sealed class DigitalApiTests_Sqlite(SqliteApp app) : DigitalApiTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalApiTests_Postgres(PostgresApp app) : DigitalApiTests(app), IClassFixture<PostgresApp>;
