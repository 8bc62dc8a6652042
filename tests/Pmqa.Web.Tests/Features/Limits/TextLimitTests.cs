using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Infrastructure.Web;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>Every free-text field has a limit from <see cref="TextLimits"/>, checked at the field: the API names the
/// field, and nothing over the limit is stored.</summary>
public abstract class TextLimitTests(PmqaApp app)
{
    private static object Indicator(string name) =>
        new { name, unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 80 };

    [Fact]
    public async Task Too_many_indicators_or_an_indicator_name_over_the_limit_is_refused_at_the_field()
    {
        var team = await app.AgencyAsync();
        var tooMany = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "7.1",
            new { indicators = Enumerable.Range(0, TextLimits.IndicatorsPerIssue + 1).Select(i => Indicator($"ตัวชี้วัด {i}")).ToArray() }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains($"{TextLimits.IndicatorsPerIssue}", (await tooMany.JsonAsync()).GetProperty("errors").GetProperty("indicators")[0].GetString());

        var longName = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "7.1",
            new { indicators = new[] { Indicator("ร้อยละ"), Indicator(new string('ก', TextLimits.Name + 1)) } }, "\"0\""));
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        var errors = (await longName.JsonAsync()).GetProperty("errors");
        Assert.Contains("300", errors.GetProperty("indicators[1].name")[0].GetString());
        Assert.False(errors.TryGetProperty("indicators[0].name", out _));

        var atTheLimit = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "7.1",
            new { indicators = Enumerable.Range(0, TextLimits.IndicatorsPerIssue).Select(_ => Indicator(new string('ก', TextLimits.Name))).ToArray() }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
    }

    [Fact]
    public async Task A_display_name_over_the_limit_is_refused_naming_the_field_and_the_form_says_the_limit()
    {
        var admin = await app.AdminApiAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = $"{Seed.Unique("long")}@example.go.th", displayName = new string('ก', 5_000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("300", (await response.JsonAsync()).GetProperty("errors").GetProperty("displayName")[0].GetString());

        var browser = await app.BrowserAsync(PmqaApp.AdminEmail, PmqaApp.AdminPassword);
        var form = await browser.GetHtmlAsync("/admin/users/create");
        Assert.Equal("300", form.QuerySelector("#Input_DisplayName")!.GetAttribute("maxlength"));
    }

    [Fact]
    public async Task A_profile_section_over_the_limit_is_refused_at_the_field()
    {
        var team = await app.AgencyAsync();
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{team.AssessmentId}/profile/P1")
        {
            Content = JsonContent.Create(new { text = new string('ก', TextLimits.Explanation + 1) }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        var response = await team.Coordinator.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("20,000", (await response.JsonAsync()).GetProperty("errors").GetProperty("text")[0].GetString());
    }
}

public sealed class TextLimitTests_Sqlite(SqliteApp app) : TextLimitTests(app), IClassFixture<SqliteApp>;
public sealed class TextLimitTests_Postgres(PostgresApp app) : TextLimitTests(app), IClassFixture<PostgresApp>;

/// <summary>The answer endpoints' bodies are bounded: a 2 MB save is refused before it is read.</summary>
public sealed class AnswerBodyLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_save_over_the_body_limit_is_413_naming_the_limit_and_stores_nothing()
    {
        var team = await app.AgencyAsync();
        var body = new { explanations = new Dictionary<string, string> { ["Basic"] = new string('x', 2 * 1024 * 1024) } };
        var response = await team.Coordinator.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "1.1", body, "\"0\""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1 MB", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal("\"0\"", await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1"));
    }
}
