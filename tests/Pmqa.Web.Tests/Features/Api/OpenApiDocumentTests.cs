using System.Net;
using System.Text.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Api;

/// <summary>A client generated from the OpenAPI document must know, for every operation, what a success
/// answers (a schema, or no body) and which errors come as problems.</summary>
public sealed class OpenApiDocumentTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from op in path.Value.EnumerateObject()
        where Methods.Contains(op.Name)
        select ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value);

    [Fact]
    public async Task Every_operation_describes_its_success_with_a_schema_or_as_bodiless()
    {
        var missing = new List<string>();
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            if (!operation.TryGetProperty("responses", out var responses)) { missing.Add(name + ": no responses"); continue; }
            var successes = responses.EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0) { missing.Add(name + ": no 2xx response"); continue; }
            foreach (var success in successes)
            {
                var bodiless = success.Name == "204";
                var described = success.Value.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _) || c.Name.Contains("csv") || c.Name.Contains("pdf") || c.Name.Contains("octet"));
                if (!bodiless && !described) missing.Add($"{name}: {success.Name} without a schema");
            }
        }
        Assert.True(missing.Count == 0, "Operations a client cannot be generated for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Operations_that_answer_an_outcome_declare_their_problems()
    {
        var document = await DocumentAsync();
        var issue = Operations(document).Single(o => o.Name == "PUT /api/v1/assessments/{assessmentId}/issues/{issueCode}").Operation;
        var statuses = issue.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "200", "400", "404", "409", "412", "428" }, statuses);
        var problem = issue.GetProperty("responses").GetProperty("412").GetProperty("content");
        Assert.True(problem.TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task The_API_reference_is_readable_without_signing_in_and_needs_nothing_from_outside()
    {
        var client = app.Anonymous();
        var page = await client.GetAsync("/api/reference/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        Assert.DoesNotContain("https://", html.Replace("https://localhost", ""));
        // The reference page alone may run its own inline script; every other page keeps the strict policy.
        Assert.Contains("'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single());
        var login = await client.GetAsync("/account/login");
        Assert.DoesNotContain("'unsafe-inline'", login.Headers.GetValues("Content-Security-Policy").Single());
    }
}
