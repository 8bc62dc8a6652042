using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data.Entities;
using Pmqa.Web.Tests.Infrastructure;
using static Pmqa.Web.Tests.Features.Evidence.EvidenceFiles;

namespace Pmqa.Web.Tests.Features.Clarifications;

public abstract class ClarificationPageTests(PmqaApp app)
{
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient browser, string page, string handler, Dictionary<string, string> fields,
        (string Field, byte[] Content, string Name)? file = null)
    {
        var document = new HtmlParser().ParseDocument(await browser.GetStringAsync(page));
        var form = new MultipartFormDataContent
        {
            { new StringContent(document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, f.Field, f.Name);
        }
        return await browser.PostAsync($"{page}?handler={handler}", form);
    }

    [Fact]
    public async Task A_reviewer_asks_on_the_page_the_coordinator_answers_with_a_file_and_the_banner_follows()
    {
        var (team, _, reviewerPerson) = await app.UnderReviewAsync();
        var reviewer = await app.BrowserAsync(reviewerPerson.Email, Seed.Password);
        var coordinator = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var list = $"/assessments/{team.AssessmentId}/clarifications";

        // The form proposes a due date a week ahead; a past one is refused next to the field, keeping the question.
        var form = await reviewer.GetHtmlAsync(list);
        // Typed and shown as day/month/BE year in Thai: a browser's date picker would be Gregorian.
        var week = DateTime.UtcNow.AddHours(7).AddDays(7);
        Assert.StartsWith($"{week.Day}/{week.Month}/{week.Year + 543} ", form.QuerySelector("#Input_DueAt")!.GetAttribute("value"));
        Assert.Equal("text", form.QuerySelector("#Input_DueAt")!.GetAttribute("type"));
        var past = await reviewer.PostFormAsync($"{list}?handler=Ask", new()
        {
            ["Input.IssueCode"] = "1.1", ["Input.Question"] = "ขอรายงานการประชุมคณะกรรมการ", ["Input.DueAt"] = "2020-01-01T09:00",
        }, formPage: list);
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        var refused = await past.HtmlAsync();
        Assert.Contains("is-invalid", refused.QuerySelector("#Input_DueAt")!.ClassName);
        Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector("#Input_DueAt-error")!.TextContent));
        Assert.Equal("ขอรายงานการประชุมคณะกรรมการ", refused.QuerySelector("#Input_Question")!.TextContent);

        var due = DateTime.UtcNow.AddHours(7).AddDays(3);
        var asked = await reviewer.PostFormAsync($"{list}?handler=Ask", new()
        {
            ["Input.IssueCode"] = "1.1", ["Input.Question"] = "ขอรายงานการประชุมคณะกรรมการ", ["Input.DueAt"] = $"{due.Day}/{due.Month}/{due.Year + 543} 16:30",
        }, formPage: list);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        // 16:30 Bangkok time of that day, in the BE year typed, is 09:30 UTC of the Gregorian day.
        var stored = await app.WithDbAsync(db => db.Clarifications.Where(c => c.AssessmentId == team.AssessmentId).Select(c => c.DueAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(due.Year, due.Month, due.Day, 9, 30, 0, TimeSpan.Zero), stored.ToUniversalTime());
        var thread = asked.Headers.Location!.ToString();

        // The agency sees it waits for its answer, on the assessment and on that issue's page only.
        var home = await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}");
        Assert.Contains("รอหน่วยงานชี้แจง 1 ประเด็น", home.QuerySelector("[data-clarification-banner]")!.TextContent);
        Assert.NotNull((await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}/issues/1.1")).QuerySelector("[data-clarification-banner]"));
        Assert.Null((await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}/issues/2.1")).QuerySelector("[data-clarification-banner]"));

        // An empty answer is refused at the field; then an answer with a new file.
        var empty = await PostMultipartAsync(coordinator, thread, "Reply", new() { ["Reply.Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("is-invalid", (await empty.HtmlAsync()).QuerySelector("#Reply_Text")!.ClassName);
        var pdf = Pdf("page-answer");
        var answered = await PostMultipartAsync(coordinator, thread, "Reply", new() { ["Reply.Text"] = "แนบรายงานการประชุม" }, ("Reply.File", pdf, "minutes.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Null((await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}")).QuerySelector("[data-clarification-banner]"));

        var seen = await reviewer.GetHtmlAsync(thread);
        var link = seen.QuerySelectorAll("#messages a").Single(a => a.TextContent == "minutes.pdf");
        var download = await reviewer.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("answered", (await reviewer.GetHtmlAsync(list)).QuerySelector("#threads li")!.GetAttribute("data-status"));

        var closed = await reviewer.PostFormAsync($"{thread}?handler=Close", new() { ["Version"] = seen.QuerySelector("input[name=Version]")!.GetAttribute("value")! }, formPage: thread);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = await coordinator.GetHtmlAsync(thread);
        Assert.Null(after.QuerySelector("#Reply_Text"));
        Assert.Equal("closed", (await coordinator.GetHtmlAsync(list)).QuerySelector("#threads li")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task An_overdue_question_is_highlighted_and_the_agency_sees_no_ask_form()
    {
        var (team, _, reviewerPerson) = await app.UnderReviewAsync();
        await app.WithDbAsync(db =>
        {
            var thread = new Clarification
            {
                AssessmentId = team.AssessmentId, IssueCode = "3.1", DueAt = DateTimeOffset.UtcNow.AddDays(-2), AskedAt = DateTimeOffset.UtcNow.AddDays(-9),
                AskedByUserId = reviewerPerson.Id,
            };
            db.Clarifications.Add(thread);
            db.ClarificationMessages.Add(new ClarificationMessage { ClarificationId = thread.Id, Text = "ขอข้อมูลเพิ่มเติม", At = thread.AskedAt, AuthorUserId = reviewerPerson.Id, AuthorName = "ผู้ตรวจ" });
            return db.SaveChangesAsync();
        });
        var coordinator = await app.BrowserAsync(team.CoordinatorEmail, Seed.Password);
        var page = await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}/clarifications");
        var row = page.QuerySelector("#threads li")!;
        Assert.Equal("true", row.GetAttribute("data-overdue"));
        Assert.Contains("เลยกำหนด", row.TextContent);
        Assert.Null(page.QuerySelector("#Input_Question"));
        Assert.Contains("alert-danger", (await coordinator.GetHtmlAsync($"/assessments/{team.AssessmentId}")).QuerySelector("[data-clarification-banner]")!.ClassName);
        Assert.Equal(1, await app.WithDbAsync(db => db.Clarifications.CountAsync(c => c.AssessmentId == team.AssessmentId)));
    }
}

public sealed class ClarificationPageTests_Sqlite(SqliteApp app) : ClarificationPageTests(app), IClassFixture<SqliteApp>;
public sealed class ClarificationPageTests_Postgres(PostgresApp app) : ClarificationPageTests(app), IClassFixture<PostgresApp>;
