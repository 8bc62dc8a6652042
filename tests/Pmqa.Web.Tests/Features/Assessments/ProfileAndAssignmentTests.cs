using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Assessments;

public abstract class ProfileAndAssignmentTests(PmqaApp app)
{
    private static HttpRequestMessage PutSection(Guid assessment, string section, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessment}/profile/{section}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    [Fact]
    public async Task Profile_sections_come_from_the_framework_and_save_with_versions()
    {
        var team = await app.AgencyAsync();
        var sections = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/profile")).JsonAsync();
        Assert.Equal(10, sections.GetArrayLength());
        Assert.Equal("P1", sections[0].GetProperty("code").GetString());

        var saved = await team.Coordinator.SendAsync(PutSection(team.AssessmentId, "P1", new { text = "กรมมีพันธกิจตามพระราชบัญญัติ" }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"1\"", saved.Headers.ETag!.Tag);
        var stale = await team.Coordinator.SendAsync(PutSection(team.AssessmentId, "P1", new { text = "ข้อความที่ล้าสมัย" }, "\"0\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var read = await (await team.Coordinator.GetAsync($"/api/v1/assessments/{team.AssessmentId}/profile")).JsonAsync();
        Assert.Equal("กรมมีพันธกิจตามพระราชบัญญัติ", read[0].GetProperty("text").GetString());

        var foreignFile = await team.Coordinator.SendAsync(PutSection(team.AssessmentId, "P2", new { text = "x", attachmentId = Guid.NewGuid() }, "\"0\""));
        Assert.True((await foreignFile.JsonAsync()).GetProperty("errors").TryGetProperty("attachmentId", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await team.Coordinator.SendAsync(PutSection(team.AssessmentId, "P99", new { text = "x" }, "\"0\""))).StatusCode);
    }

    [Fact]
    public async Task A_category_owner_edits_only_the_categories_the_coordinator_gave_them()
    {
        var team = await app.AgencyAsync();
        var owner = await team.Admin.PersonAsync(team.Org, "categoryOwner");
        var client = await app.ApiAsync(owner.Email, Seed.Password);
        var before = await client.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "2.1", new { @checked = new[] { "2.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);

        var assign = await team.Coordinator.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/2", new { userId = owner.Id });
        Assert.Equal(HttpStatusCode.NoContent, assign.StatusCode);
        var after = await client.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "2.1", new { @checked = new[] { "2.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var elsewhere = await client.SendAsync(AssessmentSeed.PutIssue(team.AssessmentId, "3.1", new { @checked = new[] { "3.1.B1" } }, "\"0\""));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);

        var list = await (await team.Executive.GetAsync($"/api/v1/assessments/{team.AssessmentId}/assignments")).JsonAsync();
        Assert.Equal(owner.Email, Assert.Single(list.EnumerateArray()).GetProperty("email").GetString());
        var byOwner = await client.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/3", new { userId = owner.Id });
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        var executiveAsOwner = await team.Coordinator.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/3", new { userId = Guid.NewGuid() });
        Assert.True((await executiveAsOwner.JsonAsync()).GetProperty("errors").TryGetProperty("userId", out _));
    }
}

public sealed class ProfileAndAssignmentTests_Sqlite(SqliteApp app) : ProfileAndAssignmentTests(app), IClassFixture<SqliteApp>;
public sealed class ProfileAndAssignmentTests_Postgres(PostgresApp app) : ProfileAndAssignmentTests(app), IClassFixture<PostgresApp>;
