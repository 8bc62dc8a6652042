using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Domain.Time;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Digital;

/// <summary>The register's figures offered as category 7 indicators (ADR 0028): the offered values equal the register's,
/// the agency uses them through the answer save (API) or "use these figures" (page), versioned and audited, and another
/// agency is told nothing.</summary>
public abstract class DigitalIndicatorTests(PmqaApp app)
{
    private static int ThisYear => ThaiTime.ToBangkok(DateTimeOffset.UtcNow).Year + ThaiTime.BuddhistEraOffset;

    /// <summary>3 services: on Citizen Portal digitised last year, own e-service digitised this year, counter only; 1 dataset.</summary>
    private static async Task<AgencyTeam> RegisterAsync(PmqaApp app)
    {
        var team = await app.AgencyAsync();
        var url = $"/api/v1/organizations/{team.Org.Id}/services";
        object Service(string name, string channel, bool digital, int? digitised, int target) => new
        {
            name, audience = "people", channel, fullyDigital = digital, commonServices = Array.Empty<string>(), targetYear = target,
            responsibleUnit = "กองบริการประชาชน", digitisedYear = digitised,
        };
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(url, Service("ขอรับรองสำเนา", "citizenPortal", true, ThisYear - 1, ThisYear - 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(url, Service("ขอข้อมูลข่าวสาร", "ownEService", true, null, ThisYear))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(url, Service("ขออนุญาต", "counterOnly", false, null, 2570))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync($"/api/v1/organizations/{team.Org.Id}/datasets",
            new { title = "สถิติบริการ", catalogUrl = "https://gdcatalog.go.th/dataset/x1", updateFrequency = "monthly" })).StatusCode);
        return team;
    }

    private static decimal R(JsonElement offer, string code, string year) =>
        offer.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == code).GetProperty(year).GetDecimal();

    [Fact]
    public async Task The_offered_values_equal_the_registers_and_the_answer_save_takes_them()
    {
        var team = await RegisterAsync(app);
        var register = await (await team.Coordinator.GetAsync($"/api/v1/organizations/{team.Org.Id}/services")).JsonAsync();
        var response = await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/digital-indicators");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = await response.JsonAsync();
        var fy = offer.GetProperty("fiscalYear").GetInt32();
        Assert.Equal([fy - 2, fy - 1, fy], offer.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()));
        Assert.True(fy >= ThisYear); // the seeded round is this fiscal year or later: the register as it is now
        Assert.Equal(register.GetProperty("fullyDigitalPercent").GetInt32(), R(offer, "DG-FULLY-DIGITAL", "r0"));
        Assert.Equal(register.GetProperty("onCentralPlatformPercent").GetInt32(), R(offer, "DG-CENTRAL-PLATFORM", "r0"));
        Assert.Equal(1m, R(offer, "DG-GD-CATALOG", "r0"));
        // By the end of a year before last year, nothing was digital yet; by the end of last year, 1 of 3.
        var digitalByYear = new[] { "r2", "r1", "r0" }.Select(r => R(offer, "DG-FULLY-DIGITAL", r)).ToList();
        var years = new[] { fy - 2, fy - 1, fy };
        Assert.Equal(years.Select(y => y >= ThisYear ? 67m : y == ThisYear - 1 ? 33m : 0m), digitalByYear);

        var etag = await team.Coordinator.IssueETagAsync(team.AssessmentId, "7.1");
        var saved = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "7.1", new { indicators = offer.GetProperty("indicators") }, etag));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stored = (await saved.JsonAsync()).GetProperty("indicators");
        Assert.Equal(3, stored.GetArrayLength());
        Assert.Equal(register.GetProperty("fullyDigitalPercent").GetInt32(), stored[0].GetProperty("r0").GetDecimal());
        // Without If-Match the save is refused, as every answer save.
        Assert.Equal(HttpStatusCode.PreconditionRequired,
            (await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "7.1", new { indicators = offer.GetProperty("indicators") }, null))).StatusCode);
    }

    [Fact]
    public async Task Use_these_figures_on_the_page_saves_them_with_the_version_shown_and_audits_the_change()
    {
        var team = await RegisterAsync(app);
        var pages = await app.BrowserAsync(team.CoordinatorEmail!, Seed.Password);
        var page = $"/assessments/{team.AssessmentId}/issues/7.2";
        var html = await pages.GetHtmlAsync(page);
        Assert.NotNull(html.QuerySelector("#digital-offer-table tr[data-code=DG-FULLY-DIGITAL]"));
        Assert.NotNull(html.QuerySelector("#use-digital"));
        Assert.Null((await pages.GetHtmlAsync($"/assessments/{team.AssessmentId}/issues/1.1")).QuerySelector("#digital-offer")); // category 7 only

        var used = await pages.PostFormAsync($"{page}?handler=UseDigital", new() { ["Version"] = "0" }, page);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var answer = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/issues/7.2")).JsonAsync();
        Assert.Equal(["DG-FULLY-DIGITAL", "DG-CENTRAL-PLATFORM", "DG-GD-CATALOG"], answer.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(67m, answer.GetProperty("indicators")[0].GetProperty("r0").GetDecimal());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.AssessmentId == team.AssessmentId && a.EntityType == "IssueAnswer")));

        // A page that showed version 0 is stale now: the conflict screen, nothing saved over the stored version.
        var stale = await pages.PostFormAsync($"{page}?handler=UseDigital", new() { ["Version"] = "0" }, page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotNull((await stale.HtmlAsync()).QuerySelector("#conflict"));
        Assert.Equal(answer.GetProperty("version").GetInt32(),
            (await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/issues/7.2")).JsonAsync()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Another_agency_is_told_nothing()
    {
        var team = await RegisterAsync(app);
        var other = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/digital-indicators")).StatusCode);
    }
}

public sealed class DigitalIndicatorTests_Sqlite(SqliteApp app) : DigitalIndicatorTests(app), IClassFixture<SqliteApp>;
public sealed class DigitalIndicatorTests_Postgres(PostgresApp app) : DigitalIndicatorTests(app), IClassFixture<PostgresApp>;
