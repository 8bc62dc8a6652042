using System.Net;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Evidence;

/// <summary>The README promises that uploading bytes the assessment already holds answers the existing file;
/// that must hold when the uploads arrive at the same moment too (a double click, two people, a retrying client).</summary>
public abstract class EvidenceRaceTests(PmqaApp app)
{
    [Fact]
    public async Task Identical_uploads_at_the_same_moment_make_one_file_and_every_answer_points_to_it()
    {
        var team = await app.AgencyAsync();
        var pdf = Pdf("race");
        var issues = new[] { "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2" };

        var responses = await Task.WhenAll(issues.Select(issue =>
            team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence", Form(pdf, "แผน.pdf", issue))));

        foreach (var response in responses)
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var ids = new HashSet<Guid>();
        foreach (var response in responses) ids.Add((await response.JsonAsync()).GetProperty("id").GetGuid());
        var rows = await app.WithDbAsync(db => db.Evidence.Include(e => e.Links).Where(e => e.AssessmentId == team.AssessmentId).ToListAsync());
        var file = Assert.Single(rows);
        Assert.Equal(file.Id, Assert.Single(ids));
        // Each upload's issue is linked to the one file, whichever request created it.
        Assert.Equal(issues.Order(), file.Links.Select(l => l.IssueCode).Order());
    }

    [Fact]
    public async Task The_same_bytes_can_be_uploaded_again_after_the_file_was_removed()
    {
        var team = await app.AgencyAsync();
        var pdf = Pdf("again");
        var url = $"/api/v1/assessments/{team.AssessmentId}/evidence";
        var first = (await (await team.Coordinator.PostAsync(url, Form(pdf, "a.pdf", "1.1"))).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.DeleteAsync($"{url}/{first}")).StatusCode);

        var again = await team.Coordinator.PostAsync(url, Form(pdf, "a.pdf", "1.1"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(first, (await again.JsonAsync()).GetProperty("id").GetGuid());
    }
}

public sealed class EvidenceRaceTests_Sqlite(SqliteApp app) : EvidenceRaceTests(app), IClassFixture<SqliteApp>;
public sealed class EvidenceRaceTests_Postgres(PostgresApp app) : EvidenceRaceTests(app), IClassFixture<PostgresApp>;
