using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Frameworks;

/// <summary>Framework versions are data: a pack with three categories instead of PMQA 4.0's seven works from
/// import to category assignments, award thresholds and award candidates.</summary>
public abstract class SmallerPackTests(PmqaApp app)
{
    /// <summary>The shipped pack cut after its third category, under another code.</summary>
    private static string ThreeCategoryYaml(string code)
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "frameworks", "pmqa-4.0.yaml"));
        var cut = yaml[..yaml.IndexOf("\n  - code: \"4\"", StringComparison.Ordinal)] + "\n";
        return cut.Replace("code: \"pmqa-4.0\"", $"code: \"{code}\"");
    }

    [Fact]
    public async Task A_round_on_a_three_category_pack_assigns_its_categories_and_draws_three_category_awards()
    {
        var admin = await app.AdminApiAsync();
        var code = $"small-{Guid.NewGuid():N}"[..14];
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PostAsync("/api/v1/frameworks", new StringContent(ThreeCategoryYaml(code), Encoding.UTF8, "application/yaml"))).StatusCode);
        var org = await admin.OrganizationAsync("publicOrganization");
        var owner = await admin.PersonAsync(org, "categoryOwner");
        var coordinator = await app.ApiAsync((await admin.PersonAsync(org, "coordinator")).Email, Seed.Password);
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2570, frameworkCode = code, audiences = new[] { "publicOrganization" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1), submissionDeadline = DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await Seed.IdOf(created);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/rounds/{round}/open", null)).StatusCode);
        var assessment = (await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync()).EnumerateArray()
            .Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();

        var assignments = $"/api/v1/assessments/{assessment}/assignments";
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.PutAsJsonAsync($"{assignments}/3", new { userId = owner.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.PutAsJsonAsync($"{assignments}/4", new { userId = owner.Id })).StatusCode);
        var score = await (await coordinator.GetAsync($"/api/v1/assessments/{assessment}/score")).JsonAsync();
        Assert.Equal(3, score.GetProperty("categories").GetArrayLength());

        var thresholds = $"/api/v1/rounds/{round}/award-thresholds";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(thresholds, new { thresholds = new Dictionary<string, decimal> { ["3"] = 420 } })).StatusCode);
        var refused = await admin.PutAsJsonAsync(thresholds, new { thresholds = new Dictionary<string, decimal> { ["4"] = 420 } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1, 2, 3", (await refused.JsonAsync()).GetProperty("errors").GetProperty("thresholds")[0].GetString());

        await app.ScoreAsync(assessment, AssessmentState.Verified, CertificationSeed.ScoreJson(410, "Advance", 450, 380, 425));
        var awards = await (await admin.GetAsync($"/api/v1/rounds/{round}/award-candidates")).JsonAsync();
        var categories = awards.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], categories.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal([1, 0, 1], categories.Select(c => c.GetProperty("candidates").GetArrayLength()));
        Assert.Equal(420m, categories[2].GetProperty("threshold").GetDecimal());

        var officer = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var page = await officer.GetHtmlAsync($"/rounds/{round}/awards");
        Assert.Equal(3, page.QuerySelectorAll("input[name^='Input.Category']").Length);
        var saved = await officer.PostFormAsync($"/rounds/{round}/awards", new()
        {
            ["Input.Version"] = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!,
            ["Input.Category1"] = "300", ["Input.Category2"] = "380", ["Input.Category3"] = "430",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await admin.GetAsync($"/api/v1/rounds/{round}/award-candidates")).JsonAsync();
        Assert.Equal([1, 1, 0], after.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("candidates").GetArrayLength()));
    }
}

public sealed class SmallerPackTests_Sqlite(SqliteApp app) : SmallerPackTests(app), IClassFixture<SqliteApp>;
public sealed class SmallerPackTests_Postgres(PostgresApp app) : SmallerPackTests(app), IClassFixture<PostgresApp>;
