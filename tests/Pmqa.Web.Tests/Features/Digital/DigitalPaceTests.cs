using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The pace rule through the API and the pages (ADR 0028): the digitised year is kept (or defaulted to this
/// year), the organisation's and OPDC's figures carry pace, years needed and behind-pace as worked by hand, and the
/// register page shows them with the actual series.</summary>
public abstract class DigitalPaceTests(PmqaApp app)
{
    private static int ThisYear => ThaiTime.ToBangkok(DateTimeOffset.UtcNow).Year + ThaiTime.BuddhistEraOffset;

    private static object Service(string name, bool digital, int? digitised, int target) => new
    {
        name, audience = "people", channel = digital ? "citizenPortal" : "counterOnly", fullyDigital = digital, commonServices = Array.Empty<string>(),
        targetYear = target, responsibleUnit = "กองบริการประชาชน", digitisedYear = digitised,
    };

    /// <summary>A department with 2 services digitised (last year and this year) and 5 still to do for 2570: 2 in 2 years
    /// is 1 a year, so the 5 need 5 years — more than the years left (this one and each to 2570).</summary>
    private async Task<(Seed.Org Org, HttpClient Coordinator)> SlowAgencyAsync()
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync("department");
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service("ออนไลน์ปีก่อน", true, ThisYear - 1, ThisYear - 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service("ออนไลน์ปีนี้", true, null, ThisYear))).StatusCode);
        for (var i = 1; i <= 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service($"ที่เคาน์เตอร์ {i}", false, null, 2570))).StatusCode);
        return (org, coordinator);
    }

    [Fact]
    public async Task The_organisations_figures_carry_the_pace_the_years_needed_and_the_actual_series()
    {
        var (org, coordinator) = await SlowAgencyAsync();
        var list = await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/services")).JsonAsync();
        var digitised = list.GetProperty("services").EnumerateArray().Where(s => s.GetProperty("fullyDigital").GetBoolean())
            .Select(s => s.GetProperty("digitisedYear").GetInt32()).Order().ToList();
        Assert.Equal([ThisYear - 1, ThisYear], digitised); // none given = this year

        var view = await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/digital-progress")).JsonAsync();
        var figures = view.GetProperty("figures");
        Assert.Equal(1.0m, figures.GetProperty("pace").GetDecimal());
        Assert.Equal(5.0m, figures.GetProperty("yearsNeeded").GetDecimal());
        var yearsLeft = DigitalProgress.YearsLeft(ThisYear);
        Assert.Equal(5 > yearsLeft, figures.GetProperty("behindPace").GetBoolean());
        Assert.Equal(5 > yearsLeft, figures.GetProperty("atRisk").GetBoolean());
        // Actual: 1 of 7 (14%) by the end of last year, 2 of 7 (29%) by the end of this one.
        var actual = view.GetProperty("actual").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("percent").GetInt32())).ToList();
        Assert.Equal([(ThisYear - 1, 14), (ThisYear, 29)], actual);
    }

    [Fact]
    public async Task A_change_without_the_year_keeps_it_and_a_year_in_the_future_is_refused_at_the_field()
    {
        var (org, coordinator) = await SlowAgencyAsync();
        var services = (await (await coordinator.GetAsync($"/api/v1/organizations/{org.Id}/services")).JsonAsync()).GetProperty("services").EnumerateArray();
        var old = services.Single(s => s.GetProperty("name").GetString() == "ออนไลน์ปีก่อน");
        var url = $"/api/v1/organizations/{org.Id}/services/{old.GetProperty("id").GetGuid()}";

        var change = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Service("ออนไลน์ปีก่อน (แก้ชื่อ)", true, null, ThisYear - 1)) };
        change.Headers.TryAddWithoutValidation("If-Match", $"\"{old.GetProperty("version").GetInt32()}\"");
        var changed = await coordinator.SendAsync(change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(ThisYear - 1, (await changed.JsonAsync()).GetProperty("digitisedYear").GetInt32());

        var future = await coordinator.PostAsJsonAsync($"/api/v1/organizations/{org.Id}/services", Service("อนาคต", true, ThisYear + 1, ThisYear));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.JsonAsync()).GetProperty("errors").TryGetProperty("digitisedYear", out _));
    }

    [Fact]
    public async Task OPDC_sees_pace_and_years_needed_per_organisation_and_the_register_page_shows_them()
    {
        var (org, _) = await SlowAgencyAsync();
        var officer = await app.ApiAsync((await (await app.AdminApiAsync()).PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);
        var national = await (await officer.GetAsync("/api/v1/digital-progress?type=department")).JsonAsync();
        var line = national.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("code").GetString() == org.Code).GetProperty("figures");
        Assert.Equal(1.0m, line.GetProperty("pace").GetDecimal());
        Assert.Equal(5.0m, line.GetProperty("yearsNeeded").GetDecimal());

        var member = await app.BrowserAsync((await (await app.AdminApiAsync()).PersonAsync(org, "executive")).Email, Seed.Password);
        var html = await member.GetHtmlAsync($"/organizations/{org.Id}/digital");
        Assert.Contains("1 บริการ/ปี", html.QuerySelector("#register-path-pace-value")!.TextContent);
        Assert.Contains("5 ปี", html.QuerySelector("#register-path-years-needed")!.TextContent);
        Assert.NotNull(html.QuerySelector("#register-path-behind-pace")); // 5 years needed, at most 2 left before 2571
        var actual = html.QuerySelectorAll("#register-path-actual-table tbody tr").Select(r => r.Children[2].TextContent.Trim()).ToList();
        Assert.Equal(["14%", "29%"], actual);
    }
}

public sealed class DigitalPaceTests_Sqlite(SqliteApp app) : DigitalPaceTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalPaceTests_Postgres(PostgresApp app) : DigitalPaceTests(app), IClassFixture<PostgresApp>;
