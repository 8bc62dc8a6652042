using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pmqa.Browser.Tests;

/// <summary>Prepares what OPDC and the administrator would have done before the agency starts, through
/// the public API: an agency, its coordinator and executive, and an open round.</summary>
public sealed class AgencySetup(AppServer app)
{
    public const string Password = "Member-pass-2026";

    public HttpClient Client { get; } = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
    {
        BaseAddress = app.BaseAddress,
    };

    public async Task<(Guid AssessmentId, string Coordinator, string Executive)> CreateAsync(string code)
    {
        await AuthenticateAsync(AppServer.AdminEmail, AppServer.AdminPassword);
        var org = await IdOf(await Client.PostAsJsonAsync("/api/v1/organizations",
            new { code, nameTh = $"กรมทดสอบการประเมิน {code}", nameEn = $"Assessment Test Department {code}", type = "department" }));
        var coordinator = $"coordinator-{code.ToLowerInvariant()}@agency.go.th";
        var executive = $"executive-{code.ToLowerInvariant()}@agency.go.th";
        foreach (var (email, role, name) in new[] { (coordinator, "coordinator", "นางสาวประสาน งานดี"), (executive, "executive", "นายบริหาร ใจกว้าง") })
        {
            await Client.PostAsJsonAsync("/api/v1/users", new { email, password = Password, displayName = name });
            (await Client.PostAsJsonAsync($"/api/v1/organizations/{org}/members", new { email, role })).EnsureSuccessStatusCode();
        }
        // One round per fiscal year and audience: reuse it; opening it again gives the new agency its draft.
        var rounds = await Client.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        var existing = rounds.EnumerateArray().FirstOrDefault(r => r.GetProperty("fiscalYear").GetInt32() == 2570 && r.GetProperty("audiences").GetString() == "department");
        var round = existing.ValueKind == JsonValueKind.Object ? existing.GetProperty("id").GetGuid() : await IdOf(await Client.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2570, frameworkCode = "pmqa-4.0", audiences = new[] { "department" },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1), submissionDeadline = DateTimeOffset.UtcNow.AddDays(30),
        }));
        (await Client.PostAsync($"/api/v1/rounds/{round}/open", null)).EnsureSuccessStatusCode();
        var list = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org}/assessments");
        return (list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid(), coordinator, executive);
    }

    /// <summary>Answers every issue except <paramref name="skip"/> through the API as the coordinator, so the
    /// journey can go on to submission without clicking through thirty issues.</summary>
    public async Task AnswerEverythingAsync(Guid assessment, string coordinator, params string[] skip)
    {
        await AuthenticateAsync(coordinator, Password);
        var tree = await Client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/pmqa-4.0");
        foreach (var issue in tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray()))
        {
            var code = issue.GetProperty("code").GetString()!;
            if (skip.Contains(code)) continue;
            object body = issue.GetProperty("kind").GetString() == "process"
                ? new { @checked = issue.GetProperty("levels")[0].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToArray(),
                        explanations = new Dictionary<string, string> { ["Basic"] = $"หน่วยงานดำเนินการตามแนวทางของประเด็น {code} ครบทุกข้อ" } }
                : new { indicators = new[] { new { name = $"ร้อยละความสำเร็จ {code}", unit = "ร้อยละ", direction = "higher", target = 80, r2 = 70, r1 = 75, r0 = 82 } } };
            var url = $"/api/v1/assessments/{assessment}/issues/{code}";
            var etag = (await Client.GetAsync(url)).Headers.ETag!;
            var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
            put.Headers.IfMatch.Add(etag);
            (await Client.SendAsync(put)).EnsureSuccessStatusCode();
        }
        foreach (var section in tree.GetProperty("profileSections").EnumerateArray().Select(s => s.GetProperty("code").GetString()))
        {
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessment}/profile/{section}")
            {
                Content = JsonContent.Create(new { text = $"หน่วยงานมีพันธกิจตามกฎหมายจัดตั้ง และให้บริการประชาชนทั่วประเทศ (หัวข้อ {section})" }),
            };
            put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
            (await Client.SendAsync(put)).EnsureSuccessStatusCode();
        }
    }

    private async Task AuthenticateAsync(string email, string password)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static async Task<Guid> IdOf(HttpResponseMessage response) =>
        (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
