using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pmqa.Domain.Assessments;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Features.Clarifications;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Clarifications;

public abstract class ClarificationApiTests(PmqaApp app)
{
    private static string Url(Guid assessment, string rest = "") => $"/api/v1/assessments/{assessment}/clarifications{rest}";

    private static object Question(string issueCode = "1.1", DateTimeOffset? dueAt = null, string question = "ขอเอกสารแผนยุทธศาสตร์ฉบับที่ผู้บริหารลงนาม") =>
        new { issueCode, question, dueAt = dueAt ?? DateTimeOffset.UtcNow.AddDays(7) };

    private static async Task<Guid> AskAsync(HttpClient reviewer, Guid assessment, object? body = null)
    {
        var response = await reviewer.PostAsJsonAsync(Url(assessment), body ?? Question());
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"ask answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.NotNull(response.Headers.Location);
        return await Seed.IdOf(response);
    }

    private static async Task<JsonElement> ThreadAsync(HttpClient client, Guid assessment, Guid id)
    {
        var response = await client.GetAsync(Url(assessment, $"/{id}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<int> CountOpenAsync(Guid assessment)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<ClarificationHandlers>().CountOpenAsync(assessment, CancellationToken.None);
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_reviewer_asks_the_coordinator_answers_with_a_file_and_the_reviewer_closes()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        var id = await AskAsync(reviewer, team.AssessmentId);
        Assert.Equal(1, await CountOpenAsync(team.AssessmentId));
        var listed = (await (await team.Coordinator.GetAsync(Url(team.AssessmentId))).JsonAsync()).EnumerateArray().Single();
        Assert.Equal("open", listed.GetProperty("status").GetString());
        Assert.Equal("1.1", listed.GetProperty("issueCode").GetString());

        var pdf = Pdf("clarification");
        var form = new MultipartFormDataContent
        {
            { new StringContent("แนบแผนยุทธศาสตร์ที่ลงนามแล้ว"), "text" },
            { new ByteArrayContent(pdf), "file", "แผนที่ลงนาม.pdf" },
        };
        var answered = await team.Coordinator.PostAsync(Url(team.AssessmentId, $"/{id}/messages"), form);
        Assert.True(answered.StatusCode == HttpStatusCode.Created, $"answer answered {(int)answered.StatusCode}: {await answered.Content.ReadAsStringAsync()}");

        var thread = await ThreadAsync(reviewer, team.AssessmentId, id);
        Assert.Equal("answered", thread.GetProperty("status").GetString());
        var messages = thread.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.False(messages[0].GetProperty("fromAgency").GetBoolean());
        Assert.True(messages[1].GetProperty("fromAgency").GetBoolean());
        Assert.Equal("แผนที่ลงนาม.pdf", messages[1].GetProperty("evidenceFileName").GetString());
        var evidenceId = messages[1].GetProperty("evidenceId").GetGuid();

        // The reviewer downloads the file, and it supports the issue the question is about.
        var download = await reviewer.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var files = await (await reviewer.GetAsync($"/api/v1/assessments/{team.AssessmentId}/evidence")).JsonAsync();
        Assert.Contains("1.1", files.EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == evidenceId)
            .GetProperty("issueCodes").EnumerateArray().Select(c => c.GetString()));

        var closed = await reviewer.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/close"), new { version = thread.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(0, await CountOpenAsync(team.AssessmentId));
        Assert.Equal("closed", (await ThreadAsync(team.Coordinator, team.AssessmentId, id)).GetProperty("status").GetString());

        // A closed thread takes no more messages, from either side.
        var late = await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "เพิ่มเติม" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "อีกครั้ง" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync(Url(team.AssessmentId, $"/{id}/close"), null)).StatusCode);
    }

    [Fact]
    public async Task CountOpenAsync_counts_threads_not_yet_closed()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        Assert.Equal(0, await CountOpenAsync(team.AssessmentId));
        var first = await AskAsync(reviewer, team.AssessmentId);
        await AskAsync(reviewer, team.AssessmentId, Question("2.1"));
        // Answered is still open: only the reviewers' close ends a thread.
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{first}/messages"), new { text = "ชี้แจงแล้ว" })).StatusCode);
        Assert.Equal(2, await CountOpenAsync(team.AssessmentId));
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync(Url(team.AssessmentId, $"/{first}/close"), null)).StatusCode);
        Assert.Equal(1, await CountOpenAsync(team.AssessmentId));
    }

    [Fact]
    public async Task The_agency_cannot_ask_and_its_executive_cannot_answer()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        var asked = await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId), Question());
        Assert.Equal(HttpStatusCode.Forbidden, asked.StatusCode);
        var id = await AskAsync(reviewer, team.AssessmentId);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Executive.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "ตอบ" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Coordinator.PostAsync(Url(team.AssessmentId, $"/{id}/close"), null)).StatusCode);
        // The executive may read.
        Assert.Equal(HttpStatusCode.OK, (await team.Executive.GetAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);
    }

    [Fact]
    public async Task Another_agency_and_a_reviewer_not_on_the_team_get_404()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        var id = await AskAsync(reviewer, team.AssessmentId);
        var otherOrg = await team.Admin.OrganizationAsync();
        var other = await app.ApiAsync((await team.Admin.PersonAsync(otherOrg, "coordinator")).Email, Seed.Password);
        var stranger = await app.ApiAsync((await app.ReviewerAsync(team.Admin)).Email, Seed.Password);
        foreach (var client in new[] { other, stranger })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(team.AssessmentId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(team.AssessmentId, $"/{id}"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(Url(team.AssessmentId), Question())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(Url(team.AssessmentId, $"/{id}/close"), null)).StatusCode);
        }
        // A thread id of another assessment is not found either.
        var (team2, reviewer2, _) = await app.UnderReviewAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer2.GetAsync(Url(team2.AssessmentId, $"/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team2.Coordinator.PostAsJsonAsync(Url(team2.AssessmentId, $"/{id}/messages"), new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Past_due_date_empty_question_and_unknown_issue_are_400_naming_the_field()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        Assert.Contains("อนาคต", await FieldErrorAsync(await reviewer.PostAsJsonAsync(Url(team.AssessmentId), Question(dueAt: DateTimeOffset.UtcNow.AddHours(-1))), "dueAt"));
        await FieldErrorAsync(await reviewer.PostAsJsonAsync(Url(team.AssessmentId), new { issueCode = "1.1", question = "ถาม" }), "dueAt");
        await FieldErrorAsync(await reviewer.PostAsJsonAsync(Url(team.AssessmentId), Question(question: "   ")), "question");
        Assert.Contains("9.9", await FieldErrorAsync(await reviewer.PostAsJsonAsync(Url(team.AssessmentId), Question("9.9")), "issueCode"));
        var id = await AskAsync(reviewer, team.AssessmentId);
        await FieldErrorAsync(await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "" }), "text");
        await FieldErrorAsync(await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "ดูไฟล์", evidenceId = Guid.NewGuid() }), "evidenceId");
        Assert.Equal(0, await app.WithDbAsync(db => db.ClarificationMessages.CountAsync(m => m.ClarificationId == id && m.FromAgency)));
    }

    [Fact]
    public async Task Clarifications_happen_only_under_review_and_after_declaring_no_conflict()
    {
        var (draft, reviewerOfDraft, _) = await app.UnderReviewAsync(state: AssessmentState.Draft);
        Assert.Equal(HttpStatusCode.Conflict, (await reviewerOfDraft.PostAsJsonAsync(Url(draft.AssessmentId), Question())).StatusCode);
        var (team, undeclared, _) = await app.UnderReviewAsync(declared: false);
        var refused = await undeclared.PostAsJsonAsync(Url(team.AssessmentId), Question());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ส่วนได้เสีย", (await refused.JsonAsync()).GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Closing_from_a_stale_view_is_409_so_a_new_answer_is_not_closed_over()
    {
        var (team, reviewer, _) = await app.UnderReviewAsync();
        var id = await AskAsync(reviewer, team.AssessmentId);
        var seen = (await ThreadAsync(reviewer, team.AssessmentId, id)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "คำตอบใหม่" })).StatusCode);
        var stale = await reviewer.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/close"), new { version = seen });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var fresh = (await ThreadAsync(reviewer, team.AssessmentId, id)).GetProperty("version").GetInt32();
        Assert.NotEqual(seen, fresh);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/close"), new { version = fresh })).StatusCode);
    }

    [Fact]
    public async Task The_coordinator_and_the_category_owner_hear_of_a_question_and_the_review_team_of_the_answer()
    {
        var team = await app.AgencyAsync();
        var owner = await team.Admin.PersonAsync(team.Org, "categoryOwner");
        var otherOwner = await team.Admin.PersonAsync(team.Org, "categoryOwner");
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/1", new { userId = owner.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Coordinator.PutAsJsonAsync($"/api/v1/assessments/{team.AssessmentId}/assignments/2", new { userId = otherOwner.Id })).StatusCode);
        var (_, reviewer, reviewerPerson) = await app.UnderReviewAsync(team);
        var id = await AskAsync(reviewer, team.AssessmentId, Question("1.1"));

        var coordinatorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == team.CoordinatorEmail).Select(u => u.Id).SingleAsync());
        var executiveId = await app.WithDbAsync(db => db.Memberships.Where(m => m.OrganizationId == team.Org.Id && m.Role == Role.Executive).Select(m => m.UserId).SingleAsync());
        var link = $"/assessments/{team.AssessmentId}/clarifications/{id}";
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == link).Select(n => n.UserId).ToListAsync());
        Assert.Contains(coordinatorId, told);
        Assert.Contains(owner.Id, told);
        Assert.DoesNotContain(otherOwner.Id, told);
        Assert.DoesNotContain(executiveId, told);
        Assert.DoesNotContain(reviewerPerson.Id, told);

        Assert.Equal(HttpStatusCode.Created, (await team.Coordinator.PostAsJsonAsync(Url(team.AssessmentId, $"/{id}/messages"), new { text = "ชี้แจงแล้ว" })).StatusCode);
        var toReviewer = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.UserId == reviewerPerson.Id).ToListAsync());
        Assert.Single(toReviewer);
        Assert.Contains("1.1", toReviewer[0].Title);
    }
}

public sealed class ClarificationApiTests_Sqlite(SqliteApp app) : ClarificationApiTests(app), IClassFixture<SqliteApp>;
public sealed class ClarificationApiTests_Postgres(PostgresApp app) : ClarificationApiTests(app), IClassFixture<PostgresApp>;
