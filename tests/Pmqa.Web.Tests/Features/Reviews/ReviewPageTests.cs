using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

/// <summary>The review pages as a person uses them: errors next to the field, nothing typed lost, and the
/// independence rule visible (no side-by-side before one's own submission).</summary>
public abstract class ReviewPageTests(PmqaApp app)
{
    [Fact]
    public async Task Adjusting_an_indicator_without_a_reason_shows_the_error_at_the_field_and_keeps_the_typed_values()
    {
        var s = await app.SubmittedAsync();
        await s.AssignAsync();
        var lead = await app.BrowserAsync(s.Lead.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/assessments/{s.Team.AssessmentId}/review?handler=Declare", [],
            $"/assessments/{s.Team.AssessmentId}/review")).StatusCode);
        var page = $"/assessments/{s.Team.AssessmentId}/review/issues/7.1";
        var response = await lead.PostFormAsync(page, new()
        {
            ["Version"] = "0", ["Judgements[0].Decision"] = "adjust", ["Judgements[0].Target"] = "80", ["Judgements[0].R0"] = "61.5",
            ["Judgements[0].Reason"] = "", ["Strengths"] = "มีการเก็บข้อมูลต่อเนื่อง",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("is-invalid", html.QuerySelector("#r-0")!.ClassName);
        Assert.Contains("เหตุผล", html.QuerySelector("#r-0-error")!.TextContent);
        Assert.Equal("61.5", html.QuerySelector("#v-0-R0")!.GetAttribute("value"));
        Assert.Equal("มีการเก็บข้อมูลต่อเนื่อง", html.QuerySelector("#Strengths")!.TextContent);
    }

    [Fact]
    public async Task A_reviewer_who_has_not_submitted_is_sent_to_its_own_review_instead_of_the_side_by_side_view()
    {
        var s = await app.SubmittedAsync();
        await s.AssignAsync();
        var second = await app.BrowserAsync(s.Second.Email, Seed.Password);
        var response = await second.GetAsync($"/assessments/{s.Team.AssessmentId}/consensus/issues/1.1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/assessments/{s.Team.AssessmentId}/review", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Assigning_a_member_of_the_agency_shows_the_conflict_next_to_the_reviewers()
    {
        var s = await app.SubmittedAsync();
        await s.Team.Admin.MemberAsync(s.Team.Org, s.Second, "categoryOwner");
        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var page = $"/assessments/{s.Team.AssessmentId}/review-team";
        var response = await officer.PostFormAsync(page, new() { ["LeadId"] = s.Lead.Id.ToString(), ["ReviewerIds"] = s.Second.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ผลประโยชน์ทับซ้อน", (await response.HtmlAsync()).QuerySelector("#reviewers-error")!.TextContent);
        var form = await officer.GetHtmlAsync(page);
        Assert.True(form.QuerySelector($"#rev-{s.Second.Id:N}")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_review_pages_speak_English_when_the_person_chose_English()
    {
        var s = await app.SubmittedAsync();
        await s.AssignAsync();
        var lead = await app.BrowserAsync(s.Lead.Email, Seed.Password);
        await lead.PostFormAsync($"/assessments/{s.Team.AssessmentId}/review?handler=Declare", [], $"/assessments/{s.Team.AssessmentId}/review");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync("/account/language", new() { ["language"] = "en", ["returnUrl"] = "/" }, "/")).StatusCode);
        var review = await lead.GetHtmlAsync($"/assessments/{s.Team.AssessmentId}/review");
        Assert.Equal("en", review.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Submit my review", review.Body!.TextContent);
        var issue = await lead.GetHtmlAsync($"/assessments/{s.Team.AssessmentId}/review/issues/7.1");
        Assert.Contains("Accept as reported", issue.Body!.TextContent);
        Assert.Contains("Opportunities for improvement", issue.Body.TextContent);
    }

    [Fact]
    public async Task The_round_board_shows_who_reviews_each_agency()
    {
        var s = await app.SubmittedAsync();
        await s.AssignAsync();
        var board = await s.OfficerApi.GetAsync($"/api/v1/rounds/{s.Team.RoundId}").JsonOf();
        var entry = board.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("assessmentId").GetGuid() == s.Team.AssessmentId);
        Assert.Equal(2, entry.GetProperty("review").GetProperty("reviewers").GetInt32());
        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var page = await officer.GetHtmlAsync($"/rounds/{s.Team.RoundId}");
        Assert.Contains("ส่งผลแล้ว 0/2", page.QuerySelector("main table")!.TextContent);
    }
}

public sealed class ReviewPageTests_Sqlite(SqliteApp app) : ReviewPageTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewPageTests_Postgres(PostgresApp app) : ReviewPageTests(app), IClassFixture<PostgresApp>;
