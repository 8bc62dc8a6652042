using System.Net;
using Pmqa.Web.Tests.Features.Reviews;
using Pmqa.Web.Tests.Infrastructure;

namespace Pmqa.Web.Tests.Features.Plans;

public abstract class PlanPageTests(PmqaApp app)
{
    [Fact]
    public async Task The_coordinator_makes_a_plan_on_the_page_and_a_refused_project_keeps_what_was_typed()
    {
        var review = await app.DraftPlanAsync(horizon: "threeYear");
        var coordinator = await app.BrowserAsync(review.Team.CoordinatorEmail, Seed.Password);
        var plan = $"/plans/{review.PlanId}";
        var page = await coordinator.GetHtmlAsync(plan);
        var version = page.QuerySelector("#new-project input[name=Version]")!.GetAttribute("value")!;
        // The issue choices are the assessment's issues below the top level.
        Assert.NotNull(page.QuerySelector("#new-project input[name='Project.IssueCodes'][value='1.1']"));

        var refused = await coordinator.PostFormAsync($"{plan}?handler=Project", new()
        {
            ["Version"] = version, ["Project.Title"] = "ยกระดับการบริการดิจิทัล", ["Project.Objective"] = "ลดเวลารอคอย", ["Project.IssueCodes"] = "1.1",
            ["Project.OwnerId"] = review.CoordinatorId.ToString(), ["Project.StartDate"] = "1/3/2570", ["Project.EndDate"] = "1/2/2570",
            ["Project.Budget"] = "120000", ["Project.IndicatorName"] = "ระยะเวลารอคอย", ["Project.Target"] = "15",
        }, formPage: plan);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.HtmlAsync();
        Assert.Equal("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", html.QuerySelector("#project_new-Project_EndDate-error")!.TextContent.Trim());
        Assert.Equal("ยกระดับการบริการดิจิทัล", html.QuerySelector("#project_new-Project_Title")!.GetAttribute("value"));
        Assert.Equal("ลดเวลารอคอย", html.QuerySelector("#project_new-Project_Objective")!.TextContent);

        var saved = await coordinator.PostFormAsync($"{plan}?handler=Project", new()
        {
            ["Version"] = version, ["Project.Title"] = "ยกระดับการบริการดิจิทัล", ["Project.Objective"] = "ลดเวลารอคอย", ["Project.IssueCodes"] = "1.1",
            ["Project.OwnerId"] = review.CoordinatorId.ToString(), ["Project.StartDate"] = "1/3/2570", ["Project.EndDate"] = "31/12/2570",
            ["Project.Budget"] = "120,000", ["Project.IndicatorName"] = "ระยะเวลารอคอย", ["Project.Target"] = "15",
        }, formPage: plan);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await coordinator.GetHtmlAsync(plan);
        Assert.Contains("ยกระดับการบริการดิจิทัล", after.QuerySelector("[data-project]")!.TextContent);
        // 1 Mar 2027 – 31 Dec 2027 crosses 1 October: the budget splits over fiscal years 2570 and 2571.
        var years = after.QuerySelectorAll("#budget-by-year tbody th").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains("2570", years);
        Assert.Contains("2571", years);
        Assert.Equal("120,000.00", after.QuerySelector("#total-budget")!.TextContent.Trim());
        Assert.NotNull(after.QuerySelector("#timeline svg[role=img]"));

        // A save from the page read before this one is refused as a conflict, keeping the typed title.
        var stale = await coordinator.PostFormAsync($"{plan}?handler=Project", new()
        {
            ["Version"] = version, ["Project.Title"] = "โครงการที่สอง", ["Project.Objective"] = "x", ["Project.IssueCodes"] = "1.1",
            ["Project.OwnerId"] = review.CoordinatorId.ToString(), ["Project.StartDate"] = "1/3/2570", ["Project.EndDate"] = "1/4/2570",
            ["Project.Budget"] = "1", ["Project.IndicatorName"] = "x", ["Project.Target"] = "1",
        }, formPage: plan);
        var conflict = await stale.HtmlAsync();
        Assert.Contains("มีผู้อื่นแก้ไขแผนนี้", conflict.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal("โครงการที่สอง", conflict.QuerySelector("#project_new-Project_Title")!.GetAttribute("value"));

        // Another agency's coordinator gets 404 on the page.
        var other = await app.AgencyAsync();
        var outsider = await app.BrowserAsync(other.CoordinatorEmail, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(plan)).StatusCode);
    }

    [Fact]
    public async Task The_assessments_reviewer_reads_and_comments_on_an_approved_plan_and_another_reviewer_is_not_told_it_exists()
    {
        var s = await app.DraftPlanAsync();
        await s.AddProjectAsync();
        await s.ApproveAsync();
        Assert.Equal(HttpStatusCode.OK, (await s.Review.AssignAsync()).StatusCode);
        var plan = $"/plans/{s.PlanId}";
        var lead = await app.BrowserAsync(s.Review.Lead.Email, Seed.Password);
        var page = await lead.GetHtmlAsync(plan);
        Assert.NotNull(page.QuerySelector("#comment-form textarea[name=CommentText]"));
        var posted = await lead.PostFormAsync($"{plan}?handler=Comment", new() { ["CommentText"] = "ตัวชี้วัดควรวัดผลลัพธ์" }, formPage: plan);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("ตัวชี้วัดควรวัดผลลัพธ์", (await lead.GetHtmlAsync(plan)).QuerySelector("#comments")!.TextContent);

        var admin = await app.AdminApiAsync();
        var stranger = await admin.PersonAsync(await app.OpdcAsync(), "reviewer");
        var other = await app.BrowserAsync(stranger.Email, Seed.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(plan)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ApiAsync(stranger.Email, Seed.Password)).GetAsync($"/api/v1/plans/{s.PlanId}")).StatusCode);
    }
}

public sealed class PlanPageTests_Sqlite(SqliteApp app) : PlanPageTests(app), IClassFixture<SqliteApp>;
public sealed class PlanPageTests_Postgres(PostgresApp app) : PlanPageTests(app), IClassFixture<PostgresApp>;
