using System.Net;
using System.Text.Json;
using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>OPDC's national view of the digital registers (issue 12, ADR 0025): figures equal to hand-worked values,
/// filters by type, ministry and cluster, agencies refused.</summary>
public abstract class DigitalProgressApiTests(PmqaApp app)
{
    private static int ThisYear => ThaiTime.ToBangkok(DateTimeOffset.UtcNow).Year + ThaiTime.BuddhistEraOffset;

    /// <summary>A ministry with two departments. A: 1 fully digital on Citizen Portal, 1 at the counter for 2570, 1 at the
    /// counter for 2572 asked but not granted (at risk). B: 1 fully digital on Biz Portal, 1 own e-service for this year.</summary>
    public static async Task<(Seed.Org Ministry, Seed.Org A, Seed.Org B)> MinistryAsync(PmqaApp app)
    {
        var admin = await app.AdminApiAsync();
        var ministry = await admin.OrganizationAsync("ministry");
        var a = await admin.OrganizationAsync("department", ministry.Code);
        var b = await admin.OrganizationAsync("department", ministry.Code);
        await AddAsync(app, a.Id, (true, ServiceChannel.CitizenPortal, 2566, null), (false, ServiceChannel.CounterOnly, 2570, null),
            (false, ServiceChannel.CounterOnly, 2572, "ต้องแก้กฎหมายก่อน"));
        await AddAsync(app, b.Id, (true, ServiceChannel.BizPortal, 2568, null), (false, ServiceChannel.OwnEService, ThisYear, null));
        return (ministry, a, b);
    }

