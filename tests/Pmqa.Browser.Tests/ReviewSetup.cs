using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pmqa.Browser.Tests;

/// <summary>What the journey does through the API to skip clicking thirty issues: people at OPDC, the
/// agency's submission and approval, and reviewers' or the lead's answers on every issue but the ones shown.</summary>
public sealed class ReviewSetup(AppServer app)
{
    private readonly HttpClient _client = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
    {
        BaseAddress = app.BaseAddress,
    };

    public async Task<string> OpdcPersonAsync(string email, string name, string role)
    {
        await AsAsync(AppServer.AdminEmail, AppServer.AdminPassword);
        var orgs = await _client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?search=OPDC");
        var opdc = orgs.GetProperty("items").EnumerateArray().First(o => o.GetProperty("code").GetString() == "OPDC").GetProperty("id").GetGuid();
        await _client.PostAsJsonAsync("/api/v1/users", new { email, password = AgencySetup.Password, displayName = name });
        (await _client.PostAsJsonAsync($"/api/v1/organizations/{opdc}/members", new { email, role })).EnsureSuccessStatusCode();
        return email;
    }

    public async Task SubmitAndApproveAsync(Guid assessment, string coordinator, string executive)
    {
        await AsAsync(coordinator, AgencySetup.Password);
        (await _client.PostAsync($"/api/v1/assessments/{assessment}/submit", null)).EnsureSuccessStatusCode();
        await AsAsync(executive, AgencySetup.Password);
        (await _client.PostAsJsonAsync($"/api/v1/assessments/{assessment}/approve", new { name = "นายบริหาร ใจกว้าง", position = "อธิบดี" })).EnsureSuccessStatusCode();
    }

    /// <summary>Judges every issue but <paramref name="skip"/>: process issues ticked through <paramref name="levels"/>
    /// levels; results accepted. With <paramref name="consensus"/> it records the lead's consensus instead.</summary>
    public async Task JudgeAllAsync(Guid assessment, string reviewer, int levels, bool consensus = false, params string[] skip)
    {
        await AsAsync(reviewer, AgencySetup.Password);
        if (!consensus) (await _client.PostAsync($"/api/v1/assessments/{assessment}/review/declare-no-conflict", null)).EnsureSuccessStatusCode();
        var tree = await _client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/pmqa-4.0");
        foreach (var issue in tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray()))
        {
            var code = issue.GetProperty("code").GetString()!;
            if (skip.Contains(code)) continue;
            var process = issue.GetProperty("kind").GetString() == "process";
            var ticks = process
                ? issue.GetProperty("levels").EnumerateArray().Take(levels).SelectMany(l => l.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString())).ToArray()
                : null;
            object body = new { @checked = ticks, judgements = process ? null : Array.Empty<object>(), strengths = $"มีระบบงานที่ชัดเจนในประเด็น {code}",
                opportunities = "ควรวัดผลลัพธ์ให้ครบทุกกลุ่มผู้รับบริการ", rationale = consensus ? "คณะผู้ตรวจเห็นพ้องตามหลักฐาน" : null };
            var url = $"/api/v1/assessments/{assessment}/{(consensus ? "consensus" : "review")}/issues/{code}";
            var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
            put.Headers.IfMatch.Add((await _client.GetAsync(url)).Headers.ETag!);
            (await _client.SendAsync(put)).EnsureSuccessStatusCode();
        }
    }

    public async Task SubmitReviewAsync(Guid assessment, string reviewer)
    {
        await AsAsync(reviewer, AgencySetup.Password);
        (await _client.PostAsync($"/api/v1/assessments/{assessment}/review/submit", null)).EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string email)
    {
        await AsAsync(email, AgencySetup.Password);
        return await _client.GetAsync(path);
    }

    private async Task AsAsync(string email, string password)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var token = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
