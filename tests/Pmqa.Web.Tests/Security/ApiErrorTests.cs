using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security;

/// <summary>Errors as an API client expects them: problem documents in the caller's language, naming the
/// field; If-Match: * where it is safe; no server banner.</summary>
public abstract class ApiErrorTests(PmqaApp app)
{
    private static HttpRequestMessage Put(Guid assessment, string json, string? ifMatch, string language = "en")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessment}/issues/1.1")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return request;
    }

    [Fact]
    public async Task A_mistyped_field_is_named_in_a_problem_in_the_callers_language()
    {
        var team = await app.AgencyAsync();
        var etag = await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1");
        var json = """{"indicators":[{"name":"ความพึงพอใจ","target":true}]}""";

        var english = await team.Coordinator.SendAsync(Put(team.AssessmentId, json, etag));
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Equal("application/problem+json", english.Content.Headers.ContentType?.MediaType);
        var problem = await english.JsonAsync();
        var message = problem.GetProperty("errors").GetProperty("indicators[0].target")[0].GetString()!;
        Assert.Contains("indicators[0].target", message);
        Assert.Contains("wrong type", message);
        Assert.Equal("The request body could not be read", problem.GetProperty("title").GetString());

        var thai = await (await team.Coordinator.SendAsync(Put(team.AssessmentId, json, etag, "th"))).JsonAsync();
        Assert.Equal("อ่านเนื้อหาคำขอไม่ได้", thai.GetProperty("title").GetString());
        Assert.Contains("มีชนิดไม่ถูกต้อง", thai.GetProperty("errors").GetProperty("indicators[0].target")[0].GetString());
    }

    [Fact]
    public async Task Malformed_JSON_names_the_line_and_byte()
    {
        var team = await app.AgencyAsync();
        var etag = await team.Coordinator.IssueETagAsync(team.AssessmentId, "1.1");
        var response = await team.Coordinator.SendAsync(Put(team.AssessmentId, "{\"checked\":\n  [\"1.1.A1\",,]}", etag));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("line 2", problem.GetProperty("detail").GetString());
        Assert.Contains("malformed", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task If_Match_star_is_refused_on_shared_answers_with_a_reason()
    {
        var team = await app.AgencyAsync();
        var response = await team.Coordinator.SendAsync(Put(team.AssessmentId, """{"checked":[]}""", "*"));
        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("If-Match: *", problem.GetProperty("title").GetString());
        Assert.Contains("colleague", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task If_Match_star_saves_a_reviewers_own_review_over_its_current_version()
    {
        var s = await app.SubmittedAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PostAsync(s.Url("review/declare-no-conflict"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.LeadApi.PutAsync(s.Url("review/issues/1.1"), new { @checked = Array.Empty<string>(), strengths = "ก่อน" })).StatusCode);

        using var blind = new HttpRequestMessage(HttpMethod.Put, s.Url("review/issues/1.1"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { @checked = Array.Empty<string>(), strengths = "จุดแข็งที่เขียนทับ" }),
        };
        blind.Headers.TryAddWithoutValidation("If-Match", "*");
        var response = await s.LeadApi.SendAsync(blind);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await (await s.LeadApi.GetAsync(s.Url("review/issues/1.1"))).JsonAsync();
        Assert.Equal("จุดแข็งที่เขียนทับ", saved.GetProperty("strengths").GetString());
    }

    [Fact]
    public async Task Errors_on_API_routes_are_problem_documents_even_when_the_client_asks_for_HTML()
    {
        var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new StringContent("{\"email\":", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Kestrel_sends_no_Server_header()
    {
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }
}

public sealed class ApiErrorTests_Sqlite(SqliteApp app) : ApiErrorTests(app), IClassFixture<SqliteApp>;

public sealed class ApiErrorTests_Postgres(PostgresApp app) : ApiErrorTests(app), IClassFixture<PostgresApp>;
