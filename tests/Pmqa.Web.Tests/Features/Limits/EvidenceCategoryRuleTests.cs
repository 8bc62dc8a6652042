using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Limits;

/// <summary>
/// Evidence follows the same rule as answers: a category owner links, unlinks, removes and uploads evidence
/// only for the categories given to them (403 elsewhere, as the issue save answers); the coordinator everywhere.
/// </summary>
public abstract class EvidenceCategoryRuleTests(PmqaApp app)
{
    [Fact]
    public async Task A_category_owner_cannot_change_evidence_of_a_category_not_assigned_to_them()
    {
        var team = await app.AgencyAsync();
        var owner = await team.Admin.PersonAsync(team.Org, "categoryOwner");
        var client = await app.ApiAsync(owner.Email, Seed.Password);
        var assign = await team.Coordinator.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/2", new { userId = owner.Id });
        Assert.Equal(HttpStatusCode.NoContent, assign.StatusCode);
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        // The coordinator's file supports 3.1, a category the owner was not given.
        var uploaded = await team.Coordinator.PostAsync(url, Form(Pdf("coordinator"), "แผน.pdf", "3.1"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var file = (await uploaded.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{url}/{file}/links/3.1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"{url}/{file}/links/3.2", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"{url}/{file}")).StatusCode);
        var foreignUpload = await client.PostAsync(url, Form(Pdf("owner-3"), "อื่น.pdf", "3.1"));
        Assert.Equal(HttpStatusCode.Forbidden, foreignUpload.StatusCode);
        Assert.Contains("หมวด", (await foreignUpload.JsonAsync()).GetRawText());

        // Nothing changed: the file is there, still supporting 3.1 only, and the owner's upload was not stored.
        var list = await (await team.Coordinator.GetAsync(url)).JsonAsync();
        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(file, only.GetProperty("id").GetGuid());
        Assert.Equal("3.1", Assert.Single(only.GetProperty("issueCodes").EnumerateArray()).GetString());

        // In the category given to them, the same owner may do all of it.
        var own = await client.PostAsync(url, Form(Pdf("owner-2"), "ของฉัน.pdf", "2.1"));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var mine = (await own.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"{url}/{mine}/links/2.2", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{mine}/links/2.2")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{mine}")).StatusCode);
        // The coordinator may change any category's evidence.
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.DeleteAsync($"{url}/{file}/links/3.1")).StatusCode);
    }
}

public sealed class EvidenceCategoryRuleTests_Sqlite(SqliteApp app) : EvidenceCategoryRuleTests(app), IClassFixture<SqliteApp>;
public sealed class EvidenceCategoryRuleTests_Postgres(PostgresApp app) : EvidenceCategoryRuleTests(app), IClassFixture<PostgresApp>;
