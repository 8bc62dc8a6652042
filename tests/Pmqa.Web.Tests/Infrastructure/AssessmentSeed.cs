using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>An agency with its team and an open round, made through the API as OPDC would.</summary>
public sealed record AgencyTeam(Seed.Org Org, Guid AssessmentId, Guid RoundId, HttpClient Coordinator, HttpClient Executive, HttpClient Admin)
{
    /// <summary>To sign the coordinator in to the pages as well.</summary>
    public string CoordinatorEmail { get; init; } = "";
}

public static class AssessmentSeed
{
    private static int _lastFiscalYear = 2600;

    /// <summary>A fiscal year no other test uses, for a test that needs a round of its own (only its agencies).</summary>
    public static int UnusedFiscalYear() => Interlocked.Increment(ref _lastFiscalYear);

    /// <summary>The open round of <paramref name="fiscalYear"/> for <paramref name="audience"/>, with the given
    /// deadline: one round per fiscal year and audience, so a later call edits the deadline of the existing round
    /// and opens it again, which gives a draft to the organisations created since. Dates fall in the fiscal year:
    /// today's for the current one, shifted by whole years for another.</summary>
    public static async Task<Guid> OpenRoundAsync(this HttpClient admin, DateTimeOffset? deadline = null, string audience = "department", int fiscalYear = 2570)
    {
        var now = DateTimeOffset.UtcNow.AddYears(fiscalYear - Pmqa.Domain.Time.ThaiTime.FiscalYearOf(DateTimeOffset.UtcNow));
        var due = deadline ?? now.AddDays(30);
        var rounds = await (await admin.GetAsync("/api/v1/rounds")).JsonAsync();
        var existing = rounds.EnumerateArray().FirstOrDefault(r => r.GetProperty("fiscalYear").GetInt32() == fiscalYear
            && r.GetProperty("audiences").GetString()!.Split(',').Contains(audience));
        Guid id;
        if (existing.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            id = existing.GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/rounds/{id}", new { submissionDeadline = due })).StatusCode);
        }
        else
        {
            var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
            {
                fiscalYear, frameworkCode = "pmqa-4.0", audiences = new[] { audience }, opensAt = now.AddDays(-1), submissionDeadline = due,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = await Seed.IdOf(created);
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/rounds/{id}/open", null)).StatusCode);
        return id;
    }

    /// <summary>A department with a coordinator and an executive, and its assessment in a newly opened round.</summary>
    public static async Task<AgencyTeam> AgencyAsync(this PmqaApp app, DateTimeOffset? deadline = null)
    {
        var admin = await app.AdminApiAsync();
        var org = await admin.OrganizationAsync();
        var coordinator = await admin.PersonAsync(org, "coordinator");
        var executive = await admin.PersonAsync(org, "executive");
        var round = await admin.OpenRoundAsync(deadline);
        var list = await (await admin.GetAsync($"/api/v1/organizations/{org.Id}/assessments")).JsonAsync();
        var assessment = list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
        return new AgencyTeam(org, assessment, round, await app.ApiAsync(coordinator.Email, Seed.Password),
            await app.ApiAsync(executive.Email, Seed.Password), admin) { CoordinatorEmail = coordinator.Email };
    }

    /// <summary>A request saving an issue's answers, with If-Match when <paramref name="etag"/> is given.</summary>
    public static HttpRequestMessage PutIssue(Guid assessment, string issue, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessment}/issues/{issue}") { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    public static async Task<string> IssueETagAsync(this HttpClient client, Guid assessment, string issue) =>
        (await client.GetAsync($"/api/v1/assessments/{assessment}/issues/{issue}")).Headers.ETag!.Tag;

    /// <summary>Writes an explanation on every process issue and a valid indicator on every results issue,
    /// so the coordinator may submit.</summary>
    public static async Task CompleteAsync(this AgencyTeam team)
    {
        var tree = await (await team.Coordinator.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        foreach (var issue in tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray()))
        {
            var code = issue.GetProperty("code").GetString()!;
            object body = issue.GetProperty("kind").GetString() == "process"
                ? new { @checked = issue.GetProperty("levels")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToArray(),
                        explanations = new Dictionary<string, string> { ["Basic"] = $"คำอธิบายประเด็น {code}" } }
                : new { indicators = new[] { new { name = $"ตัวชี้วัด {code}", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 80 } } };
            var response = await team.Coordinator.SendAsync(PutIssue(team.AssessmentId, code, body, await team.Coordinator.IssueETagAsync(team.AssessmentId, code)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        foreach (var section in tree.GetProperty("profileSections").EnumerateArray().Select(s => s.GetProperty("code").GetString()))
        {
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{team.AssessmentId}/profile/{section}")
            {
                Content = JsonContent.Create(new { text = $"ข้อมูลลักษณะสำคัญขององค์การ หัวข้อ {section}" }),
            };
            put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
            Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(put)).StatusCode);
        }
    }
}
