using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The register page's new controls (ADR 0028): OPDC grants and withdraws a service's exception; the
/// coordinator removes a dataset with the version shown (a stale page is told so).</summary>
public abstract class DigitalPageEditTests(PmqaApp app)
{
    [Fact]
    public async Task OPDC_grants_and_withdraws_the_exception_and_the_coordinator_removes_a_dataset()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync("department");
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var created = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", new
        {
            name = "ขอจดทะเบียนเครื่องจักร", audience = "businesses", channel = "counterOnly", fullyDigital = false, targetYear = 2572,
            exceptionReason = "ต้องแก้ไขกฎหมายก่อน", responsibleUnit = "กองทะเบียน",
        });
        var serviceId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var page = $"/organizations/{org.Id}/digital";

        var officer = await app.BrowserAsync((await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var html = await officer.GetHtmlAsync(page);
        Assert.NotNull(html.QuerySelector($"button[data-exception='{serviceId}']"));
        var granted = await officer.PostFormAsync($"{page}?handler=Exception&serviceId={serviceId}&version=0&grant=true", [], page);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var view = await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/services/{serviceId}")).JsonAsync();
        Assert.True(view.GetProperty("exceptionGranted").GetBoolean());
        Assert.NotEqual("", view.GetProperty("exceptionGrantedBy").GetString());
        // The agency sees no such control.
        var agencyPages = await app.BrowserAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        Assert.Null((await agencyPages.GetHtmlAsync(page)).QuerySelector($"button[data-exception='{serviceId}']"));
        var withdrawn = await officer.PostFormAsync($"{page}?handler=Exception&serviceId={serviceId}&version={view.GetProperty("version").GetInt32()}&grant=false", [], page);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.False((await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/services/{serviceId}")).JsonAsync()).GetProperty("exceptionGranted").GetBoolean());

        var dataset = await (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/datasets",
            new { title = "สถิติการจดทะเบียน", catalogUrl = "https://gdcatalog.go.th/dataset/r1", updateFrequency = "yearly" })).JsonAsync();
        var datasetId = dataset.GetProperty("id").GetGuid();
        Assert.NotNull((await agencyPages.GetHtmlAsync(page)).QuerySelector($"button[data-remove='{datasetId}']"));
        var stale = await agencyPages.PostFormAsync($"{page}?handler=RemoveEntry&kind=dataset&entryId={datasetId}&version=7", [], page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("มีผู้อื่นแก้ไขรายการนี้", await stale.Content.ReadAsStringAsync());
        var removed = await agencyPages.PostFormAsync($"{page}?handler=RemoveEntry&kind=dataset&entryId={datasetId}&version=0", [], page);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/datasets")).JsonAsync()).EnumerateArray());
    }
}

public sealed class DigitalPageEditTests_Sqlite(SqliteApp app) : DigitalPageEditTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalPageEditTests_Postgres(PostgresApp app) : DigitalPageEditTests(app), IClassFixture<PostgresApp>;
