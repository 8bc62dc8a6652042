using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Domain.Assessments;

namespace Pmqa.Web.Tests.Infrastructure;

/// <summary>The outcome of a review, written straight into the database (the decision handler is tested on its own).</summary>
public static class CertificationSeed
{
    /// <summary>A score card in the shape <c>AssessmentScores.ToJson</c> stores; categories 1.. in order.</summary>
    public static string ScoreJson(decimal total, string status, params decimal[] categories) => JsonSerializer.Serialize(new
    {
        total, status, siteVisitEligible = total >= 350,
        categories = categories.Select((score, i) => new { code = (i + 1).ToString(), score }),
        issues = new[] { new { code = "1.1", score = 12.34m, level = "Advance" } },
        dimensions = Array.Empty<object>(),
    });

    /// <summary>Puts the assessment in <paramref name="state"/> with its verified (and final) score.</summary>
    public static Task ScoreAsync(this PmqaApp app, Guid assessmentId, AssessmentState state, string verifiedJson, string? finalJson = null) =>
        app.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == assessmentId);
            assessment.State = state;
            assessment.VerifiedScoreJson = verifiedJson;
            assessment.VerifiedTotal = JsonDocument.Parse(verifiedJson).RootElement.GetProperty("total").GetDecimal();
            assessment.FinalScoreJson = finalJson;
            assessment.FinalTotal = finalJson is null ? null : JsonDocument.Parse(finalJson).RootElement.GetProperty("total").GetDecimal();
            // Confirmation writes the verified score's typed rows with its JSON; so does this shortcut.
            await Pmqa.Web.Features.Assessments.VerifiedScoreRows.StageAsync(db, assessmentId,
                JsonSerializer.Deserialize<Pmqa.Web.Features.Assessments.ScoreJson>(verifiedJson)!);
            return await db.SaveChangesAsync();
        });

    /// <summary>Certifies the assessment at <paramref name="status"/> with <paramref name="finalScore"/>; returns the certificate id.</summary>
    public static async Task<Guid> CertifyAsync(this PmqaApp app, Guid assessmentId, string status = "Advance", decimal finalScore = 456.78m,
        DateTimeOffset? validUntil = null, DateTimeOffset? revokedAt = null)
    {
        var json = ScoreJson(finalScore, status, 60, 60, 60, 60, 60, 60, 60);
        await app.ScoreAsync(assessmentId, AssessmentState.Certified, json, json);
        return await app.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.Include(a => a.Round).SingleAsync(a => a.Id == assessmentId);
            var certificate = new Certificate
            {
                AssessmentId = assessmentId, OrganizationId = assessment.OrganizationId, FiscalYear = assessment.Round!.FiscalYear,
                Status = status, FinalScore = finalScore, IssuedAt = new DateTimeOffset(2026, 9, 15, 3, 0, 0, TimeSpan.Zero),
                ValidUntil = validUntil ?? DateTimeOffset.UtcNow.AddYears(3), RevokedAt = revokedAt,
            };
            certificate.Number = await Pmqa.Web.Features.Certificates.CertificateNumbers.NextAsync(db, certificate.FiscalYear);
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return certificate.Id;
        });
    }
}
