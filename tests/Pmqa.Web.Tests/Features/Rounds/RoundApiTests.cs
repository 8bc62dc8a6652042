using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Rounds;

public abstract class RoundApiTests(PmqaApp app)
{
    private static object Round(object? statusBands = null, int fiscalYear = 2570) => new
    {
        fiscalYear, frameworkCode = "pmqa-4.0", audiences = new[] { "province" },
        opensAt = DateTimeOffset.UtcNow, submissionDeadline = DateTimeOffset.UtcNow.AddDays(10), statusBands,
    };

    [Fact]
    public async Task A_round_may_set_its_own_status_bands_and_scores_use_them()
    {
        var admin = await app.AdminApiAsync();
        var cluster = await admin.OrganizationAsync("provinceCluster");
        var province = await admin.OrganizationAsync("province", cluster.Code);
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", Round(new[]
        {
            new { level = "Basic", from = 0 }, new { level = "Advance", from = 450 }, new { level = "Significance", from = 500 },
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await Seed.IdOf(created);
        await admin.PostAsync($"/api/v1/rounds/{round}/open", null);
        var assessment = (await (await admin.GetAsync($"/api/v1/organizations/{province.Id}/assessments")).JsonAsync())[0].GetProperty("id").GetGuid();
        var score = await (await admin.GetAsync($"/api/v1/assessments/{assessment}/score")).JsonAsync();
        Assert.Equal("Basic", score.GetProperty("status").GetString()); // a total of 0 is Basic under this round's bands
    }

    [Fact]
    public async Task Bands_that_do_not_rise_or_a_missing_deadline_are_named_fields()
    {
        var admin = await app.AdminApiAsync();
        var falling = await admin.PostAsJsonAsync("/api/v1/rounds", Round(new[] { new { level = "Basic", from = 400 }, new { level = "Advance", from = 300 } }));
        Assert.True((await falling.JsonAsync()).GetProperty("errors").TryGetProperty("statusBands", out _));
        var noDeadline = await admin.PostAsJsonAsync("/api/v1/rounds", new { fiscalYear = 2570, frameworkCode = "pmqa-4.0", audiences = new[] { "province" }, opensAt = DateTimeOffset.UtcNow });
        var errors = (await noDeadline.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("submissionDeadline", out _));
        var badYear = await admin.PostAsJsonAsync("/api/v1/rounds", Round(fiscalYear: 2026));
        Assert.True((await badYear.JsonAsync()).GetProperty("errors").TryGetProperty("fiscalYear", out _));
    }

    [Fact]
    public async Task Only_OPDC_manages_rounds()
    {
        var team = await app.AgencyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.PostAsJsonAsync("/api/v1/rounds", Round())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.GetAsync($"/api/v1/rounds/{team.RoundId}")).StatusCode);
    }
}

public sealed class RoundApiTests_Sqlite(SqliteApp app) : RoundApiTests(app), IClassFixture<SqliteApp>;
public sealed class RoundApiTests_Postgres(PostgresApp app) : RoundApiTests(app), IClassFixture<PostgresApp>;
