using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Clarifications;

/// <summary>An agency's assessment under review, with a reviewer (an OPDC member with the reviewer role) on its team.</summary>
public sealed record ReviewSetup(AgencyTeam Team, HttpClient Reviewer, Seed.Person ReviewerPerson);

public static class ClarificationSeed
{
    public static async Task<Seed.Person> ReviewerAsync(this PmqaApp app, HttpClient admin)
    {
        var opdc = await app.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Code == "OPDC"));
        return await admin.PersonAsync(new Seed.Org(opdc.Id, opdc.Code, opdc.NameTh), "reviewer");
    }

    /// <summary>Puts the assessment under review (straight in the database) and assigns the reviewer.</summary>
    public static async Task<ReviewSetup> UnderReviewAsync(this PmqaApp app, AgencyTeam? team = null, bool declared = true,
        AssessmentState state = AssessmentState.UnderReview)
    {
        team ??= await app.AgencyAsync();
        var reviewer = await app.ReviewerAsync(team.Admin);
        await app.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == team.AssessmentId);
            assessment.State = state;
            db.ReviewAssignments.Add(new ReviewAssignment
            {
                AssessmentId = team.AssessmentId, UserId = reviewer.Id, IsLead = true, AssignedAt = DateTimeOffset.UtcNow, AssignedBy = "test",
                NoConflictDeclaredAt = declared ? DateTimeOffset.UtcNow : null,
            });
            return await db.SaveChangesAsync();
        });
        return new ReviewSetup(team, await app.ApiAsync(reviewer.Email, Seed.Password), reviewer);
    }
}
