using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Practices;

/// <summary>The library of good practice through the API (ADR 0022): sharing after certification, OPDC's queue and
/// decisions, who reads what, and the Thai search.</summary>
public abstract class PracticeApiTests(PmqaApp app)
{
    private static async Task<Guid[]> IdsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];
    }

    private static string Search(string q, string? issue = null) =>
        $"/api/v1/practices?q={Uri.EscapeDataString(q)}" + (issue is null ? "" : $"&issue={issue}");

    [Fact]
    public async Task An_issue_is_shared_only_by_the_coordinator_of_a_certified_assessment_and_only_at_Advance_or_above()
    {
        var agency = await app.CertifiedAsync("เราถ่ายทอดวิสัยทัศน์สู่ทุกหน่วยงาน", certify: false);
        var early = await agency.ShareAsync();
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("รับรอง", (await early.JsonAsync()).GetProperty("detail").GetString());

        await app.CertifyAsync(agency.Team.AssessmentId);
        Assert.Equal(HttpStatusCode.Conflict, (await agency.ShareAsync("1.2", files: [])).StatusCode); // 1.2 was not verified at Advance
        var byExecutive = await agency.Team.Executive.PostAsJsonAsync($"/api/v1/assessments/{agency.Team.AssessmentId}/practices/1.1", new { evidenceIds = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.Forbidden, byExecutive.StatusCode);
        var other = await app.CertifiedAsync("อีกหน่วยงานหนึ่ง");
        var foreignFile = await agency.ShareAsync(files: [other.EvidenceId]);
        Assert.Equal(HttpStatusCode.BadRequest, foreignFile.StatusCode);
        Assert.True((await foreignFile.JsonAsync()).GetProperty("errors").TryGetProperty("evidenceIds", out _));

        var shared = await agency.ShareAsync();
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var view = await shared.JsonAsync();
        Assert.Equal("pending", view.GetProperty("status").GetString());
        Assert.Equal("Advance", view.GetProperty("level").GetString());
        Assert.Equal("เราถ่ายทอดวิสัยทัศน์สู่ทุกหน่วยงาน", view.GetProperty("explanations")[0].GetProperty("text").GetString());
        var id = view.GetProperty("id").GetGuid();
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "SharedPractice" && e.AssessmentId == agency.Team.AssessmentId)));

        // The copy is frozen: a later edit of the answer does not change what was shared.
        await app.WithDbAsync(async db =>
        {
            var answer = await db.IssueAnswers.SingleAsync(a => a.AssessmentId == agency.Team.AssessmentId && a.IssueCode == "1.1");
            answer.ExplanationsJson = """{"Advance":"แก้ภายหลัง"}""";
            return await db.SaveChangesAsync();
        });
        var read = await agency.Team.Coordinator.GetAsync($"/api/v1/practices/{id}");
        Assert.Equal("เราถ่ายทอดวิสัยทัศน์สู่ทุกหน่วยงาน", (await read.JsonAsync()).GetProperty("explanations")[0].GetProperty("text").GetString());

        // Not approved yet: another agency neither reads it nor its file.
        Assert.Equal(HttpStatusCode.NotFound, (await other.Team.Coordinator.GetAsync($"/api/v1/practices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Team.Coordinator.GetAsync($"/api/v1/practices/{id}/evidence/{agency.EvidenceId}")).StatusCode);

        // Sharing again names the version read.
        Assert.Equal((HttpStatusCode)428, (await agency.ShareAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await agency.ShareAsync(etag: "\"99\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agency.ShareAsync(etag: read.Headers.ETag!.Tag)).StatusCode);
    }

    [Fact]
    public async Task OPDC_approves_or_declines_with_a_reason_and_only_approved_examples_and_files_reach_other_agencies()
    {
        var agency = await app.CertifiedAsync("การบริหารความเสี่ยงเชิงรุก");
        var id = (await (await agency.ShareAsync()).JsonAsync()).GetProperty("id").GetGuid();
        var officer = await app.OfficerAsync();
        var reader = await app.CertifiedAsync("ผู้อ่าน", certify: false);

        Assert.Contains(id, await IdsOf(await officer.GetAsync("/api/v1/practices/pending")));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Team.Coordinator.GetAsync("/api/v1/practices/pending")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agency.Team.Coordinator.PostAsync($"/api/v1/practices/{id}/approve", null)).StatusCode);

        var noReason = await officer.PostAsJsonAsync($"/api/v1/practices/{id}/decline", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        var declined = await officer.PostAsJsonAsync($"/api/v1/practices/{id}/decline", new { reason = "ขอรายละเอียดผลลัพธ์เพิ่ม" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("declined", (await declined.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/api/v1/practices/{id}/approve", null)).StatusCode);
        Assert.DoesNotContain(id, await IdsOf(await reader.Team.Coordinator.GetAsync("/api/v1/practices?issue=1.1")));

        // The agency sees the reason and shares again; a stale decision is refused; OPDC approves.
        var mine = await agency.Team.Coordinator.GetAsync($"/api/v1/practices/{id}");
        Assert.Equal("ขอรายละเอียดผลลัพธ์เพิ่ม", (await mine.JsonAsync()).GetProperty("declineReason").GetString());
        var again = await agency.ShareAsync(etag: mine.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/practices/{id}/approve");
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(mine.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await officer.SendAsync(stale)).StatusCode);
        var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/practices/{id}/approve");
        approve.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(again.Headers.ETag!.Tag));
        var approved = await officer.SendAsync(approve);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await approved.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "SharedPractice" && e.EntityKey == id.ToString()
            && e.Action == Pmqa.Data.Entities.AuditAction.Updated)));
        var trail = await (await officer.GetAsync($"/api/v1/audit?assessmentId={agency.Team.AssessmentId}&kind=practices")).Content.ReadAsStringAsync();
        Assert.True(trail.Contains("อนุมัติตัวอย่าง") || trail.Contains("approved the example"), trail);
        Assert.True(trail.Contains("ขอรายละเอียดผลลัพธ์เพิ่ม"), trail);

        // Every signed-in user now reads it, with the organisation, year and level, and downloads its file.
        var list = (await (await reader.Team.Coordinator.GetAsync("/api/v1/practices?issue=1.1")).JsonAsync()).EnumerateArray()
            .Single(p => p.GetProperty("id").GetGuid() == id);
        Assert.Equal(agency.Team.Org.NameTh, list.GetProperty("organizationNameTh").GetString());
        Assert.Equal(2570, list.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("Advance", list.GetProperty("level").GetString());
        Assert.DoesNotContain(id, await IdsOf(await reader.Team.Coordinator.GetAsync("/api/v1/practices?issue=1.2")));
        var file = await reader.Team.Coordinator.GetAsync($"/api/v1/practices/{id}/evidence/{agency.EvidenceId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith("%PDF", await file.Content.ReadAsStringAsync());
        // The same agency's other files stay its own.
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Team.Coordinator.GetAsync($"/api/v1/assessments/{agency.Team.AssessmentId}/evidence/{agency.EvidenceId}")).StatusCode);
    }

    [Fact]
    public async Task A_Thai_word_inside_a_sentence_is_found_English_words_too_and_unapproved_text_never()
    {
        var officer = await app.OfficerAsync();
        var approvedAgency = await app.CertifiedAsync("หน่วยงานจัดทำแผนยุทธศาสตร์ดิจิทัลเพื่อให้บริการประชาชนอย่างต่อเนื่องโดยใช้ Balanced Scorecard");
        var approvedId = (await (await approvedAgency.ShareAsync()).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/practices/{approvedId}/approve", null)).StatusCode);
        var pendingAgency = await app.CertifiedAsync("หน่วยงานส่งเสริมการอนุรักษ์สิ่งแวดล้อมในชุมชนอย่างยั่งยืน");
        var pendingId = (await (await pendingAgency.ShareAsync()).JsonAsync()).GetProperty("id").GetGuid();
        var reader = approvedAgency.Team.Coordinator;

        Assert.Contains(approvedId, await IdsOf(await reader.GetAsync(Search("ยุทธศาสตร์"))));
        Assert.Contains(approvedId, await IdsOf(await reader.GetAsync(Search("ประชาชน", "1.1"))));
        Assert.Contains(approvedId, await IdsOf(await reader.GetAsync(Search("scorecard"))));
        Assert.Contains(approvedId, await IdsOf(await reader.GetAsync(Search("แผนยุทธศาสตร์ ประชาชน"))));
        Assert.DoesNotContain(approvedId, await IdsOf(await reader.GetAsync(Search("ยุทธศาสตร์", "1.2"))));
        Assert.DoesNotContain(approvedId, await IdsOf(await reader.GetAsync(Search("ยุทธศาสตร์ งบประมาณ"))));
        // The matched words come back to be highlighted.
        var hit = (await (await reader.GetAsync(Search("ยุทธศาสตร์"))).JsonAsync()).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == approvedId);
        Assert.Contains("ยุทธ", string.Concat(hit.GetProperty("highlights").EnumerateArray().Select(h => h.GetString())));
        Assert.Contains("ยุทธศาสตร์", hit.GetProperty("snippet").GetString());

        // Shared but not approved: never found, by the agency itself either.
        Assert.DoesNotContain(pendingId, await IdsOf(await reader.GetAsync(Search("สิ่งแวดล้อม"))));
        Assert.DoesNotContain(pendingId, await IdsOf(await pendingAgency.Team.Coordinator.GetAsync(Search("สิ่งแวดล้อม"))));
        // Approved, it is found at the next search (the index follows the database).
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/practices/{pendingId}/approve", null)).StatusCode);
        Assert.Contains(pendingId, await IdsOf(await reader.GetAsync(Search("สิ่งแวดล้อม"))));
        // Shared again, it leaves the library until OPDC approves the new copy.
        var etag = (await pendingAgency.Team.Coordinator.GetAsync($"/api/v1/practices/{pendingId}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await pendingAgency.ShareAsync(etag: etag)).StatusCode);
        Assert.DoesNotContain(pendingId, await IdsOf(await reader.GetAsync(Search("สิ่งแวดล้อม"))));
    }
}

public sealed class PracticeApiTests_Sqlite(SqliteApp app) : PracticeApiTests(app), IClassFixture<SqliteApp>;
public sealed class PracticeApiTests_Postgres(PostgresApp app) : PracticeApiTests(app), IClassFixture<PostgresApp>;
