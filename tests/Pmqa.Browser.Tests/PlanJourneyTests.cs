using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The improvement loop's plan in the browser (issue 9, ADR 0017): from a submitted assessment the coordinator makes a
/// plan with a project and an action and submits it; the executive approves it (name, position); OPDC comments and the
/// agency answers; the coordinator reports at 6 months with an evidence file; OPDC's round table shows it all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PlanJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_plan_is_made_approved_commented_answered_and_reported_on_and_OPDC_sees_it()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("PL-J1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        // An evidence file of the assessment (agency.Client is the coordinator now), to attach to the report later.
        var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "ภาพการอบรมผู้บริหาร.pdf" } };
        (await agency.Client.PostAsync($"/api/v1/assessments/{assessment}/evidence", file)).EnsureSuccessStatusCode();
        var roundId = (await agency.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessment}")).GetProperty("roundId").GetGuid();
        var setup = new ReviewSetup(app);
        await setup.SubmitAndApproveAsync(assessment, coordinator, executive);
        var officer = await setup.OpdcPersonAsync("officer-plan@opdc.go.th", "นางเจ้าหน้าที่ แผนงาน", "opdcOfficer");

        // The coordinator goes from the assessment to its plans and makes a one-year plan.
        await using var c = await SignedInAsync(coordinator);
        await c.GotoAsync($"/assessments/{assessment}");
        await c.Page.Locator("#plans-link").ClickAsync();
        await c.Page.Locator("#FiscalYear").FillAsync("2571");
        await c.Page.Locator("#create-plan").ClickAsync();
        await c.Page.WaitForURLAsync(PlanPage());
        var planUrl = new Uri(c.Page.Url).AbsolutePath;

        // A project: a wrong end date is refused at the field and nothing typed is lost.
        var form = c.Page.Locator("#new-project");
        await form.Locator("input[name='Project.Title']").FillAsync("พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร");
        await form.Locator("textarea[name='Project.Objective']").FillAsync("ผู้บริหารใช้ข้อมูลจริงในการตัดสินใจทุกไตรมาส");
        await form.Locator("input[name='Project.IssueCodes'][value='1.1']").CheckAsync();
        await form.Locator("select[name='Project.OwnerId']").SelectOptionAsync(new SelectOptionValue { Label = "นางสาวประสาน งานดี" });
        await form.Locator("input[name='Project.StartDate']").FillAsync("1/11/2570");
        await form.Locator("input[name='Project.EndDate']").FillAsync("1/10/2570");
        await form.Locator("input[name='Project.Budget']").FillAsync("250000");
        await form.Locator("input[name='Project.IndicatorName']").FillAsync("ร้อยละของการตัดสินใจที่ใช้ข้อมูล");
        await form.Locator("input[name='Project.Target']").FillAsync("80");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator("#new-project .invalid-feedback", new() { HasTextString = "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม" })).ToBeVisibleAsync();
        await Expect(c.Page.Locator("#new-project input[name='Project.Title']")).ToHaveValueAsync("พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร");
        await c.Page.Locator("#new-project input[name='Project.EndDate']").FillAsync("30/6/2571");
        await c.Page.Locator("#new-project button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกโครงการแล้ว");

        // An action of the project.
        var project = c.Page.Locator("[data-project]").First;
        await project.Locator("summary", new() { HasTextString = "เพิ่มกิจกรรม" }).ClickAsync();
        var action = project.Locator("details", new() { Has = c.Page.Locator("summary", new() { HasTextString = "เพิ่มกิจกรรม" }) });
        await action.Locator("input[name='Action.Title']").FillAsync("อบรมการใช้แดชบอร์ดให้ผู้บริหาร");
        await action.Locator("select[name='Action.OwnerId']").SelectOptionAsync(new SelectOptionValue { Label = "นางสาวประสาน งานดี" });
        await action.Locator("input[name='Action.StartDate']").FillAsync("1/11/2570");
        await action.Locator("input[name='Action.EndDate']").FillAsync("15/12/2570");
        await action.Locator("input[name='Action.Budget']").FillAsync("50000");
        await action.Locator("button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator("[data-action]")).ToContainTextAsync("อบรมการใช้แดชบอร์ดให้ผู้บริหาร");
        await Expect(c.Page.Locator("#total-budget")).ToHaveTextAsync("250,000.00");
        await Expect(c.Page.Locator("#timeline svg")).ToBeVisibleAsync();
        await c.ScreenshotAsync("plan-01-editor");
        await AxeCheck.AssertNoSeriousViolationsAsync(c.Page, "plan editor", output);
        await c.Page.Locator("#submit-plan").ClickAsync();
        await Expect(c.Page.Locator("#plan-status")).ToHaveAttributeAsync("data-status", "awaitingApproval");

        // The executive approves with name and position: the plan goes to OPDC.
        await using (var boss = await SignedInAsync(executive))
        {
            await Expect(boss.Page.Locator("#my-plans [data-kind=approve]")).ToBeVisibleAsync();
            await boss.GotoAsync(planUrl);
            await boss.Page.Locator("#approve-ApproverName").FillAsync("นายบริหาร ใจกว้าง");
            await boss.Page.Locator("#approve-ApproverPosition").FillAsync("อธิบดี");
            await boss.Page.Locator("#approve-plan").ClickAsync();
            await Expect(boss.Page.Locator("#plan-status")).ToHaveAttributeAsync("data-status", "approved");
            await Expect(boss.Page.Locator("main")).ToContainTextAsync("นายบริหาร ใจกว้าง (อธิบดี)");
        }

        // OPDC comments on the plan.
        await using var opdc = await SignedInAsync(officer);
        await opdc.GotoAsync(planUrl);
        await opdc.Page.Locator("#comment-CommentText").FillAsync("ตัวชี้วัดควรสะท้อนผลลัพธ์ต่อประชาชน");
        await opdc.Page.Locator("#comment-form button[type=submit]").ClickAsync();
        await Expect(opdc.Page.Locator("[data-comment]")).ToContainTextAsync("ตัวชี้วัดควรสะท้อนผลลัพธ์ต่อประชาชน");

        // The agency answers the comment.
        await c.GotoAsync(planUrl);
        await c.Page.Locator("[data-comment] textarea[name=CommentText]").FillAsync("ปรับตัวชี้วัดเป็นความพึงพอใจของผู้รับบริการแล้ว");
        await c.Page.Locator("[data-comment] button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator("[data-answer]")).ToContainTextAsync("ปรับตัวชี้วัดเป็นความพึงพอใจ");

        // The 6-month report with the evidence file.
        await c.Page.Locator("button", new() { HasTextString = "รายงานรอบ 6 เดือน" }).ClickAsync();
        await c.Page.WaitForURLAsync(new Regex("/reports/"));
        await c.Page.Locator("#status-0").SelectOptionAsync("inProgress");
        await c.Page.Locator("#progress-0").FillAsync("150");
        await c.Page.Locator("#narrative-0").FillAsync("อบรมผู้บริหารไปแล้ว 2 รุ่น จาก 3 รุ่น");
        await c.Page.GetByLabel("ภาพการอบรมผู้บริหาร.pdf").CheckAsync();
        await c.Page.Locator("#save-report").ClickAsync();
        await Expect(c.Page.Locator("#progress-0-error")).ToContainTextAsync("ร้อยละ 0 ถึง 100");
        await Expect(c.Page.Locator("#narrative-0")).ToHaveValueAsync("อบรมผู้บริหารไปแล้ว 2 รุ่น จาก 3 รุ่น");
        await c.Page.Locator("#progress-0").FillAsync("60");
        await c.Page.Locator("#submit-report").ClickAsync();
        await Expect(c.Page.Locator("#report-state")).ToContainTextAsync("ส่งแล้ว");
        await c.ScreenshotAsync("plan-02-report");
        await AxeCheck.AssertNoSeriousViolationsAsync(c.Page, "6-month report", output);

        // OPDC's table of the round shows the approved plan, its budget, the action in progress and the report.
        await opdc.GotoAsync($"/rounds/{roundId}/plans");
        var row = opdc.Page.Locator("#round-plans tr[data-org='PL-J1']");
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "approved");
        await Expect(row).ToContainTextAsync("250,000.00");
        await Expect(row).ToContainTextAsync("รายงานรอบ 6 เดือน");
        await AxeCheck.AssertNoSeriousViolationsAsync(opdc.Page, "round plans table", output);
        await row.Locator("a").ClickAsync();
        await opdc.Page.WaitForURLAsync(PlanPage());

        // At phone width, in English, the plan and the report fit the screen.
        await using var phone = await SignedInAsync(coordinator, 390, 844, "en");
        foreach (var path in new[] { planUrl, new Uri(c.Page.Url).AbsolutePath })
        {
            await phone.GotoAsync(path);
            Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than 390 px");
            await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, $"{path} at 390 px in English", output);
        }
        await phone.GotoAsync(planUrl);
        await phone.ScreenshotAsync("plan-03-phone-english");
        foreach (var s in new[] { c, opdc, phone }) s.AssertNoProblems();
    }

    [GeneratedRegex(@"/plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanPage();

    private async Task<BrowserSession> SignedInAsync(string email, int width = 1366, int height = 900, string language = "th")
    {
        var s = await BrowserSession.StartAsync(browser.Browser, app, language, width, height);
        await s.GotoAsync("/account/login");
        await s.Page.Locator("#Input_Email").FillAsync(email);
        await s.Page.Locator("#Input_Password").FillAsync(AgencySetup.Password);
        await s.Page.Locator("main form button[type=submit]").ClickAsync();
        await s.Page.WaitForURLAsync(new Regex("/$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(s.Page.Locator("main h1")).ToBeVisibleAsync();
        return s;
    }
}