    public static Task AddAsync(PmqaApp app, Guid orgId, params (bool Digital, ServiceChannel Channel, int Year, string? Reason)[] services) =>
        app.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            var i = 0;
            foreach (var (digital, channel, year, reason) in services)
                db.DigitalServices.Add(new DigitalService
                {
                    OrganizationId = orgId, Name = $"บริการที่ {++i}", Audience = Audience.People, Channel = channel, FullyDigital = digital,
                    TargetYear = year, ExceptionReason = reason ?? "", ResponsibleUnit = "กองบริการ", CreatedAt = now, UpdatedAt = now,
                    DigitisedYear = digital ? ThisYear : null, // a pace of one a year per fully digital service (ADR 0028)
                });
            return db.SaveChangesAsync();
        });

    private async Task<HttpClient> OfficerAsync() =>
        await app.ApiAsync((await (await app.AdminApiAsync()).PersonAsync(await app.OpdcAsync(), "opdcOfficer")).Email, Seed.Password);

    private static JsonElement Line(JsonElement view, string code) =>
        view.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("code").GetString() == code).GetProperty("figures");

    [Fact]
    public async Task OPDC_sees_each_organisation_the_ministry_and_the_path_to_2570_as_worked_by_hand()
    {
        var (ministry, a, b) = await MinistryAsync(app);
        var officer = await OfficerAsync();
        var response = await officer.GetAsync($"/api/v1/digital-progress?ministry={ministry.Code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();

        Assert.Equal(new[] { a.Code, b.Code }.Order(), view.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("code").GetString()).Order());
        var lineA = Line(view, a.Code);
        Assert.Equal(3, lineA.GetProperty("services").GetInt32());
        Assert.Equal(33, lineA.GetProperty("fullyDigitalPercent").GetInt32());
        Assert.Equal(33, lineA.GetProperty("onCentralPlatformPercent").GetInt32());
        Assert.Equal(2, lineA.GetProperty("remaining").GetInt32());
        Assert.Equal(2572, lineA.GetProperty("latestTargetYear").GetInt32());
        Assert.True(lineA.GetProperty("atRisk").GetBoolean());
        var lineB = Line(view, b.Code);
        Assert.Equal(50, lineB.GetProperty("fullyDigitalPercent").GetInt32());
        Assert.Equal(1, lineB.GetProperty("remaining").GetInt32());
        Assert.Equal(ThisYear, lineB.GetProperty("latestTargetYear").GetInt32());
        Assert.False(lineB.GetProperty("atRisk").GetBoolean());

        // Totals add up services (2 of 5 = 40%), not the organisations' shares (mean of 33% and 50%).
        var totals = view.GetProperty("totals");
        Assert.Equal(5, totals.GetProperty("services").GetInt32());
        Assert.Equal(40, totals.GetProperty("fullyDigitalPercent").GetInt32());
        Assert.Equal(2, totals.GetProperty("onCentralPlatform").GetInt32());
        Assert.True(totals.GetProperty("atRisk").GetBoolean());
        var parent = Assert.Single(view.GetProperty("byParent").EnumerateArray());
        Assert.Equal(ministry.Code, parent.GetProperty("key").GetString());
        Assert.Equal(2, parent.GetProperty("organizations").GetInt32());
        Assert.Equal("department", Assert.Single(view.GetProperty("byType").EnumerateArray()).GetProperty("key").GetString());

        // The path: 2 done plus B's service this year = 3 of 5; A's 2570 service makes 4 of 5; the 2572 one is not on it.
        var path = view.GetProperty("path").EnumerateArray().ToList();
        Assert.Equal(ThisYear, path[0].GetProperty("year").GetInt32());
        Assert.Equal(60, path[0].GetProperty("percent").GetInt32());
        Assert.Equal(2570, path[^1].GetProperty("year").GetInt32());
        Assert.Equal(4, path[^1].GetProperty("planned").GetInt32());
        Assert.Equal(80, path[^1].GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task Filters_by_type_and_cluster_and_an_unknown_code_is_named_at_its_field()
    {
        var admin = await app.AdminApiAsync();
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var province = await admin.OrganizationAsync("province", cluster.Code);
        await AddAsync(app, province.Id, (false, ServiceChannel.CounterOnly, 2570, null));
        var officer = await OfficerAsync();

        var view = await (await officer.GetAsync($"/api/v1/digital-progress?type=province&cluster={cluster.Code}")).JsonAsync();
        Assert.Equal(province.Code, Assert.Single(view.GetProperty("organizations").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(0, view.GetProperty("totals").GetProperty("fullyDigitalPercent").GetInt32());
        Assert.Empty((await (await officer.GetAsync($"/api/v1/digital-progress?type=department&cluster={cluster.Code}")).JsonAsync())
            .GetProperty("organizations").EnumerateArray());

        var bad = await officer.GetAsync("/api/v1/digital-progress?ministry=NO-SUCH-MINISTRY&type=ministry");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
    }

    [Fact]
    public async Task An_organisation_sees_its_own_figures_and_path_and_another_agency_gets_404()
    {
        var (_, a, b) = await MinistryAsync(app);
        var admin = await app.AdminApiAsync();
        var member = await app.ApiAsync((await admin.PersonAsync(a, "executive")).Email, Seed.Password);
        var response = await member.GetAsync($"/api/v1/organizations/{a.Id}/digital-progress");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        Assert.Equal(a.Code, view.GetProperty("code").GetString());
        var figures = view.GetProperty("figures");
        Assert.Equal(33, figures.GetProperty("fullyDigitalPercent").GetInt32());
        Assert.True(figures.GetProperty("atRisk").GetBoolean());
        // 1 of 3 now and this year; with the 2570 service 2 of 3 (67%) by 2570; the 2572 one is not on the path.
        var path = view.GetProperty("path").EnumerateArray().ToList();
        Assert.Equal(33, path[0].GetProperty("percent").GetInt32());
        Assert.Equal(2570, path[^1].GetProperty("year").GetInt32());
        Assert.Equal(67, path[^1].GetProperty("percent").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/organizations/{b.Id}/digital-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await OfficerAsync()).GetAsync($"/api/v1/organizations/{b.Id}/digital-progress")).StatusCode);
    }

    [Fact]
    public async Task An_agency_is_refused_the_national_view()
    {
        var (_, a, _) = await MinistryAsync(app);
        var admin = await app.AdminApiAsync();
        var coordinator = await app.ApiAsync((await admin.PersonAsync(a, "coordinator")).Email, Seed.Password);
        // As every OPDC-only route: the agency is not told the view exists (ADR 0005).
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/v1/digital-progress")).StatusCode);
    }
}

public sealed class DigitalProgressApiTests_Sqlite(SqliteApp app) : DigitalProgressApiTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalProgressApiTests_Postgres(PostgresApp app) : DigitalProgressApiTests(app), IClassFixture<PostgresApp>;
