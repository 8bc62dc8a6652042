using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Plans;

/// <summary>A submitted assessment's agency with a draft plan of fiscal year 2570 (1 Oct 2026 – 30 Sep 2027).</summary>
public sealed record PlanSetup(ReviewSetup Review, Guid PlanId, Guid CoordinatorId)
{
    public AgencyTeam Team => Review.Team;

    public string Url(string rest = "") => $"/api/v1/plans/{PlanId}{rest}";
}

public static class PlanSeed
{
    public static async Task<PlanSetup> DraftPlanAsync(this PmqaApp app, string horizon = "oneYear")
    {
        var review = await app.SubmittedAsync();
        var team = review.Team;
        var created = await team.Coordinator.PostAsJsonAsync($"/api/v1/organizations/{team.Org.Id}/plans",
            new { fiscalYear = 2570, horizon, assessmentId = team.AssessmentId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == team.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        return new PlanSetup(review, await Seed.IdOf(created), coordinatorId);
    }

    public static object Project(Guid ownerId, string title = "พัฒนาระบบข้อมูลเพื่อการตัดสินใจ", decimal budget = 250_000m,
        string start = "2026-11-01", string end = "2027-06-30", string[]? issues = null) => new
    {
        title, objective = "ผู้บริหารใช้ข้อมูลจริงในการตัดสินใจ", issueCodes = issues ?? ["1.1", "4.1"], ownerId, startDate = start, endDate = end, budget,
        indicatorName = "ร้อยละของการตัดสินใจที่ใช้ข้อมูล", indicatorUnit = "ร้อยละ", baseline = 40, target = 80,
    };

    public static object Action(Guid ownerId, string title = "จัดอบรมการใช้แดชบอร์ด", string start = "2026-11-01", string end = "2026-12-15", decimal budget = 50_000m) =>
        new { title, ownerId, startDate = start, endDate = end, budget };

    public static async Task<string> ETagAsync(this HttpClient client, string url) => (await client.GetAsync(url)).Headers.ETag!.Tag;

    public static async Task<HttpResponseMessage> SendVersionedAsync(this HttpClient client, HttpMethod method, string url, object? body, string? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    /// <summary>Adds a project (and optionally one action) with the plan's current ETag; answers their ids.</summary>
    public static async Task<(Guid Project, Guid? Action)> AddProjectAsync(this PlanSetup s, bool withAction = true)
    {
        var c = s.Team.Coordinator;
        var response = await c.SendVersionedAsync(HttpMethod.Post, s.Url("/projects"), Project(s.CoordinatorId), await c.ETagAsync(s.Url()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var project = await Seed.IdOf(response);
        if (!withAction) return (project, null);
        var action = await c.SendVersionedAsync(HttpMethod.Post, s.Url($"/projects/{project}/actions"), Action(s.CoordinatorId), response.Headers.ETag!.Tag);
        Assert.True(action.StatusCode == HttpStatusCode.Created, await action.Content.ReadAsStringAsync());
        return (project, await Seed.IdOf(action));
    }

    public static async Task ApproveAsync(this PlanSetup s)
    {
        var submit = await s.Team.Coordinator.PostAsync(s.Url("/submit"), null);
        Assert.True(submit.StatusCode == HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        var approve = await s.Team.Executive.PostAsJsonAsync(s.Url("/approve"), new { name = "นายสมชาย ใจดี", position = "อธิบดี" });
        Assert.True(approve.StatusCode == HttpStatusCode.OK, await approve.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> PlanAsync(this PlanSetup s, HttpClient? client = null) =>
        await (await (client ?? s.Team.Coordinator).GetAsync(s.Url())).JsonAsync();
}
