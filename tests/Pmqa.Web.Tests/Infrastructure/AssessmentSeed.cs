using System.Net;
using System.Net.Http.Json;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>An agency with its team and an open round, made through the API as OPDC would.</summary>
public sealed record AgencyTeam(Seed.Org Org, Guid AssessmentId, Guid RoundId, HttpClient Coordinator, HttpClient Executive, HttpClient Admin);

public static class AssessmentSeed
{
    public static async Task<Guid> OpenRoundAsync(this HttpClient admin, DateTimeOffset? deadline = null, string audience = "department")
    {
        var created = await admin.PostAsJsonAsync("/api/v1/rounds", new
        {
            fiscalYear = 2570, frameworkCode = "pmqa-4.0", audiences = new[] { audience },
            opensAt = DateTimeOffset.UtcNow.AddDays(-1), submissionDeadline = deadline ?? DateTimeOffset.UtcNow.AddDays(30),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await Seed.IdOf(created);
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
            await app.ApiAsync(executive.Email, Seed.Password), admin);
    }
}
