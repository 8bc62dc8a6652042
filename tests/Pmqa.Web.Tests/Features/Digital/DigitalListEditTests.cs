using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>Changing and removing the register's other entries (ADR 0028): If-Match required and checked, messages at
/// the field, audited, another agency told nothing, province-only lists 404 elsewhere.</summary>
public abstract class DigitalListEditTests(PmqaApp app)
{
    private static HttpRequestMessage Send(HttpMethod method, string url, object? body, string? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task A_dataset_is_changed_with_its_ETag_a_stale_one_is_refused_and_it_is_removed_and_audited()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync("department");
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var created = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/datasets",
            new { title = "สถิติบริการ", catalogUrl = "https://gdcatalog.go.th/dataset/a1", updateFrequency = "monthly" });
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var url = $"/api/v1/organizations/{org.Id}/datasets/{id}";
        var read = await coordinator.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await coordinator.SendAsync(Send(HttpMethod.Put, url, new { title = "x" }, null))).StatusCode);
        var bad = await coordinator.SendAsync(Send(HttpMethod.Put, url, new { title = "สถิติบริการรายไตรมาส", catalogUrl = "gdcatalog", updateFrequency = "quarterly" }, etag));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("catalogUrl", out _));
        var changed = await coordinator.SendAsync(Send(HttpMethod.Put, url, new { title = "สถิติบริการรายไตรมาส", catalogUrl = "https://gdcatalog.go.th/dataset/a1", updateFrequency = "quarterly" }, etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("quarterly", (await changed.JsonAsync()).GetProperty("updateFrequency").GetString());
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        // The first ETag is stale now: refused, nothing overwritten.
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coordinator.SendAsync(Send(HttpMethod.Put, url, new { title = "เก่า", catalogUrl = "https://gdcatalog.go.th/dataset/a1", updateFrequency = "daily" }, etag))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coordinator.SendAsync(Send(HttpMethod.Delete, url, null, etag))).StatusCode);

        var other = await admin.OrganizationAsync("department");
        var stranger = await app.ApiAsync((await admin.PersonAsync(other, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/organizations/{other.Id}/datasets/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.SendAsync(Send(HttpMethod.Delete, url, null, changed.Headers.ETag!.Tag))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(url)).StatusCode);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "CatalogDataset" && a.EntityKey == id.ToString()).Select(a => a.Action.ToString()).ToListAsync());
        Assert.Equal(["Created", "Deleted", "Updated"], actions.Order());
    }

    [Fact]
    public async Task Exchanges_and_a_provinces_channels_and_projects_are_listed_changed_and_removed()
    {
        var admin = await app.AdminApiAsync();
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var province = await admin.OrganizationAsync("province", cluster.Code);
        var coordinator = await app.ApiAsync((await admin.PersonAsync(province, "coordinator")).Email, Seed.Password);
        var root = $"/api/v1/organizations/{province.Id}";

        var exchange = await coordinator.PostAsJsonAsync($"{root}/exchanges", new { partnerAgency = "กรมการปกครอง", data = "ทะเบียนราษฎร", direction = "receive" });
        Assert.Equal(HttpStatusCode.Created, exchange.StatusCode);
        Assert.Single((await (await coordinator.GetAsync($"{root}/exchanges")).JsonAsync()).EnumerateArray());
        var channel = await coordinator.PostAsJsonAsync($"{root}/channels", new { name = "บอกเรา ถึงรัฐ", usage = "รับฟังความเห็น" });
        Assert.Equal(HttpStatusCode.Created, channel.StatusCode);
        var channelUrl = channel.Headers.Location!.ToString();
        var etag = (await coordinator.GetAsync(channelUrl)).Headers.ETag!.Tag;
        var renamed = await coordinator.SendAsync(Send(HttpMethod.Put, channelUrl, new { name = "บอกเรา ถึงรัฐ (จังหวัด)", usage = "ทุกไตรมาส" }, etag));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("ทุกไตรมาส", (await renamed.JsonAsync()).GetProperty("usage").GetString());

        var project = await coordinator.PostAsJsonAsync($"{root}/area-projects", new { name = "ท่องเที่ยวชุมชน", valueChain = "ท่องเที่ยว", budget = 500000, status = "planned" });
        var projectId = (await project.JsonAsync()).GetProperty("id").GetGuid();
        var projectUrl = $"{root}/area-projects/{projectId}";
        var projectTag = (await coordinator.GetAsync(projectUrl)).Headers.ETag!.Tag;
        var negative = await coordinator.SendAsync(Send(HttpMethod.Put, projectUrl, new { name = "ท่องเที่ยวชุมชน", valueChain = "ท่องเที่ยว", budget = -1, status = "done" }, projectTag));
        Assert.True((await negative.JsonAsync()).GetProperty("errors").TryGetProperty("budget", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.SendAsync(Send(HttpMethod.Delete, projectUrl, null, projectTag))).StatusCode);

        // A department has no area projects or channels: 404, as for its collections.
        var department = await admin.OrganizationAsync("department");
        var deptCoordinator = await app.ApiAsync((await admin.PersonAsync(department, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await deptCoordinator.GetAsync($"/api/v1/organizations/{department.Id}/channels")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await deptCoordinator.GetAsync($"/api/v1/organizations/{department.Id}/area-projects/{projectId}")).StatusCode);
        // A member who is not the coordinator reads but does not change.
        var executive = await app.ApiAsync((await admin.PersonAsync(province, "executive")).Email, Seed.Password);
        var tag = (await executive.GetAsync(channelUrl)).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.SendAsync(Send(HttpMethod.Delete, channelUrl, null, tag))).StatusCode);
    }
}

public sealed class DigitalListEditTests_Sqlite(SqliteApp app) : DigitalListEditTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalListEditTests_Postgres(PostgresApp app) : DigitalListEditTests(app), IClassFixture<PostgresApp>;
