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

    /// <summary>A thread on someone's assessment whose question names <paramref name="secret"/> (for leak tests).</summary>
    public static Task<Guid> VictimThreadAsync(PmqaApp app, Guid assessmentId, Guid userId, string secret) => app.WithDbAsync(async db =>
    {
        var thread = new Clarification
        {
            AssessmentId = assessmentId, IssueCode = "1.1", DueAt = DateTimeOffset.UtcNow.AddDays(7), AskedAt = DateTimeOffset.UtcNow, AskedByUserId = userId,
        };
        db.Clarifications.Add(thread);
        db.ClarificationMessages.Add(new ClarificationMessage { ClarificationId = thread.Id, Text = $"คำถามถึง {secret}", At = thread.AskedAt, AuthorUserId = userId, AuthorName = secret });
        await db.SaveChangesAsync();
        return thread.Id;
    });
}
