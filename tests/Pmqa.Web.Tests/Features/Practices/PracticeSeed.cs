using System.Net;
using System.Net.Http.Json;
using Pmqa.Data.Entities;
using Pmqa.Domain.Practices;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Practices;

/// <summary>A certified agency whose issue 1.1 (verified at Advance) has an explanation and a file, ready to share.</summary>
public sealed record CertifiedAgency(AgencyTeam Team, Guid EvidenceId);

public static class PracticeSeed
{
    /// <summary>Writes <paramref name="explanation"/> as issue 1.1's Advance explanation, links a PDF to 1.1, and certifies
    /// the assessment (the seeded score card puts 1.1 at Advance and 1.2 nowhere).</summary>
    public static async Task<CertifiedAgency> CertifiedAsync(this PmqaApp app, string explanation, bool certify = true)
    {
        var team = await app.AgencyAsync();
        var put = AssessmentSeed.PutIssue(team.AssessmentId, "1.1",
            new { @checked = new[] { "1.1.B1" }, explanations = new Dictionary<string, string> { ["Advance"] = explanation } }, "\"0\"");
        Assert.Equal(HttpStatusCode.OK, (await team.Coordinator.SendAsync(put)).StatusCode);
        var file = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", $"{team.Org.Code}-แผน.pdf" },
            { new StringContent("1.1"), "issueCodes" },
        };
        var evidence = await Seed.IdOf(await team.Coordinator.PostAsync($"/api/v1/assessments/{team.AssessmentId}/evidence", file));
        if (certify) await app.CertifyAsync(team.AssessmentId);
        return new CertifiedAgency(team, evidence);
    }

    public static Task<HttpResponseMessage> ShareAsync(this CertifiedAgency agency, string issue = "1.1", string? etag = null, Guid[]? files = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessments/{agency.Team.AssessmentId}/practices/{issue}")
        {
            Content = JsonContent.Create(new { evidenceIds = files ?? [agency.EvidenceId] }),
        };
        if (etag is not null) request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return agency.Team.Coordinator.SendAsync(request);
    }

    public static async Task<HttpClient> OfficerAsync(this PmqaApp app)
    {
        var admin = await app.AdminApiAsync();
        var officer = await admin.PersonAsync(await app.OpdcAsync(), "opdcOfficer");
        return await app.ApiAsync(officer.Email, Seed.Password);
    }

    /// <summary>The access walk's victim: a pending example naming the victim's code, with the victim's file.</summary>
    public static async Task<Guid> PendingVictimAsync(PmqaApp app, Guid orgId, Guid assessmentId, Guid evidenceId, string code)
    {
        var practice = new SharedPractice
        {
            AssessmentId = assessmentId, OrganizationId = orgId, IssueCode = "1.1", IssueNameTh = "ประเด็น", IssueNameEn = "Issue",
            FiscalYear = 2570, Level = "Advance", ExplanationsJson = $$"""{"Advance":"ตัวอย่างของ {{code}}"}""", EvidenceIds = evidenceId.ToString(),
            Status = PracticeStatus.Pending, SharedAt = DateTimeOffset.UtcNow, SharedBy = "test",
        };
        await app.WithDbAsync(db => { db.SharedPractices.Add(practice); return db.SaveChangesAsync(); });
        return practice.Id;
    }
}
