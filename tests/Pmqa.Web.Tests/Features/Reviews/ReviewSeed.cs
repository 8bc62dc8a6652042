using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

/// <summary>A submitted assessment and OPDC people to review it, made through the API.</summary>
public sealed record ReviewSetup(AgencyTeam Team, Seed.Person Lead, HttpClient LeadApi, Seed.Person Second, HttpClient SecondApi, Seed.Person Officer, HttpClient OfficerApi);

public static class ReviewSeed
{
    public static async Task<Seed.Org> OpdcAsync(this PmqaApp app)
    {
        var opdc = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "OPDC"));
        return new Seed.Org(opdc.Id, opdc.Code, opdc.NameTh);
    }

    /// <summary>An agency whose coordinator filled and submitted and whose executive approved; two reviewers and an officer.</summary>
    public static async Task<ReviewSetup> SubmittedAsync(this PmqaApp app)
    {
        var team = await app.AgencyAsync();
        await team.CompleteAsync();
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Executive.PostAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/approve",
            new { name = "นายสมชาย ใจดี", position = "อธิบดี" })).StatusCode);
        var opdc = await app.OpdcAsync();
        var lead = await team.Admin.PersonAsync(opdc, "reviewer");
        var second = await team.Admin.PersonAsync(opdc, "reviewer");
        var officer = await team.Admin.PersonAsync(opdc, "opdcOfficer");
        return new ReviewSetup(team, lead, await app.ApiAsync(lead.Email, Seed.Password), second, await app.ApiAsync(second.Email, Seed.Password),
            officer, await app.ApiAsync(officer.Email, Seed.Password));
    }

    public static string Url(this ReviewSetup s, string path) => $"/api/v1/assessments/{s.Team.AssessmentId}/{path}";

    public static Task<HttpResponseMessage> AssignAsync(this ReviewSetup s) =>
        s.OfficerApi.PutAsJsonAsync(s.Url("review-team"), new { leadId = s.Lead.Id, reviewerIds = new[] { s.Second.Id } });

    public static async Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body)
    {
        var etag = (await client.GetAsync(url)).Headers.ETag?.Tag ?? "\"0\"";
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    /// <summary>Every issue of the framework: (code, kind, item codes by level).</summary>
    public static async Task<List<(string Code, string Kind, string[][] Items)>> IssuesAsync(this HttpClient client)
    {
        var tree = await (await client.GetAsync("/api/v1/frameworks/pmqa-4.0")).JsonAsync();
        return tree.GetProperty("categories").EnumerateArray().SelectMany(c => c.GetProperty("issues").EnumerateArray())
            .Select(i => (i.GetProperty("code").GetString()!, i.GetProperty("kind").GetString()!,
                i.TryGetProperty("levels", out var levels)
                    ? levels.EnumerateArray().Select(l => l.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("code").GetString()!).ToArray()).ToArray()
                    : []))
            .ToList();
    }

    /// <summary>A reviewer judges every issue: process issues ticked to the given level (0 none … 3 all), results accepted.</summary>
    public static async Task ReviewAllAsync(this ReviewSetup s, HttpClient reviewer, int levels, string strengths)
    {
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync(s.Url("review/declare-no-conflict"), null)).StatusCode);
        foreach (var (code, kind, items) in await reviewer.IssuesAsync())
        {
            object body = kind == "process"
                ? new { @checked = items.Take(levels).SelectMany(x => x).ToArray(), strengths, opportunities = "ควรขยายผลให้ครอบคลุม" }
                : new { judgements = Array.Empty<object>(), strengths, opportunities = "ควรเปรียบเทียบกับหน่วยงานอื่น" };
            var saved = await reviewer.PutAsync(s.Url($"review/issues/{code}"), body);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }
    }

    public static async Task<JsonElement> JsonOf(this Task<HttpResponseMessage> response) => await (await response).JsonAsync();
}
