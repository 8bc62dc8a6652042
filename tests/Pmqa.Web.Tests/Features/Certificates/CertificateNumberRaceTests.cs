using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Features.Reviews;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Certificates;

/// <summary>Two officers certifying two agencies of one fiscal year at the same moment used to take the same
/// certificate number, and the second got a 500.</summary>
public abstract class CertificateNumberRaceTests(PmqaApp app)
{
    [Fact]
    public async Task Certifications_at_the_same_moment_each_get_their_own_number()
    {
        var admin = await app.AdminApiAsync();
        var issues = await admin.IssuesAsync();
        var assessments = new List<Guid>();
        for (var i = 0; i < 5; i++) assessments.Add(await VisitedAsync((await app.AgencyAsync()).AssessmentId, issues));

        var responses = await Task.WhenAll(assessments.Select(id =>
            admin.PostAsJsonAsync($"/api/v1/assessments/{id}/certification", new { certified = true })));

        foreach (var response in responses)
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"certification answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var numbers = await app.WithDbAsync(db => db.Certificates.Where(c => assessments.Contains(c.AssessmentId)).Select(c => c.Number).ToListAsync());
        Assert.Equal(5, numbers.Count);
        Assert.Equal(5, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^PMQA-2570-\d{6}$", n));
    }

    /// <summary>The assessment after its site visit, with a consensus that ticks every process item (a total above Basic).</summary>
    private async Task<Guid> VisitedAsync(Guid assessmentId, List<(string Code, string Kind, string[][] Items)> issues)
    {
        await app.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            assessment.State = AssessmentState.SiteVisited;
            foreach (var (code, _, items) in issues.Where(i => i.Kind == "process"))
                db.ConsensusAnswers.Add(new ConsensusAnswer
                {
                    AssessmentId = assessmentId, IssueCode = code, CheckedJson = ReviewDocuments.Write(items.SelectMany(x => x)),
                    UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test",
                });
            return await db.SaveChangesAsync();
        });
        return assessmentId;
    }
}

public sealed class CertificateNumberRaceTests_Sqlite(SqliteApp app) : CertificateNumberRaceTests(app), IClassFixture<SqliteApp>;
public sealed class CertificateNumberRaceTests_Postgres(PostgresApp app) : CertificateNumberRaceTests(app), IClassFixture<PostgresApp>;
