using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pmqa.Browser.Tests;

/// <summary>
/// The whole improvement loop (issue 9) in one agency's year and the next: from the submitted assessment the coordinator
/// reads the gaps and the path to 350 and selects a gap; the plan's project form offers that gap first; the executive
/// approves the plan and OPDC comments; the 6-month report carries an evidence file; next year the coordinator starts
/// the new assessment from last year, the project's work lifts issues 1.1 and 1.2, and the comparison page shows what
/// moved. At 1366 and 390 px, in Thai and English, axe-clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ImprovementLoopJourneyTests(BrowserFixture browser, AppServer app, ITestOutputHelper output) : IClassFixture<AppServer>
{
    [Fact]
    public async Task From_gaps_to_an_approved_plan_reported_on_and_next_year_s_comparison_showing_what_moved()
    {
        var agency = new AgencySetup(app);
        var (assessment, coordinator, executive) = await agency.CreateAsync("LOOP-J1");
        await agency.AnswerEverythingAsync(assessment, coordinator);
        var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "รายงานการประชุมทบทวนข้อมูล.pdf" } };
        (await agency.Client.PostAsync($"/api/v1/assessments/{assessment}/evidence", file)).EnsureSuccessStatusCode();
        var organization = (await agency.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessment}")).GetProperty("organizationId").GetGuid();
        var setup = new ReviewSetup(app);
        await setup.SubmitAndApproveAsync(assessment, coordinator, executive);
        var officer = await setup.OpdcPersonAsync("officer-loop@opdc.go.th", "นางเจ้าหน้าที่ วงจรพัฒนา", "opdcOfficer");

        // Gaps, the path to the round's line (350), and a gap selected with its reason.
        await using var c = await SignIn.BrowserAsync(browser.Browser, app, coordinator);
        await c.GotoAsync($"/assessments/{assessment}/gaps");
        await Expect(c.Page.Locator("#gap-1-2 [data-missing-items]")).ToContainTextAsync("1.2.A1");
        await c.Page.Locator("main a", new() { HasTextString = "เส้นทางสู่คะแนนเป้าหมาย" }).First.ClickAsync();
        await Expect(c.Page.Locator("#target")).ToHaveValueAsync("350");
        await Expect(c.Page.Locator("#path-summary")).ToContainTextAsync("ติ๊กเพิ่มอย่างน้อย");
        await c.ScreenshotAsync("loop-01-path-1366");
        await c.GotoAsync($"/assessments/{assessment}/gaps");
        await c.Page.Locator("#impact-1-2").SelectOptionAsync("5");
        await c.Page.Locator("#urgency-1-2").SelectOptionAsync("4");
        await c.Page.Locator("#selected-1-2").CheckAsync();
        await c.Page.Locator("#rationale-1-2").FillAsync("ผู้บริหารยังไม่ใช้ข้อมูลในการตัดสินใจ");
        await c.Page.Locator("#gap-1-2 button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator(".alert-success")).ToContainTextAsync("1.2");

        // The plan: the selected gap comes first in the project form, marked.
        await c.GotoAsync($"/assessments/{assessment}");
        await c.Page.Locator("#plans-link").ClickAsync();
        await c.Page.Locator("#FiscalYear").FillAsync("2571");
        await c.Page.Locator("#create-plan").ClickAsync();
        await c.Page.WaitForURLAsync(PlanPage());
        var planUrl = new Uri(c.Page.Url).AbsolutePath;
        var form = c.Page.Locator("#new-project");
        var first = form.Locator(".plan-issue-choices .form-check").First;
        await Expect(first).ToHaveAttributeAsync("data-selected-gap", "true");
        await Expect(first).ToContainTextAsync("ช่องว่างที่เลือก");
        await Expect(first.Locator("input")).ToHaveValueAsync("1.2");
        await first.Locator("input").CheckAsync();
        await form.Locator("input[name='Project.IssueCodes'][value='1.1']").CheckAsync();
        await form.Locator("input[name='Project.Title']").FillAsync("พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร");
        await form.Locator("textarea[name='Project.Objective']").FillAsync("ผู้บริหารใช้ข้อมูลจริงในการตัดสินใจทุกไตรมาส");
        await form.Locator("select[name='Project.OwnerId']").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "นางสาวประสาน งานดี" });
        await form.Locator("input[name='Project.StartDate']").FillAsync("1/11/2570");
        await form.Locator("input[name='Project.EndDate']").FillAsync("30/6/2571");
        await form.Locator("input[name='Project.Budget']").FillAsync("250000");
        await form.Locator("input[name='Project.IndicatorName']").FillAsync("ร้อยละของการตัดสินใจที่ใช้ข้อมูล");
        await form.Locator("input[name='Project.Target']").FillAsync("80");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator(".alert-success")).ToContainTextAsync("บันทึกโครงการแล้ว");
        var project = c.Page.Locator("[data-project]").First;
        await project.Locator("summary", new() { HasTextString = "เพิ่มกิจกรรม" }).ClickAsync();
        var action = project.Locator("details", new() { Has = c.Page.Locator("summary", new() { HasTextString = "เพิ่มกิจกรรม" }) });
        await action.Locator("input[name='Action.Title']").FillAsync("ประชุมทบทวนข้อมูลผลการดำเนินงานรายไตรมาส");
        await action.Locator("select[name='Action.OwnerId']").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "นางสาวประสาน งานดี" });
        await action.Locator("input[name='Action.StartDate']").FillAsync("1/11/2570");
        await action.Locator("input[name='Action.EndDate']").FillAsync("31/3/2571");
        await action.Locator("input[name='Action.Budget']").FillAsync("60000");
        await action.Locator("button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator("[data-action]")).ToContainTextAsync("ประชุมทบทวนข้อมูล");
        await c.Page.Locator("#submit-plan").ClickAsync();
        await Expect(c.Page.Locator("#plan-status")).ToHaveAttributeAsync("data-status", "awaitingApproval");

        // The executive approves; OPDC comments; the agency answers.
        await using (var boss = await SignIn.BrowserAsync(browser.Browser, app, executive))
        {
            await boss.GotoAsync(planUrl);
            await boss.Page.Locator("#approve-ApproverName").FillAsync("นายบริหาร ใจกว้าง");
            await boss.Page.Locator("#approve-ApproverPosition").FillAsync("อธิบดี");
            await boss.Page.Locator("#approve-plan").ClickAsync();
            await Expect(boss.Page.Locator("#plan-status")).ToHaveAttributeAsync("data-status", "approved");
        }
        await using (var opdc = await SignIn.BrowserAsync(browser.Browser, app, officer))
        {
            await opdc.GotoAsync(planUrl);
            await opdc.Page.Locator("#comment-CommentText").FillAsync("ควรวัดผลจากการตัดสินใจที่ใช้ข้อมูลจริง");
            await opdc.Page.Locator("#comment-form button[type=submit]").ClickAsync();
            await Expect(opdc.Page.Locator("[data-comment]")).ToContainTextAsync("ควรวัดผลจากการตัดสินใจที่ใช้ข้อมูลจริง");
            opdc.AssertNoProblems();
        }
        await c.GotoAsync(planUrl);
        await c.Page.Locator("[data-comment] textarea[name=CommentText]").FillAsync("เพิ่มการนับการตัดสินใจในที่ประชุมผู้บริหารแล้ว");
        await c.Page.Locator("[data-comment] button[type=submit]").ClickAsync();
        await Expect(c.Page.Locator("[data-answer]")).ToContainTextAsync("เพิ่มการนับการตัดสินใจ");
        // Until next year's assessment exists, the plan says where its results will show.
        await Expect(c.Page.Locator("#plan-results")).ToContainTextAsync("ผลการพัฒนาจะแสดงเมื่อมีการประเมินของปีงบประมาณถัดไป");

        // The 6-month report with the evidence file.
        await c.Page.Locator("button", new() { HasTextString = "รายงานรอบ 6 เดือน" }).ClickAsync();
        await c.Page.WaitForURLAsync(new Regex("/reports/"));
        await c.Page.Locator("#status-0").SelectOptionAsync("inProgress");
        await c.Page.Locator("#progress-0").FillAsync("60");
        await c.Page.Locator("#narrative-0").FillAsync("ประชุมทบทวนไปแล้ว 2 ไตรมาส");
        await c.Page.GetByLabel("รายงานการประชุมทบทวนข้อมูล.pdf").CheckAsync();
        await c.Page.Locator("#submit-report").ClickAsync();
        await Expect(c.Page.Locator("#report-state")).ToContainTextAsync("ส่งแล้ว");

        // Next fiscal year: OPDC opens the round; the coordinator starts from last year on the new assessment's page,
        // and the project's work is ticked (issues 1.1 and 1.2 through Advance; 4.1 stays as it was).
        var next = await new ImprovementSetup(app).NextYearAssessmentAsync(organization);
        await c.GotoAsync($"/assessments/{next}");
        await c.Page.Locator("button", new() { HasTextString = "เริ่มจากปีที่แล้ว" }).ClickAsync();
        await Expect(c.Page.Locator(".alert-success")).ToBeVisibleAsync();
        using (var api = await SignIn.ApiAsync(app, coordinator))
        {
            await ImprovementSetup.TickThroughAdvanceAsync(api, next, "1.1");
            await ImprovementSetup.TickThroughAdvanceAsync(api, next, "1.2");
        }

        // The comparison, from the plan's page: 1.2 was the selected gap and closed; the project's two issues improved.
        await c.GotoAsync(planUrl);
        await c.Page.Locator("#comparison-link").ClickAsync();
        await c.Page.WaitForURLAsync($"**/assessments/{next}/comparison");
        await Expect(c.Page.Locator("#comparison-years")).ToContainTextAsync("2570");
        var gap = c.Page.Locator("#issue-changes tr[data-issue='1.2']");
        await Expect(gap).ToHaveAttributeAsync("data-gap-closed", "true");
        await Expect(gap).ToContainTextAsync("ระดับพื้นฐาน");
        await Expect(gap).ToContainTextAsync("ระดับก้าวหน้า");
        await Expect(gap).ToContainTextAsync("เลือกดำเนินการ");
        await Expect(c.Page.Locator("#issue-changes tr[data-issue='4.1']")).ToHaveAttributeAsync("data-improved", "false");
        await Expect(c.Page.Locator("#gaps-closed strong")).Not.ToHaveTextAsync("0");
        var outcome = c.Page.Locator("#project-outcomes tr").Filter(new() { HasTextString = "พัฒนาระบบข้อมูลเพื่อการตัดสินใจของผู้บริหาร" });
        await Expect(outcome.Locator("[data-improved]")).ToContainTextAsync("1.1");
        await Expect(outcome.Locator("[data-improved]")).ToContainTextAsync("1.2");
        await Expect(c.Page.Locator("#indicator-trends")).ToContainTextAsync("2570");
        await Expect(c.Page.Locator("svg.comparison-chart")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolationsAsync(c.Page, "comparison", output);
        await c.ScreenshotAsync("loop-02-comparison-1366");
        // The same page is linked from the assessment's home.
        await c.GotoAsync($"/assessments/{next}");
        await Expect(c.Page.Locator("#comparison-link")).ToHaveAttributeAsync("href", $"/assessments/{next}/comparison");

        // English, and a phone: the comparison and the plan fit 390 px and stay axe-clean.
        await c.GotoAsync($"/assessments/{next}/comparison");
        await c.SwitchLanguageAsync("English", "en");
        await Expect(c.Page.Locator("main h1")).ToHaveTextAsync("Results against last year");
        await Expect(c.Page.Locator("#issue-changes tr[data-issue='1.2']")).ToContainTextAsync("closed");
        await c.ScreenshotAsync("loop-03-comparison-en");
        await using var phone = await SignIn.BrowserAsync(browser.Browser, app, coordinator, 390, 844);
        foreach (var (path, name) in new[] { ($"/assessments/{next}/comparison", "comparison"), (planUrl, "plan"), ($"/assessments/{assessment}/gaps", "gaps") })
        {
            await phone.GotoAsync(path);
            var wide = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(wide <= 390, $"{path} is {wide} px wide at 390 px");
            await AxeCheck.AssertNoSeriousViolationsAsync(phone.Page, $"{name} at 390 px", output);
            await phone.ScreenshotAsync($"loop-04-{name}-390");
        }
        await using var phoneEnglish = await SignIn.BrowserAsync(browser.Browser, app, coordinator, 390, 844, "en");
        await phoneEnglish.GotoAsync($"/assessments/{next}/comparison");
        Assert.True(await phoneEnglish.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the English comparison is wider than 390 px");
        await phoneEnglish.ScreenshotAsync("loop-05-comparison-390-en");
        foreach (var s in new[] { c, phone, phoneEnglish }) s.AssertNoProblems();
    }

    [GeneratedRegex(@"/plans/[0-9a-f-]{36}$")]
    private static partial Regex PlanPage();
}
