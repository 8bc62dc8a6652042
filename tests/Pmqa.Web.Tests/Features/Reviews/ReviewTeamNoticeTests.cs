using System.Net;
using System.Net.Http.Json;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Reviews;

/// <summary>What the officer and the people concerned are told around a review team: who has not signed in yet,
/// what waits for a team, and a sentence that fits each person's role.</summary>
public abstract class ReviewTeamNoticeTests(PmqaApp app)
{
    [Fact]
    public async Task An_invited_reviewer_who_never_signed_in_is_marked_and_the_officer_is_warned_after_choosing_them()
    {
        var s = await app.SubmittedAsync();
        var email = $"{Seed.Unique("invited")}@opdc.go.th";
        var created = await s.Team.Admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "นายรอ ตั้งรหัส" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invited = new Seed.Person(await Seed.IdOf(created), email);
        await s.Team.Admin.MemberAsync(await app.OpdcAsync(), invited, "reviewer");

        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var page = $"/assessments/{s.Team.AssessmentId}/review-team";
        var form = await officer.GetHtmlAsync(page);
        Assert.NotNull(form.QuerySelector($"#never-{invited.Id:N}"));
        Assert.Null(form.QuerySelector($"#never-{s.Lead.Id:N}"));

        var saved = await officer.PostFormAsync(page, new() { ["LeadId"] = s.Lead.Id.ToString(), ["ReviewerIds"] = invited.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await officer.GetHtmlAsync(page);
        Assert.Contains("นายรอ ตั้งรหัส", after.QuerySelector("#not-signed-in-warning")!.TextContent);
        Assert.Contains("ยังไม่เคยเข้าสู่ระบบ", after.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task The_officers_review_page_lists_what_waits_for_a_team_and_each_person_gets_the_sentence_for_their_role()
    {
        var s = await app.SubmittedAsync();
        var officer = await app.BrowserAsync(s.Officer.Email, Seed.Password);
        var desk = await officer.GetHtmlAsync("/reviews");
        Assert.NotNull(desk.QuerySelector($"#waiting-for-team a[href='/assessments/{s.Team.AssessmentId}/review-team']"));

        Assert.Equal(HttpStatusCode.OK, (await s.AssignAsync()).StatusCode);
        var after = await officer.GetHtmlAsync("/reviews");
        Assert.Null(after.QuerySelector($"#waiting-for-team a[href='/assessments/{s.Team.AssessmentId}/review-team']"));

        var agency = (await (await s.Team.Coordinator.GetAsync("/api/v1/notifications")).JsonAsync()).ToString();
        var reviewer = (await (await s.SecondApi.GetAsync("/api/v1/notifications")).JsonAsync()).ToString();
        Assert.Contains("เริ่มตรวจประเมินผลการประเมินตนเองของหน่วยงานท่าน", agency);
        Assert.DoesNotContain("ท่านได้รับมอบหมาย", agency);
        Assert.Contains("ท่านได้รับมอบหมายให้ตรวจประเมิน", reviewer);
        Assert.DoesNotContain("หน่วยงานท่าน", reviewer);
        Assert.DoesNotContain("ท่านอยู่ในคณะผู้ตรวจหรือหน่วยงานที่ถูกตรวจ", agency + reviewer);
    }
}

public sealed class ReviewTeamNoticeTests_Sqlite(SqliteApp app) : ReviewTeamNoticeTests(app), IClassFixture<SqliteApp>;
public sealed class ReviewTeamNoticeTests_Postgres(PostgresApp app) : ReviewTeamNoticeTests(app), IClassFixture<PostgresApp>;
