using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Pmqa.Domain.Time;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The improvement loop made through the API, for screens that only need to be looked at: a submitted 2570 assessment
/// with a selected gap, an approved one-year plan on it, and the 2571 assessment started from it with issue 1.1 ticked up
/// to Advance. Also the steps the browser journey leaves to the API: next year's round and ticks.
/// </summary>
public sealed class ImprovementSetup(AppServer app)
{
    public const int NextYear = 2571;

    public sealed record Loop(Guid Assessment, Guid Plan, Guid NextAssessment, string Coordinator, string Executive);

    private static readonly ConditionalWeakTable<AppServer, Task<Loop>> Made = new();

    /// <summary>One loop per server, made on first use (the screens of one test class share it).</summary>
    public static Task<Loop> OnceAsync(AppServer app) => Made.GetValue(app, a => new ImprovementSetup(a).CreateAsync("LOOP-A11Y"));

    public async Task<Loop> CreateAsync(string code)
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync(code);
        await agency.AnswerEverythingAsync(assessment, coordinator);
        await new ReviewSetup(app).SubmitAndApproveAsync(assessment, coordinator, executive);
        using var c = await SignIn.ApiAsync(app, coordinator);
        var org = (await c.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessment}")).GetProperty("organizationId").GetGuid();
        var me = (await c.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{org}/members")).EnumerateArray()
            .First(m => m.GetProperty("email").GetString() == coordinator).GetProperty("userId").GetGuid();
        await SendAsync(c, HttpMethod.Put, $"/api/v1/assessments/{assessment}/gaps/1.2",
            new { impact = 5, urgency = 4, selected = true, rationale = "ผู้รับบริการร้องเรียนเรื่องนี้มากที่สุด" }, "\"0\"");

        var plan = (await (await c.PostAsJsonAsync($"/api/v1/organizations/{org}/plans", new { fiscalYear = 2570, horizon = "oneYear", assessmentId = assessment }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var project = await SendAsync(c, HttpMethod.Post, $"/api/v1/plans/{plan}/projects", new
        {
            title = "พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร", objective = "ผู้บริหารใช้ข้อมูลจริงในการตัดสินใจทุกไตรมาส", issueCodes = new[] { "1.1", "1.2", "4.1" },
            ownerId = me, startDate = "2026-11-01", endDate = "2027-06-30", budget = 250000, indicatorName = "ร้อยละของการตัดสินใจที่ใช้ข้อมูล",
            indicatorUnit = "ร้อยละ", baseline = 40, target = 80,
        }, await ETagAsync(c, $"/api/v1/plans/{plan}"));
        await SendAsync(c, HttpMethod.Post, $"/api/v1/plans/{plan}/projects/{project.GetProperty("id").GetGuid()}/actions",
            new { title = "อบรมการใช้แดชบอร์ดให้ผู้บริหาร", ownerId = me, startDate = "2026-11-01", endDate = "2026-12-15", budget = 50000 },
            await ETagAsync(c, $"/api/v1/plans/{plan}"));
        (await c.PostAsync($"/api/v1/plans/{plan}/submit", null)).EnsureSuccessStatusCode();
        using (var boss = await SignIn.ApiAsync(app, executive))
            (await boss.PostAsJsonAsync($"/api/v1/plans/{plan}/approve", new { name = "นายบริหาร ใจกว้าง", position = "อธิบดี" })).EnsureSuccessStatusCode();

        var next = await NextYearAssessmentAsync(org);
        (await c.PostAsync($"/api/v1/assessments/{next}/copy-forward", null)).EnsureSuccessStatusCode();
        await TickThroughAdvanceAsync(c, next, "1.1");
        return new Loop(assessment, plan, next, coordinator, executive);
    }

    /// <summary>OPDC opens next fiscal year's round for departments (created the first time) and the organisation's draft of it.</summary>
    public async Task<Guid> NextYearAssessmentAsync(Guid organizationId)
    {
        using var admin = await SignIn.ApiAsync(app, AppServer.AdminEmail, AppServer.AdminPassword);
        var rounds = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        var existing = rounds.EnumerateArray().FirstOrDefault(r => r.GetProperty("fiscalYear").GetInt32() == NextYear && r.GetProperty("audiences").GetString() == "department");
        Guid round;
        if (existing.ValueKind == JsonValueKind.Object) round = existing.GetProperty("id").GetGuid();
        else
        {
            var opens = ThaiTime.FiscalYearStart(NextYear);
            round = (await (await admin.PostAsJsonAsync("/api/v1/rounds", new
            {
                fiscalYear = NextYear, frameworkCode = "pmqa-4.0", audiences = new[] { "department" }, opensAt = opens, submissionDeadline = opens.AddMonths(5),
            })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        (await admin.PostAsync($"/api/v1/rounds/{round}/open", null)).EnsureSuccessStatusCode();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{organizationId}/assessments");
        return list.EnumerateArray().Single(a => a.GetProperty("roundId").GetGuid() == round).GetProperty("id").GetGuid();
    }

    /// <summary>Ticks every Basic and Advance item of an issue (keeping its explanations), as the person of <paramref name="client"/>.</summary>
    public static async Task TickThroughAdvanceAsync(HttpClient client, Guid assessment, string code)
    {
        var tree = await client.GetFromJsonAsync<JsonElement>("/api/v1/frameworks/pmqa-4.0");
        var issue = tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);
        var ticks = issue.GetProperty("levels").EnumerateArray().Take(2).SelectMany(l => l.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString())).ToArray();
        var url = $"/api/v1/assessments/{assessment}/issues/{code}";
        await SendAsync(client, HttpMethod.Put, url, new
        {
            @checked = ticks, explanations = new Dictionary<string, string> { ["Basic"] = $"ดำเนินการตามแนวทางของประเด็น {code} ครบทุกข้อ", ["Advance"] = "ขยายผลทั่วทั้งองค์การตามแผนพัฒนา" },
        }, await ETagAsync(client, url));
    }

    private static async Task<string> ETagAsync(HttpClient client, string url) => (await client.GetAsync(url)).EnsureSuccessStatusCode().Headers.ETag!.Tag;

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string url, object body, string etag)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
