using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Security.Fuzzing;

/// <summary>
/// Every API operation that reads a JSON body, taken from the OpenAPI document (so a new one is fuzzed the moment it
/// exists), receives the fixed hostile corpus and bodies generated from its schema, from an agency's coordinator, an
/// OPDC officer and an administrator, with route values of a real agency so that authorization lets the body through.
/// A server error is a failure (CsCheck shrinks it and prints the seed that replays it); a refusal must be a problem
/// document; and the server must keep answering afterwards.
/// </summary>
public abstract partial class ApiBodyFuzzTests(PmqaApp app)
{
    private static readonly string[] BodyMethods = ["post", "put", "patch"];

    /// <summary>Refusals an API client reads as a problem document. 401/403/404/405 may come from routing and
    /// authorization before any body is read, and carry no body of interest.</summary>
    private static readonly HttpStatusCode[] ProblemStatuses =
    [
        HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed, HttpStatusCode.RequestEntityTooLarge,
        HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnprocessableEntity, HttpStatusCode.PreconditionRequired,
    ];

    /// <summary>How many answers of each status the walk got: proof that bodies reached validation and handlers.</summary>
    private readonly Dictionary<int, int> _answers = [];

    private sealed record Operation(string Method, string Template, JsonElement Schema);

    [Fact]
    public async Task Hostile_and_generated_JSON_bodies_never_get_a_server_error_anywhere_in_the_API()
    {
        var team = await app.AgencyAsync();
        var opdc = await app.OpdcAsync();
        var officer = await app.ApiAsync((await team.Admin.PersonAsync(opdc, "opdcOfficer")).Email, Seed.Password);
        var callers = new (string Name, HttpClient Client)[] { ("coordinator", team.Coordinator), ("officer", officer), ("admin", team.Admin) };
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var components = document.GetProperty("components");
        var operations = Operations(document).Where(o => !SelfLockout(o)).ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations read a JSON body");

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            var url = Url(operation.Template, team);
            foreach (var (caller, client) in callers)
            {
                foreach (var (name, body) in JsonBodies.Corpus)
                {
                    sent++;
                    if (await RefusalProblemAsync(client, operation.Method, url, Encoding.UTF8.GetBytes(body)) is { } problem)
                        failures.Add($"{operation.Method} {operation.Template} as {caller}, {name}: {problem}");
                }
                sent++;
                if (await RefusalProblemAsync(client, operation.Method, url, JsonBodies.InvalidUtf8) is { } invalid)
                    failures.Add($"{operation.Method} {operation.Template} as {caller}, invalid UTF-8: {invalid}");
                try
                {
                    await JsonBodies.ForSchema(operation.Schema, components).SampleAsync(async body =>
                    {
                        Interlocked.Increment(ref sent);
                        if (await RefusalProblemAsync(client, operation.Method, url, Encoding.UTF8.GetBytes(body)) is { } problem)
                            throw new InvalidOperationException(problem);
                    }, iter: FuzzBudget.Iterations, threads: 1, seed: FuzzBudget.Seed, print: JsonBodies.Shorten);
                }
                catch (Exception e)
                {
                    failures.Add($"{operation.Method} {operation.Template} as {caller}, generated: {e.Message}");
                }
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
        var answers = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"));
        // Most bodies are refused, but generated ones must also get through to handlers that accept them,
        // and field validation must have spoken: otherwise the walk only met routing and authorization.
        Assert.True(_answers.Where(a => a.Key is >= 200 and < 300).Sum(a => a.Value) >= 20, answers);
        Assert.True(_answers.GetValueOrDefault(400) >= operations.Count, answers);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests were answered badly ({answers}):\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Generated_answers_with_indicators_are_saved_or_refused_and_a_refusal_changes_nothing()
    {
        // The answer save needs the current ETag, so the walk above stops at 428 before reading indicators: here
        // each body goes in with the ETag of the answer as it stands, on a results issue and a process issue.
        var team = await app.AgencyAsync();
        var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
        var save = Operations(document).Single(o => o.Method == "PUT" && o.Template == "/api/v1/assessments/{assessmentId}/issues/{issueCode}");
        var (saved, refused) = (0, 0);
        await Gen.Select(JsonBodies.ForSchema(save.Schema, document.GetProperty("components")), Gen.OneOfConst("7.1", "7.4", "1.1"))
            .SampleAsync(async (body, issue) =>
            {
                var url = $"/api/v1/assessments/{team.AssessmentId}/issues/{issue}";
                var before = await team.Coordinator.GetAsync(url);
                var stored = await before.Content.ReadAsStringAsync();
                using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.IfMatch.Add(before.Headers.ETag!);
                using var response = await team.Coordinator.SendAsync(request);
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                if (response.IsSuccessStatusCode) { saved++; return; }
                refused++;
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(stored, await team.Coordinator.GetStringAsync(url));
            }, iter: FuzzBudget.Iterations * 25, threads: 1, seed: FuzzBudget.Seed, print: t => JsonBodies.Shorten(t.Item1));
        Assert.True(refused > 0 && saved > 0, $"saved {saved}, refused {refused}: the generator should reach both");
    }

    /// <summary>What is wrong with the answer to one body, or null when it is a success or a proper refusal.</summary>
    private async Task<string?> RefusalProblemAsync(HttpClient client, string method, string url, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("th"));
        using var response = await client.SendAsync(request);
        lock (_answers) _answers[(int)response.StatusCode] = _answers.GetValueOrDefault((int)response.StatusCode) + 1;
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
            return $"{(int)response.StatusCode} to {JsonBodies.Shorten(Encoding.UTF8.GetString(body))}: {JsonBodies.Shorten(text)}";
        if (ProblemStatuses.Contains(response.StatusCode) && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{(int)response.StatusCode} as {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not a problem document";
        return null;
    }

    private static IEnumerable<Operation> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from op in path.Value.EnumerateObject()
        where BodyMethods.Contains(op.Name)
              && op.Value.TryGetProperty("requestBody", out var requestBody)
              && requestBody.TryGetProperty("content", out var content)
              && content.TryGetProperty("application/json", out _)
        select new Operation(op.Name.ToUpperInvariant(), path.Name, SchemaOf(op.Value));

    private static JsonElement SchemaOf(JsonElement operation) =>
        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out var schema)
            ? schema : JsonDocument.Parse("{}").RootElement;

    /// <summary>Bodies that would sign the fuzzing callers out or change their own password: a valid one is
    /// possible by chance, and the walk would go on as nobody.</summary>
    private static bool SelfLockout(Operation operation) =>
        operation.Template.StartsWith("/api/v1/auth", StringComparison.Ordinal) || operation.Template.Contains("/me/password", StringComparison.Ordinal);

    private static string Url(string template, AgencyTeam team) => RouteValue().Replace(template, m => m.Groups[1].Value switch
    {
        "orgId" or "organizationId" => team.Org.Id.ToString(),
        "assessmentId" or "id" when template.Contains("/assessments/{") => team.AssessmentId.ToString(),
        "roundId" => team.RoundId.ToString(),
        "issueCode" => "1.1",
        "sectionCode" => "P1",
        "categoryCode" => "1",
        "code" => "pmqa-4.0",
        "version" => "2569.1",
        "fiscalYear" => "2570",
        _ => Guid.NewGuid().ToString(),
    });

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex RouteValue();
}

public sealed class ApiBodyFuzzTests_Sqlite(SqliteApp app) : ApiBodyFuzzTests(app), IClassFixture<SqliteApp>;
public sealed class ApiBodyFuzzTests_Postgres(PostgresApp app) : ApiBodyFuzzTests(app), IClassFixture<PostgresApp>;
